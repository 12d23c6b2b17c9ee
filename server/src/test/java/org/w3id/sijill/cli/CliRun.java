package org.w3id.sijill.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * One run of the {@code sijill} command line in the test JVM, as {@link SijillCli#main} would
 * run it (same exception translation), with its exit code and what it printed.
 *
 * <pre>{@code
 * CliRun r = CliRun.of("build", "--sources", dir.toString());
 * assertEquals(2, r.exit(), r.err());
 * }</pre>
 *
 * @param exit the exit code
 * @param out  standard output
 * @param err  standard error
 */
public record CliRun(int exit, String out, String err) {

    /** Runs the command line with these arguments. */
    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = SijillCli.commandLine(args);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }
}
