package org.w3id.sijill.cli;

import java.util.List;
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
        description = "Sijill: the open register of Arab cyber law and internet-governance actors, as linked data.")
public final class SijillCli implements Runnable {

    /** The subcommands, in the order {@code sijill --help} lists them. */
    static final List<Class<?>> COMMANDS = List.of(ValidateOntologyCommand.class, BuildCommand.class, ServeCommand.class, DumpCommand.class,
            ImportUnctadCommand.class, ImportGciCommand.class, ImportStrategiesCommand.class, CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine(args).execute(args));
    }

    /** @return the configured command line with every subcommand, with the exception translation installed */
    public static CommandLine commandLine() {
        return commandLine(COMMANDS);
    }

    /**
     * @param args the arguments about to be run
     * @return the command line of {@link #commandLine()}, holding only the subcommand the arguments name
     *         when they start with one (other than {@code help}): picocli reads every registered
     *         command's options by reflection before parsing, a part of the start of {@code serve}
     *         (issue 13); parsing, usage and errors of that subcommand are the same
     */
    static CommandLine commandLine(String[] args) {
        if (args.length > 0) {
            for (Class<?> c : COMMANDS) {
                Command command = c.getAnnotation(Command.class);
                if (command != null && command.name().equals(args[0]) && c != CommandLine.HelpCommand.class) return commandLine(List.of(c));
            }
        }
        return commandLine();
    }

    private static CommandLine commandLine(List<Class<?>> commands) {
        CommandLine cl = new CommandLine(new SijillCli());
        commands.forEach(cl::addSubcommand);
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
