package org.cdbkit.cli;

/** The name a tool was started under, which the originals echo in their usage lines. */
public final class Program {
    private Program() {
    }

    /** argv[0] as the bin/ launcher passed it, or {@code name} when run otherwise. */
    public static String argv0(String name) {
        String argv0 = System.getProperty("cdbkit.argv0");
        return argv0 == null || argv0.isEmpty() ? name : argv0;
    }

    /** The originals' usage message: {@code usage: ARGV0 ARGS}, then an empty line. */
    public static String usage(String name, String arguments) {
        return "usage: " + argv0(name) + (arguments.isEmpty() ? "" : " " + arguments) + "\n";
    }
}
