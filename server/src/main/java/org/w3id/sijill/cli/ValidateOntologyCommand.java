package org.w3id.sijill.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.w3id.sijill.core.ProjectPaths;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.ontology.CheckResult;
import org.w3id.sijill.ontology.OntologyCheckReport;
import org.w3id.sijill.ontology.OntologyChecker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sijill validate-ontology}: runs the checks of {@link OntologyChecker} on the ontology
 * folder and prints each with PASS or FAIL and one line per problem; exits non-zero (4) when any
 * check fails.
 *
 * <pre>{@code
 * ./sijill validate-ontology
 * ./sijill validate-ontology --ontology /path/to/ontology
 * }</pre>
 */
@Command(name = "validate-ontology", mixinStandardHelpOptions = true,
        description = "Check the ontology, concept schemes and shapes: parse, OWL 2 DL profile, consistency, labels, examples.")
public final class ValidateOntologyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--ontology", paramLabel = "DIR",
            description = "The ontology folder (default: ontology/ of the project home).")
    Path ontology;

    @Override
    public Integer call() {
        Path dir = ontology != null ? ontology : ProjectPaths.locate().ontology();
        PrintWriter out = spec.commandLine().getOut();
        out.println("Checking " + dir.toAbsolutePath().normalize());
        OntologyCheckReport report = new OntologyChecker().check(dir);
        int width = report.results().stream().mapToInt(r -> r.name().length()).max().orElse(0);
        for (CheckResult r : report.results()) {
            out.printf("%s  %-" + width + "s  %s (%d ms)%n", r.passed() ? "PASS" : "FAIL", r.name(), r.description(), r.millis());
            for (String p : r.problems()) out.println("      - " + p);
        }
        int failed = report.failed().size();
        out.printf("%d checks: %d passed, %d failed%n", report.results().size(), report.results().size() - failed, failed);
        out.flush();
        if (failed > 0) {
            throw new SijillException(SijillException.Kind.INVALID_DATA, "ontology checks failed: "
                    + String.join(", ", report.failed().stream().map(CheckResult::name).toList()));
        }
        return 0;
    }
}
