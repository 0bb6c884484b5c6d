package org.cdbkit.bench;

import java.util.Random;

/**
 * Rules files for the benchmarks: a mix of exact IPs with a variable, IP prefixes, host names,
 * info@ip, ranges and comments, ending with a default, as large /etc/tcp files are.
 */
public final class RulesData {
    private RulesData() {
    }

    static String rules(int count, long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder(count * 32);
        for (int i = 0; i < count; i++) {
            int a = random.nextInt(256);
            int b = random.nextInt(256);
            int c = random.nextInt(256);
            int d = random.nextInt(256);
            double r = random.nextDouble();
            if (r < 0.5) {
                text.append(a).append('.').append(b).append('.').append(c).append('.').append(d)
                        .append(":allow,RELAYCLIENT=\"\"\n");
            } else if (r < 0.7) {
                text.append(a).append('.').append(b).append('.').append(c).append(".:deny\n");
            } else if (r < 0.8) {
                text.append("=host").append(i).append(".example.com:allow,GREETING=\"hi ").append(i).append("\"\n");
            } else if (r < 0.9) {
                text.append("user").append(i).append('@').append(a).append('.').append(b).append('.').append(c)
                        .append('.').append(d).append(":allow\n");
            } else if (r < 0.95) {
                text.append("# comment ").append(i).append('\n');
            } else {
                text.append(a).append('.').append(b).append('.').append(c).append(".1-9:allow,A=\"1\",B=\"2\"\n");
            }
        }
        return text.append(":deny\n").toString();
    }

    /** Writes a rules file for the whole-process comparison: {@code RulesData FILE COUNT}. */
    public static void main(String[] args) throws java.io.IOException {
        java.nio.file.Files.writeString(java.nio.file.Path.of(args[0]), rules(Integer.parseInt(args[1]), 3),
                java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    static String randomIp(Random random) {
        return random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256);
    }
}
