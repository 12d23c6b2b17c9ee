package org.w3id.sijill.loader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;
import org.w3id.sijill.core.SourceDataException;
import org.w3id.sijill.vocab.SIJILL;

/**
 * The register of external sources, {@code external-sources.csv} (columns {@code slug, iri,
 * title_en, publisher, date, licence, acknowledgement}). Each source is
 * {@code https://w3id.org/sijill/id/source/{slug}}, a {@code sijill:ExternalSource} and {@code prov:Entity} with its title,
 * publisher (a name), date, licence, acknowledgement ({@code dcterms:bibliographicCitation}) and
 * {@code rdfs:seeAlso} its own address, written into its graph.
 *
 * <pre>{@code
 * ExternalSourceRegister ext = ExternalSourceRegister.read(sourcesDir, documentSlugs);
 * ext.write(streamRdf);
 * }</pre>
 */
public final class ExternalSourceRegister {

    static final List<String> COLUMNS = List.of("slug", "iri", "title_en", "publisher", "date", "licence", "acknowledgement");
    private static final Set<String> REQUIRED = Set.of("slug", "iri", "title_en");

    private final List<Row> rows;
    private final List<Source> sources;

    private ExternalSourceRegister(List<Row> rows, List<Source> sources) {
        this.rows = rows;
        this.sources = sources;
    }

    /**
     * @param seen slugs already taken (by documents), with their line; extended with these
     */
    public static ExternalSourceRegister read(Path sourcesDir, Map<String, Long> seen) {
        Path csv = sourcesDir.resolve("external-sources.csv");
        if (!Files.exists(csv)) return new ExternalSourceRegister(List.of(), List.of());
        CsvTable table = TableReader.read(csv, false);
        DocumentRegister.checkHeader(table, COLUMNS);
        List<Source> sources = new ArrayList<>();
        for (Row r : table.rows()) {
            for (String c : REQUIRED) {
                if (r.cell(c).isEmpty()) throw new SourceDataException(csv, r.line(), c, "required field is empty");
            }
            DocumentRegister.checkSlug(csv, r, "slug", r.cell("slug"), seen);
            checkIri(csv, r, "iri");
            if (!r.cell("licence").isEmpty()) checkIri(csv, r, "licence");
            if (!r.cell("date").isEmpty() && Literals.dateByShape(r.cell("date")) == null) {
                throw new SourceDataException(csv, r.line(), "date", "malformed date '" + r.cell("date") + "' (expected YYYY, YYYY-MM or YYYY-MM-DD)");
            }
            sources.add(new Source(r.cell("slug"), NodeFactory.createURI(SIJILL.ID + "source/" + r.cell("slug")),
                    Map.of(), Map.of(), false));
        }
        return new ExternalSourceRegister(table.rows(), sources);
    }

    private static void checkIri(Path csv, Row r, String field) {
        try {
            IRIx iri = IRIx.create(r.cell(field));
            if (iri.isRelative()) throw new SourceDataException(csv, r.line(), field, "not an absolute IRI: '" + r.cell(field) + "'");
        } catch (IRIException e) {
            throw new SourceDataException(csv, r.line(), field, "not an IRI: '" + r.cell(field) + "' (" + e.getMessage() + ")");
        }
    }

    /** @return the external sources */
    public List<Source> sources() { return sources; }

    /** Writes each source's description into its graph. */
    public void write(StreamRDF out) {
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            Source s = sources.get(i);
            Node g = s.graph();
            Node n = s.iri();
            out.quad(Quad.create(g, n, Terms.type, Terms.ExternalSource));
            out.quad(Quad.create(g, n, Terms.type, Terms.provEntity));
            out.quad(Quad.create(g, n, Terms.title, NodeFactory.createLiteralLang(r.cell("title_en"), "en")));
            out.quad(Quad.create(g, n, Terms.seeAlso, NodeFactory.createURI(r.cell("iri"))));
            if (!r.cell("publisher").isEmpty()) out.quad(Quad.create(g, n, Terms.publisher, NodeFactory.createLiteralString(r.cell("publisher"))));
            if (!r.cell("date").isEmpty()) out.quad(Quad.create(g, n, Terms.date, Literals.dateByShape(r.cell("date"))));
            if (!r.cell("licence").isEmpty()) out.quad(Quad.create(g, n, Terms.license, NodeFactory.createURI(r.cell("licence"))));
            if (!r.cell("acknowledgement").isEmpty()) {
                out.quad(Quad.create(g, n, Terms.bibliographicCitation, NodeFactory.createLiteralLang(r.cell("acknowledgement"), "en")));
            }
        }
    }
}
