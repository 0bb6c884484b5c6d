package org.cdbkit.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * A test class that runs the real C tools at these paths. Checked once for the class, before any
 * test or try runs (see {@link OriginalsCheck}): where a tool is missing the whole class is
 * skipped with the reason, or, where the originals are required ({@link Oracle#required()}),
 * fails. Works for Jupiter tests and jqwik properties alike.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(OriginalsCheck.class)
@AddLifecycleHook(OriginalsCheck.class)
public @interface NeedsOriginals {
    /** Absolute paths of the tools, e.g. {@code /usr/bin/cdbmake}. */
    String[] value();
}
