package org.cdbkit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.cdbkit.testing.FuzzInputs;

/**
 * The rules parser on arbitrary bytes: it parses or fails with a {@link RulesFormatException}
 * naming a line of the input, never hangs; every rule it reads is read the same again from its
 * text and from {@link Rule#toString()}. Without JAZZER_FUZZ, replays the committed inputs.
 */
class RulesParserFuzzTest {
    @FuzzTest
    void anyRules(byte[] input) {
        FuzzInputs.within(() -> {
            List<Rule> rules = new ArrayList<>();
            try {
                RulesParser.parse(new ByteArrayInputStream(input), (RulesParser.RuleHandler) rules::add);
            } catch (RulesFormatException e) {
                long lines = 1;
                for (byte b : input) {
                    lines += b == '\n' ? 1 : 0;
                }
                assertTrue(e.lineNumber() >= 1 && e.lineNumber() <= lines, e.getMessage());
                assertTrue(rules.isEmpty() || rules.get(rules.size() - 1).lineNumber() < e.lineNumber(), e.getMessage());
            }
            for (Rule rule : rules) {
                assertEquals(rule, RulesParser.parseLine(rule.text(), rule.lineNumber()), "its text: " + rule.text());
                String printed = rule.toString();
                assertEquals(rule, RulesParser.parseLine(printed, rule.lineNumber()), "printed: " + printed);
            }
        });
    }
}
