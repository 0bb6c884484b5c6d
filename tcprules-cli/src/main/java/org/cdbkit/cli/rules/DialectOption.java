package org.cdbkit.cli.rules;

import org.cdbkit.rules.RulesDialect;

/** {@code --dialect=NAME}, the option tcprules, tcprulescheck and tcprulesdump share. */
final class DialectOption {
    static final String PREFIX = "--dialect=";

    private DialectOption() {
    }

    /** The dialect {@code argument} names ({@code ucspi-tcp}, {@code ucspi-tcp6}), or null when it names none. */
    static RulesDialect parse(String argument) {
        return argument.startsWith(PREFIX) ? RulesDialect.named(argument.substring(PREFIX.length())) : null;
    }
}
