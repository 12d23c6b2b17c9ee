package org.w3id.sijill.ontology;

import java.util.List;
import java.util.Optional;

/**
 * The results of all checks of the ontology folder, in the order they ran.
 *
 * <pre>{@code
 * OntologyCheckReport report = new OntologyChecker().check(bundle);
 * if (!report.passed()) report.failed().forEach(r -> System.out.println(r.name()));
 * }</pre>
 */
public record OntologyCheckReport(List<CheckResult> results) {

    public OntologyCheckReport {
        results = List.copyOf(results);
    }

    /** @return true when every check passed */
    public boolean passed() {
        return results.stream().allMatch(CheckResult::passed);
    }

    /** @return the checks that found problems */
    public List<CheckResult> failed() {
        return results.stream().filter(r -> !r.passed()).toList();
    }

    /** @return the result of the check with this name, if it ran */
    public Optional<CheckResult> result(String name) {
        return results.stream().filter(r -> r.name().equals(name)).findFirst();
    }
}
