package org.w3id.sijill.cli;

import org.w3id.sijill.core.SijillException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code sijill} command line. {@code main} only parses arguments and hands over to the
 * subcommands, which call library classes; a {@link SijillException} is translated here, once,
 * into a one-line message on standard error and its exit code.
 *
 * <pre>{@code
 * java -jar server/target/sijill.jar build --store var/store
 * }</pre>
 */
@Command(name = "sijill", mixinStandardHelpOptions = true, versionProvider = SijillCli.Version.class,
        description = "Sijill: the open register of Arab cyber law and internet-governance actors, as linked data.",
        subcommands = {ValidateOntologyCommand.class, BuildCommand.class, ServeCommand.class, DumpCommand.class, ImportUnctadCommand.class, ImportGciCommand.class, ImportStrategiesCommand.class,
                CommandLine.HelpCommand.class})
public final class SijillCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** @return the configured command line, with the exception translation installed */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new SijillCli());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof SijillException se) {
                commandLine.getErr().println("sijill: " + se.getMessage());
                return se.kind().exitCode();
            }
            throw ex;
        });
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reads the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = SijillCli.class.getPackage().getImplementationVersion();
            return new String[] {"sijill " + (v == null ? "development" : v)};
        }
    }
}
