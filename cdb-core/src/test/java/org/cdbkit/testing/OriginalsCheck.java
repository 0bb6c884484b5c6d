package org.cdbkit.testing;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * The check behind {@link NeedsOriginals}, for both engines. jqwik would otherwise count a
 * missing tool, found inside a try, as a rejected try and end the property "exhausted"; here the
 * decision is made once for the class.
 */
public final class OriginalsCheck implements ExecutionCondition, SkipExecutionHook {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String missing = missing(context.getElement());
        return missing == null ? ConditionEvaluationResult.enabled("the originals are installed")
                : ConditionEvaluationResult.disabled(missing);
    }

    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
        String missing = missing(context.optionalElement());
        return missing == null ? SkipResult.doNotSkip() : SkipResult.skip(missing);
    }

    /** Why the element cannot run, or null; fails instead where the originals are required. */
    private static String missing(Optional<AnnotatedElement> element) {
        Optional<NeedsOriginals> needs = element.flatMap(e -> AnnotationSupport.findAnnotation(e, NeedsOriginals.class));
        if (needs.isEmpty()) {
            return null;
        }
        for (String tool : needs.get().value()) {
            String why = Oracle.whyMissing(tool);
            if (why != null) {
                if (Oracle.required()) {
                    throw new AssertionError(why + "; the originals are required here (CI=true or "
                            + "CDBKIT_REQUIRE_ORACLE): run .ci/run to install them");
                }
                String reason = why + " (.ci/run installs the originals; skipped)";
                if (element.get() instanceof Class) {
                    // once a class, on the console: Maven's summary counts skips without their reasons
                    System.out.println("SKIPPED " + ((Class<?>) element.get()).getSimpleName() + ": " + reason);
                }
                return reason;
            }
        }
        return null;
    }
}
