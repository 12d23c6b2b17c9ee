package org.w3id.sijill.cli;

import java.util.concurrent.Callable;
import org.w3id.sijill.core.SijillException;
import picocli.CommandLine.Command;

/** {@code sijill build}: Build the TDB2 store from sources/ (validated; swapped in only when everything passed). */
@Command(name = "build", mixinStandardHelpOptions = true, description = "Build the TDB2 store from sources/ (validated; swapped in only when everything passed).")
public final class BuildCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new SijillException(SijillException.Kind.ENVIRONMENT, "'build' is not built yet");
    }
}
