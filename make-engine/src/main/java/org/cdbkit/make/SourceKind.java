package org.cdbkit.make;

/** How a target's source is compiled. */
public enum SourceKind {
    /** {@code X} compiled as tcprules compiles it. */
    RULES,
    /** {@code X.cdbmake} in cdbmake's {@code +klen,dlen:key->data} format. */
    CDBMAKE
}
