package org.w3id.sijill.cli;

import java.util.concurrent.Callable;
import org.w3id.sijill.core.SijillException;
import picocli.CommandLine.Command;

/** {@code sijill dump}: Write the downloadable dumps (JSON-LD, N-Quads, TriG, Turtle) with checksums. */
@Command(name = "dump", mixinStandardHelpOptions = true, description = "Write the downloadable dumps (JSON-LD, N-Quads, TriG, Turtle) with checksums.")
public final class DumpCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new SijillException(SijillException.Kind.ENVIRONMENT, "'dump' is not built yet");
    }
}
