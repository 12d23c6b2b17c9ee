package org.w3id.sijill.cli;

import java.util.concurrent.Callable;
import org.w3id.sijill.core.SijillException;
import picocli.CommandLine.Command;

/** {@code sijill serve}: Serve SPARQL, linked data and pages with embedded Fuseki. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve SPARQL, linked data and pages with embedded Fuseki.")
public final class ServeCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new SijillException(SijillException.Kind.ENVIRONMENT, "'serve' is not built yet");
    }
}
