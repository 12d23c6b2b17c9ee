package org.w3id.sijill.loader;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.w3id.sijill.provenance.ProvenanceCheck;

/**
 * What a successful build produced, for the summary printed by {@code sijill build} and for
 * {@code release.properties}.
 *
 * <pre>{@code
 * BuildReport r = new StoreBuilder(paths).build(sources, store, ProgressListener.NONE);
 * System.out.println(r.summary());
 * }</pre>
 *
 * @param release          {@code yyyy-MM-dd-<12 hex of the input digest>}
 * @param triplesPerGraph  named-graph IRI → triples
 * @param entitiesPerClass {@code sijill:} class IRI → distinct instances (after subclass closure)
 */
public record BuildReport(Path store, String release, Instant built, long triples, long quads,
                          Map<String, Long> triplesPerGraph, Map<String, Long> entitiesPerClass,
                          int documents, int passages, int tables, int rows, long evidenceQuotesChecked,
                          long inferredTypes, long mentions, int shapesChecked, int shapesPassed,
                          List<String> shapeWarnings, ProvenanceCheck.Counts provenance) {

    /** @return a multi-line human-readable summary */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append("Built store ").append(store).append("\n");
        sb.append("  release ").append(release).append(" (").append(built).append(")\n");
        sb.append("  ").append(triples).append(" triples, ").append(quads).append(" quads in ")
                .append(triplesPerGraph.size()).append(" named graphs\n");
        sb.append("  ").append(documents).append(" documents, ").append(passages).append(" passages; ")
                .append(tables).append(" tables, ").append(rows).append(" rows\n");
        sb.append("  evidence quotes checked: ").append(evidenceQuotesChecked).append(" (all found)\n");
        sb.append("  inferred rdf:type (subclass closure): ").append(inferredTypes).append("\n");
        sb.append("  mentions found (gazetteer): ").append(mentions).append("\n");
        if (provenance != null) {
            sb.append("  statements: ").append(provenance.statements()).append(" (").append(provenance.withEvidence())
                    .append(" with evidence, ").append(provenance.external()).append(" from external sources, ")
                    .append(provenance.editorial()).append(" editorial, ").append(provenance.derived()).append(" derived); ")
                    .append(provenance.dataTriples()).append(" data triples, all supported\n");
            sb.append("Facts per source (statements with evidence or an external source):\n");
            provenance.statedPerSource().forEach((g, n) -> sb.append(String.format("  %8d  %s%n", n, g)));
        }
        sb.append("  SHACL: ").append(shapesChecked).append(" shapes checked, ").append(shapesPassed).append(" passed");
        if (!shapeWarnings.isEmpty()) sb.append(", ").append(shapeWarnings.size()).append(" warnings");
        sb.append("\n");
        shapeWarnings.stream().limit(20).forEach(w -> sb.append("    ").append(w).append("\n"));
        sb.append("Triples per graph:\n");
        triplesPerGraph.forEach((g, n) -> sb.append(String.format("  %8d  %s%n", n, g)));
        sb.append("Entities per class:\n");
        entitiesPerClass.forEach((c, n) -> sb.append(String.format("  %8d  %s%n", n, c)));
        return sb.toString();
    }
}
