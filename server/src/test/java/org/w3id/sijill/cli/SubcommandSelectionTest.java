package org.w3id.sijill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Issue 13 (start time): {@code sijill serve ...} models only the {@code serve} command before
 * parsing (picocli reads every registered command's options by reflection), and every subcommand
 * run that way has the same usage, options and errors as in the full command line.
 */
class SubcommandSelectionTest {

    @Test
    void aRunOfOneSubcommandModelsOnlyThatOne() {
        assertEquals(Set.of("serve"), SijillCli.commandLine(new String[] {"serve", "--port", "0"}).getSubcommands().keySet());
        assertEquals(SijillCli.COMMANDS.size(), SijillCli.commandLine(new String[] {"help", "serve"}).getSubcommands().size());
        assertEquals(SijillCli.COMMANDS.size(), SijillCli.commandLine(new String[] {"--help"}).getSubcommands().size());
        assertEquals(SijillCli.COMMANDS.size(), SijillCli.commandLine(new String[0]).getSubcommands().size());
    }

    @Test
    void everySubcommandHasTheSameUsageAlone() {
        CommandLine full = SijillCli.commandLine();
        int compared = 0;
        for (String name : full.getSubcommands().keySet()) {
            if (name.equals("help")) continue;
            String alone = SijillCli.commandLine(new String[] {name}).getSubcommands().get(name).getUsageMessage(CommandLine.Help.Ansi.OFF);
            assertEquals(full.getSubcommands().get(name).getUsageMessage(CommandLine.Help.Ansi.OFF), alone, name);
            compared++;
        }
        assertTrue(compared >= 7, compared + " subcommands compared");
    }

    @Test
    void anUnknownOptionIsTheSameErrorAlone() {
        assertEquals(run(SijillCli.commandLine(), "serve", "--no-such-option"),
                run(SijillCli.commandLine(new String[] {"serve"}), "serve", "--no-such-option"));
    }

    private static String run(CommandLine cl, String... args) {
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        return cl.execute(args) + "\n" + err;
    }
}
