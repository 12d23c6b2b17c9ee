package org.w3id.sijill.dump;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.github.jsonldjava.core.JsonLdProcessor;
import com.github.jsonldjava.utils.JsonUtils;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.Context;

/**
 * The three independent JSON-LD processors the dumps are checked with, each resolving the Sijill
 * context from the local file (no network): Jena's reader (Titanium, JSON-LD 1.1) with a document
 * loader; jsonld-java (JSON-LD 1.0) with an injected document; jsonld.js through
 * {@code tools/node/jsonld-to-nquads.js}. And the dataset comparison the tests use.
 */
final class JsonLdReaders {
    private JsonLdReaders() {}

    static String contextJson() {
        return JsonLdContext.published().json();
    }

    /** Jena's JSON-LD 1.1 reader with a document loader that serves the published context locally. */
    static DatasetGraph jena(Path file) throws IOException {
        JsonLdOptions opts = new JsonLdOptions();
        DocumentLoader loader = (url, options) -> {
            if (!url.toString().equals(JsonLdContext.PUBLISHED_URL)) {
                throw new com.apicatalog.jsonld.JsonLdError(com.apicatalog.jsonld.JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED,
                        "test loader refuses " + url);
            }
            JsonDocument d = JsonDocument.of(new java.io.StringReader(contextJson()));
            d.setDocumentUrl(URI.create(JsonLdContext.PUBLISHED_URL));
            return d;
        };
        opts.setDocumentLoader(loader);
        Context cxt = new Context();
        cxt.set(LangJSONLD11.JSONLD_OPTIONS, opts);
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        try (InputStream in = open(file)) {
            RDFParser.source(in).lang(Lang.JSONLD11).context(cxt).parse(dsg);
        }
        return dsg;
    }

    /** jsonld-java (JSON-LD 1.0 processor) to N-Quads, parsed by Jena's N-Quads reader. */
    static DatasetGraph jsonldJava(Path file) throws Exception {
        com.github.jsonldjava.core.JsonLdOptions opts = new com.github.jsonldjava.core.JsonLdOptions();
        com.github.jsonldjava.core.DocumentLoader dl = new com.github.jsonldjava.core.DocumentLoader();
        dl.addInjectedDoc(JsonLdContext.PUBLISHED_URL, contextJson());
        opts.setDocumentLoader(dl);
        opts.format = com.github.jsonldjava.core.JsonLdConsts.APPLICATION_NQUADS;
        Object json;
        try (InputStream in = open(file)) {
            json = JsonUtils.fromInputStream(in);
        }
        String nq = (String) JsonLdProcessor.toRDF(json, opts);
        return nquads(nq);
    }

    /** jsonld.js through Node; fails (never skips) when Node or the module is missing. */
    static DatasetGraph jsonldJs(Path file) throws Exception {
        Path script = projectHome().resolve("tools/node/jsonld-to-nquads.js");
        Path module = projectHome().resolve("tools/node/node_modules/jsonld");
        if (!Files.isDirectory(module)) {
            fail("jsonld.js is not installed at " + module + ": run scripts/install-test-tools");
        }
        ProcessBuilder pb = new ProcessBuilder("node", script.toString(), file.toString());
        Path err = Files.createTempFile("jsonld-js", ".err");
        pb.redirectError(err.toFile());
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new AssertionError("cannot run node (" + e.getMessage() + "): run scripts/install-test-tools", e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("jsonld.js did not finish within 120 s");
        }
        String stderr = Files.readString(err);
        Files.deleteIfExists(err);
        if (p.exitValue() != 0) fail("jsonld.js failed (exit " + p.exitValue() + "): " + stderr);
        return nquads(out.toString(StandardCharsets.UTF_8));
    }

    /**
     * jsonld.js rewrites the lexical form of every {@code xsd:double} literal to its own canonical
     * form ({@code "100.0e0"} becomes {@code "1.0E2"}): the same value, another spelling. For the
     * jsonld.js comparison both sides get doubles in one spelling (Java's), nothing else changes.
     */
    static DatasetGraph canonicalDoubles(DatasetGraph dsg) {
        DatasetGraph out = DatasetGraphFactory.createTxnMem();
        dsg.find().forEachRemaining(q -> {
            Node o = q.getObject();
            if (o.isLiteral() && org.apache.jena.datatypes.xsd.XSDDatatype.XSDdouble.getURI().equals(o.getLiteralDatatypeURI())) {
                o = org.apache.jena.graph.NodeFactory.createLiteralDT(
                        Double.toString(Double.parseDouble(o.getLiteralLexicalForm())), org.apache.jena.datatypes.xsd.XSDDatatype.XSDdouble);
            }
            out.add(q.getGraph(), q.getSubject(), q.getPredicate(), o);
        });
        return out;
    }

    static DatasetGraph nquads(String nq) {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        RDFParser.fromString(nq, Lang.NQUADS).parse(dsg);
        return dsg;
    }

    static Path projectHome() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("ontology/context.jsonld"))) return p;
        }
        throw new AssertionError("cannot find the project folder (ontology/context.jsonld) from " + Path.of("").toAbsolutePath());
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return file.toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    /**
     * Asserts that two datasets hold the same graphs, each isomorphic (and the datasets as a whole,
     * with blank nodes shared across graphs); on failure prints the triples that differ.
     */
    static void assertIsomorphic(DatasetGraph expected, DatasetGraph actual, String who) {
        assertTrue(expected.find().hasNext(), "the expected dataset is empty: nothing was checked");
        List<String> problems = new ArrayList<>();
        if (!expected.getDefaultGraph().isIsomorphicWith(actual.getDefaultGraph())) {
            problems.add(diff("default graph", expected.getDefaultGraph(), actual.getDefaultGraph()));
        }
        List<Node> names = new ArrayList<>();
        expected.listGraphNodes().forEachRemaining(names::add);
        List<Node> actualNames = new ArrayList<>();
        actual.listGraphNodes().forEachRemaining(actualNames::add);
        if (names.size() != actualNames.size()) {
            problems.add("named graphs: expected " + names + " but got " + actualNames);
        }
        for (Node g : names) {
            if (g.isBlank()) continue; // blank graph names are matched by the whole-dataset check below
            Graph e = expected.getGraph(g);
            Graph a = actual.getGraph(g);
            if (!e.isIsomorphicWith(a)) problems.add(diff("graph <" + g.getURI() + ">", e, a));
        }
        if (problems.isEmpty() && !flattened(expected).isIsomorphicWith(flattened(actual))) {
            problems.add("datasets are not isomorphic as a whole (blank nodes shared across graphs or blank graph names)\n"
                    + "actual:\n" + nq(actual));
        }
        if (!problems.isEmpty()) fail(who + ": RDF differs from the N-Quads dump\n" + String.join("\n", problems));
    }

    /**
     * The dataset as one graph, each quad's graph folded into its predicate, so that Jena's
     * (hash-based, fast) graph isomorphism also matches blank nodes shared across graphs. Blank
     * graph names all fold to one token: the fixtures have at most one blank-named graph.
     */
    static Graph flattened(DatasetGraph dsg) {
        Graph g = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        long blankGraphs = 0;
        for (java.util.Iterator<Node> it = dsg.listGraphNodes(); it.hasNext(); ) if (it.next().isBlank()) blankGraphs++;
        assertTrue(blankGraphs <= 1, "flattened(): more than one blank-named graph");
        dsg.find().forEachRemaining(q -> {
            Node gn = q.getGraph();
            String tag = gn == null || org.apache.jena.sparql.core.Quad.isDefaultGraph(gn) ? "default" : gn.isBlank() ? "blank" : gn.getURI();
            Node p = org.apache.jena.graph.NodeFactory.createURI("urn:x-graph:" + java.net.URLEncoder.encode(tag, StandardCharsets.UTF_8)
                    + "#" + q.getPredicate().getURI());
            g.add(q.getSubject(), p, q.getObject());
        });
        return g;
    }

    private static String diff(String what, Graph expected, Graph actual) {
        StringBuilder sb = new StringBuilder(what).append(" differs\n  missing (in N-Quads, not in JSON-LD):\n");
        expected.find().forEachRemaining(t -> {
            if (!(t.getSubject().isBlank() || t.getObject().isBlank()) && !actual.contains(t)) sb.append("    ").append(t).append('\n');
        });
        sb.append("  extra (in JSON-LD, not in N-Quads):\n");
        actual.find().forEachRemaining(t -> {
            if (!(t.getSubject().isBlank() || t.getObject().isBlank()) && !expected.contains(t)) sb.append("    ").append(t).append('\n');
        });
        sb.append("  sizes: expected ").append(expected.size()).append(", actual ").append(actual.size()).append('\n');
        sb.append("  (triples with blank nodes are compared by isomorphism only)");
        return sb.toString();
    }

    static String nq(DatasetGraph dsg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, dsg, Lang.NQUADS);
        return out.toString(StandardCharsets.UTF_8);
    }
}
