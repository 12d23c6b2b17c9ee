package org.w3id.sijill.ontology;

import java.util.List;

/**
 * The outcome of one named check of the ontology folder: its name (e.g. {@code owl2-dl-profile}),
 * what it checks, and one message per problem found (none when it passed).
 *
 * <pre>{@code
 * CheckResult r = new CheckResult("parse", "every file parses", List.of());
 * assert r.passed();
 * }</pre>
 */
public record CheckResult(String name, String description, List<String> problems) {

    public CheckResult {
        problems = List.copyOf(problems);
    }

    /** @return true when the check found no problem */
    public boolean passed() {
        return problems.isEmpty();
    }
}
