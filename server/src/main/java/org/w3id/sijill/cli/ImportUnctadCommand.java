package org.w3id.sijill.cli;

import java.util.concurrent.Callable;
import org.w3id.sijill.core.SijillException;
import picocli.CommandLine.Command;

/** {@code sijill import-unctad}: Restate the UNCTAD Global Cyberlaw Tracker data (data.csv + document_links.json) as the project table of legal-status claims. */
@Command(name = "import-unctad", mixinStandardHelpOptions = true, description = "Restate the UNCTAD Global Cyberlaw Tracker data (data.csv + document_links.json) as the project table of legal-status claims.")
public final class ImportUnctadCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new SijillException(SijillException.Kind.ENVIRONMENT, "'import-unctad' is not built yet");
    }
}
