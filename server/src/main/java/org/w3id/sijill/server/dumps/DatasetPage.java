package org.w3id.sijill.server.dumps;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.w3id.sijill.dump.DatasetDescription;
import org.w3id.sijill.dump.DumpCatalog;
import org.w3id.sijill.dump.JsonLdContext;
import org.w3id.sijill.server.Site;
import org.w3id.sijill.server.pages.Messages;
import org.w3id.sijill.server.pages.PageRequest;
import org.w3id.sijill.server.pages.PageResponses;
import org.w3id.sijill.server.pages.RenderedPage;
import org.w3id.sijill.server.pages.TemplateRenderer;

/**
 * The HTML form of the dataset description and of the {@code /dumps/} listing, rendered with the
 * Pebble template {@code templates/dataset.peb} (auto-escaped): release, downloads with size and
 * SHA-256, licence and acknowledgements, the SPARQL endpoint, and the VoID figures.
 *
 * <pre>{@code
 * DatasetPage.render(request, response, catalog, descriptionGraph, site);
 * }</pre>
 */
final class DatasetPage {
    private DatasetPage() {}

    private static final TemplateRenderer TEMPLATES = new TemplateRenderer();
    private static final String VOID = "http://rdfs.org/ns/void#";

    /** @param description the DCAT/VoID graph, or {@code null} for the plain file listing */
    static void render(HttpServletRequest request, HttpServletResponse response, DumpCatalog catalog, Graph description, Site site) throws IOException {
        String base = site.baseFor(request);
        Map<String, Object> model = new HashMap<>();
        model.put("release", catalog.release());
        model.put("built", readableTime(catalog.built()));
        List<Map<String, Object>> files = new ArrayList<>();
        for (DumpCatalog.DumpFile f : catalog.files()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", f.name());
            m.put("url", base + "dumps/" + f.name());
            // a .gz file is served as application/gzip; its content's type is said beside it
            m.put("mediaType", f.format().gzip() ? "application/gzip" : f.mediaType());
            m.put("inner", f.format().gzip() ? f.mediaType() : "");
            m.put("format", formatKey(f.name()));
            m.put("size", humanSize(f.bytes()));
            m.put("bytes", f.bytes());
            m.put("sha256", f.sha256());
            files.add(m);
        }
        model.put("files", files);
        model.put("checksums", base + "dumps/SHA256SUMS");
        model.put("base", base);
        model.put("listing", description == null);
        List<String> rights = new ArrayList<>();
        List<String> licences = new ArrayList<>();
        List<Map<String, Object>> classes = new ArrayList<>();
        List<Map<String, Object>> linksets = new ArrayList<>();
        Map<String, Object> figures = new LinkedHashMap<>();
        String endpoint = "";
        if (description != null) {
            Node ds = NodeFactory.createURI(DatasetDescription.DATASET);
            description.find(ds, DCTerms.rights.asNode(), Node.ANY).forEachRemaining(t -> rights.add(t.getObject().getLiteralLexicalForm()));
            description.find(ds, DCTerms.license.asNode(), Node.ANY).forEachRemaining(t -> licences.add(t.getObject().getURI()));
            for (String k : List.of("triples", "entities", "classes", "properties")) {
                description.find(ds, NodeFactory.createURI(VOID + k), Node.ANY).forEachRemaining(t -> figures.put(k, t.getObject().getLiteralLexicalForm()));
            }
            Node se = description.find(ds, NodeFactory.createURI(VOID + "sparqlEndpoint"), Node.ANY).nextOptional().map(Triple::getObject).orElse(null);
            if (se != null) endpoint = se.getURI();
            JsonLdContext ctx = JsonLdContext.published();
            description.find(ds, NodeFactory.createURI(VOID + "classPartition"), Node.ANY).forEachRemaining(t -> {
                Node cls = description.find(t.getObject(), NodeFactory.createURI(VOID + "class"), Node.ANY).next().getObject();
                Node n = description.find(t.getObject(), NodeFactory.createURI(VOID + "entities"), Node.ANY).next().getObject();
                classes.add(Map.of("name", ctx.compactIri(cls.getURI()), "count", n.getLiteralLexicalForm()));
            });
            classes.sort((a, b) -> Long.compare(Long.parseLong((String) b.get("count")), Long.parseLong((String) a.get("count"))));
            description.find(Node.ANY, RDF.Nodes.type, NodeFactory.createURI(VOID + "Linkset")).forEachRemaining(t -> {
                Node ls = t.getSubject();
                Node p = description.find(ls, NodeFactory.createURI(VOID + "linkPredicate"), Node.ANY).next().getObject();
                Node n = description.find(ls, NodeFactory.createURI(VOID + "triples"), Node.ANY).next().getObject();
                Node target = description.find(ls, NodeFactory.createURI(VOID + "objectsTarget"), Node.ANY).next().getObject();
                String title = description.find(target, DCTerms.title.asNode(), Node.ANY).nextOptional()
                        .map(x -> x.getObject().getLiteralLexicalForm()).orElse(target.getURI());
                linksets.add(Map.of("target", title, "predicate", ctx.compactIri(p.getURI()), "count", n.getLiteralLexicalForm()));
            });
        }
        model.put("rights", rights);
        model.put("licences", licences);
        model.put("figures", figures);
        model.put("classes", classes);
        model.put("linksets", linksets);
        model.put("endpoint", endpoint);
        PageRequest r = PageResponses.pageRequest(request);
        model.put("req", r);
        model.put("title", Messages.get(r.lang(), description == null ? "dumps.title" : "dataset.title"));
        RenderedPage page = new RenderedPage(200, r.lang(), TEMPLATES.render("dataset", r.lang(), model));
        PageResponses.write(request, response, page);
    }

    /** @return the message key part for a dump file's format, e.g. {@code jsonld-gz} */
    private static String formatKey(String fileName) {
        String rest = fileName.substring(fileName.indexOf('.') + 1);
        return rest.replace('.', '-');
    }

    /** @return an ISO timestamp to the minute ({@code 2026-12-01 02:47 UTC}), else as given */
    static String readableTime(String iso) {
        try {
            return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
                    .format(java.time.OffsetDateTime.parse(iso).atZoneSameInstant(java.time.ZoneOffset.UTC));
        } catch (java.time.format.DateTimeParseException e) {
            return iso;
        }
    }

    static String humanSize(long bytes) {
        if (bytes < 1024) return bytes + "\u00a0B";
        if (bytes < 1024 * 1024) return String.format(Locale.ROOT, "%.1f\u00a0KiB", bytes / 1024.0);
        if (bytes < 1024L * 1024 * 1024) return String.format(Locale.ROOT, "%.1f\u00a0MiB", bytes / (1024.0 * 1024));
        return String.format(Locale.ROOT, "%.2f\u00a0GiB", bytes / (1024.0 * 1024 * 1024));
    }
}
