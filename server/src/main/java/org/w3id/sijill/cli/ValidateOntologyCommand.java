package org.w3id.sijill.cli;

import java.util.concurrent.Callable;
import org.w3id.sijill.core.SijillException;
import picocli.CommandLine.Command;

/** {@code sijill validate-ontology}: Check the ontology, concept schemes and shapes: parse, OWL 2 DL profile, consistency, labels, examples. */
@Command(name = "validate-ontology", mixinStandardHelpOptions = true, description = "Check the ontology, concept schemes and shapes: parse, OWL 2 DL profile, consistency, labels, examples.")
public final class ValidateOntologyCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new SijillException(SijillException.Kind.ENVIRONMENT, "'validate-ontology' is not built yet");
    }
}
