package org.w3id.sijill.loader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.w3id.sijill.provenance.DerivationMethod;
import org.w3id.sijill.provenance.ProvenanceCheck;
import org.w3id.sijill.provenance.StatementWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.HashSet;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import java.util.concurrent.Future;
import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.w3id.sijill.core.ProjectPaths;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.core.SourceDataException;
import org.w3id.sijill.dump.DumpSettings;
import org.w3id.sijill.dump.DumpWriter;
import org.w3id.sijill.dump.Release;
import org.w3id.sijill.dump.ReleaseDumps;
import org.w3id.sijill.release.ReleaseLayout;
import org.w3id.sijill.search.SearchIndexDefinition;
import org.w3id.sijill.search.TextIndexBuilder;
import org.w3id.sijill.tdb2.Tdb2Store;
import org.w3id.sijill.vocab.SIJILL;

/**
 * Builds the Sijill TDB2 store from a sources folder — the public entry point of the loader.
 * <ol>
 *   <li>reads and checks the inputs: ontology and concept schemes, shapes, the document and
 *   external-source registers (documents split into passages, Arabic repaired), the tables with
 *   their CSVW metadata and mappings;</li>
 *   <li>loads into a fresh TDB2 store in a temporary folder next to the target
 *   ({@code .{store}.building-{pid}-*}): the ontology and schemes into
 *   {@code https://w3id.org/sijill/graph/ontology}, each source's descriptions, passages and
 *   row triples (with provenance) into the source's graph, each with its reified statement
 *   (source, row, evidence; {@link org.w3id.sijill.provenance.StatementWriter}); names a document
 *   does not contain in display-name columns go to the editors' graph ({@link RowAttribution});
 *   then the subclass closure (computed from the streamed quads), all of it through TDB2's phased
 *   bulk loader; then the gazetteer's mentions, as derived statements, and the
 *   statement-provenance check ({@link org.w3id.sijill.provenance.ProvenanceCheck});</li>
 *   <li>then, side by side on the committed store ({@link #threads}; each part's time reported
 *   with {@link ProgressListener#partDone}): validates the union of all graphs with the SHACL
 *   shapes (on a copy in memory when it fits in a fraction of the heap) and counts what the report
 *   gives; writes the full-text search index into the new store folder ({@code text-index/},
 *   {@link TextIndexBuilder}), so it is swapped in with the data and never out of step; and, with
 *   {@link #withDumps}, writes each dump file into a staging folder. A failure of one part skips
 *   the parts not yet started and waits for the running ones; the build fails with the failure
 *   of the earliest part (validation, text index, dumps) as it did when they ran one after another;</li>
 *   <li>only when all passed, writes {@code release.properties}, publishes the dumps into the
 *   folder ({@code dumps/}) and publishes the folder as an immutable
 *   release: renamed into {@code releases/} and the store path, a symbolic link, flipped to it
 *   atomically ({@link ReleaseLayout}). On any failure the temporary folder is deleted and the
 *   existing store is left untouched; a crash at any point leaves a complete store at the path.</li>
 * </ol>
 *
 * <pre>{@code
 * ProjectPaths paths = ProjectPaths.locate();
 * BuildReport report = new StoreBuilder(paths).build(paths.sources(), paths.defaultStore(), new ConsoleProgress(System.err));
 * System.out.println(report.summary());
 * }</pre>
 */
public final class StoreBuilder {
    /** The named graph of the ontology and the concept schemes. */
    public static final String ONTOLOGY_GRAPH = SIJILL.GRAPH + "ontology";
    /** The file in the store folder that describes the release. */
    public static final String RELEASE_FILE = "release.properties";
    /** Subjects whose triples SHACL validation keeps at once, and the most triples one may have to be kept. */
    private static final int VALIDATION_SUBJECTS = 50_000, VALIDATION_SUBJECT_TRIPLES = 10_000;

    private final OntologyFiles ontology;
    private final DumpSettings dumps;
    private final int keep;
    private final int threads;

    /** Uses the project's {@code ontology/} folder. */
    public StoreBuilder(ProjectPaths paths) {
        this(new OntologyFiles(paths.ontology()));
    }

    /** Uses the given ontology folder ({@code sijill.ttl}, {@code schemes/}, {@code shapes/}). */
    public StoreBuilder(OntologyFiles ontology) {
        this(ontology, null, ReleaseLayout.DEFAULT_KEEP, Runtime.getRuntime().availableProcessors());
    }

    private StoreBuilder(OntologyFiles ontology, DumpSettings dumps, int keep, int threads) {
        this.ontology = ontology;
        this.dumps = dumps;
        this.keep = keep;
        this.threads = threads;
    }

    /**
     * @return a builder that writes the release's dumps ({@link ReleaseDumps}: {@code {release}/dumps/})
     *         from the committed store, beside the validation, before the release is published; a
     *         failure there fails the build
     */
    public StoreBuilder withDumps(DumpSettings settings) {
        return new StoreBuilder(ontology, settings, keep, threads);
    }

    /** @return a builder that keeps the newest {@code releases} release folders (older unused ones are deleted) */
    public StoreBuilder keepReleases(int releases) {
        if (releases < 1) throw new SijillException(SijillException.Kind.BAD_INPUT, "keep at least one release, got " + releases);
        return new StoreBuilder(ontology, dumps, releases, threads);
    }

    /**
     * @return a builder that runs the read-only work on the committed store (validation, text index,
     *         counts, dumps) on {@code n} threads (default: the processors available; 1: one after another)
     */
    public StoreBuilder threads(int n) {
        if (n < 1) throw new SijillException(SijillException.Kind.BAD_INPUT, "at least one build thread, got " + n);
        return new StoreBuilder(ontology, dumps, keep, n);
    }

    /**
     * Builds the store from {@code sourcesDir} into {@code storeDir}.
     *
     * @throws SourceDataException for bad input (file, line, field), SijillException otherwise;
     *         in both cases the store at {@code storeDir} is unchanged
     */
    public BuildReport build(Path sourcesDir, Path storeDir, ProgressListener progress) {
        Path sources = sourcesDir.toAbsolutePath().normalize();
        Path store = storeDir.toAbsolutePath().normalize();
        if (!Files.isRegularFile(sources.resolve("documents.csv"))) {
            throw new SijillException(SijillException.Kind.BAD_INPUT, "not a sources folder (no documents.csv): " + sources);
        }

        progress.stage("reading ontology, schemes and shapes", 0);
        Graph ontoGraph = ontology.ontologyAndSchemes();
        Graph shapesGraph = ontology.shapesGraph();
        ConceptSchemes schemes = ConceptSchemes.of(ontoGraph);
        SubclassClosure closure = SubclassClosure.of(ontoGraph);

        progress.stage("reading documents and registers", 0);
        ArabicLigatureRepair repair = ArabicLigatureRepair.load(sources.resolve("arabic-ligature-fixes.csv"));
        EditorialTranscriptions transcriptions = EditorialTranscriptions.read(sources);
        DocumentRegister documents = DocumentRegister.read(sources, repair, transcriptions);
        ExternalSourceRegister external = ExternalSourceRegister.read(sources, new HashMap<>(documents.slugLines()));
        SourceRegistry registry = new SourceRegistry(documents.sources(), external.sources());
        transcriptions.checkAllMatched(registry);

        progress.stage("reading tables", 0);
        List<TableDefinition> tables = TableDefinition.readAll(sources);
        for (TableDefinition t : tables) {
            for (Column c : t.schema().columns().values()) {
                if (c.scheme() != null && !schemes.hasScheme(c.scheme())) {
                    throw new SourceDataException(t.schema().metadataFile(), 0, c.name(), "unknown concept scheme '"
                            + c.scheme() + "' (no concepts in ontology/schemes/ with skos:inScheme <" + SIJILL.ID + "scheme/" + c.scheme() + ">)");
                }
            }
        }
        RowValidator validator = new RowValidator(tables, registry, new CellParser(schemes));
        // every row is checked before anything is written, so bad input fails fast and touches no disk
        int rowCount = tables.stream().mapToInt(t -> t.table().rows().size()).sum();
        progress.stage("checking " + tables.size() + " tables", rowCount);
        Map<TableDefinition, List<ValidRow>> validRows = new LinkedHashMap<>();
        for (TableDefinition t : tables) {
            List<ValidRow> vs = new ArrayList<>();
            for (Row r : t.table().rows()) {
                vs.add(validator.validate(t, r));
                progress.step();
            }
            validRows.put(t, vs);
        }
        Instant built = Instant.now();
        InputDigest digest = InputDigest.of(sources, ontology);
        String release = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC).format(built) + "-" + digest.hex().substring(0, 12);

        ReleaseLayout layout = ReleaseLayout.of(store);
        layout.recover().forEach(line -> progress.note(line));
        Path temp = layout.newBuildFolder();
        DatasetGraph dsg = null;
        BuildReport report;
        try {
            dsg = DatabaseMgr.connectDatasetGraph(temp.toString());
            Counts counts = load(dsg, sources, ontoGraph, documents, external, registry, validRows, validator.quotesChecked(), closure, progress);
            final DatasetGraph editorial = dsg;
            Txn.executeWrite(editorial, () -> transcriptions.write(StreamRDFLib.dataset(editorial), registry));

            // the store is committed: what reads it now (SHACL validation and the counts, the text
            // index, each dump file) runs side by side
            progress.stage("validating, indexing and writing dumps on " + threads + (threads == 1 ? " thread" : " threads"), 0);
            PrefixMapping prefixes = PrefixMapping.Factory.create().setNsPrefixes(PrefixMapping.Standard)
                    .setNsPrefixes(ontoGraph.getPrefixMapping()).setNsPrefixes(shapesGraph.getPrefixMapping());
            ShapeValidator shapeValidator = new ShapeValidator(shapesGraph, prefixes);
            final DatasetGraph d = dsg;
            // the parts are awaited (closed) before the staging folder of the dumps is deleted on failure
            try (DumpWriter.Staged staged = dumps == null ? null : new DumpWriter(dumps).stage(ReleaseDumps.dir(temp));
                    ConcurrentStage parts = new ConcurrentStage(threads, progress)) {
                Future<Validation> validated = parts.submit("validating with SHACL shapes (" + ontology.shapes().size() + " files)",
                        () -> Txn.calculateRead(d, () -> {
                            Graph copy = unionForValidation(d, Runtime.getRuntime().maxMemory() / 1024);
                            // the copy's size: the distinct triples of the named graphs, which the report counts
                            if (copy == null) return new Validation(shapeValidator.validate(validationGraph(d)), -1);
                            return new Validation(shapeValidator.validate(copy), copy.size());
                        }));
                // in the order they ran one after another, so the failure thrown is the one thrown then
                parts.submit("building the text index", () -> TextIndexBuilder.build(d, temp.resolve(SearchIndexDefinition.FOLDER)));
                if (staged != null) staged.passes(d, release, built.toString()).forEach(p -> submitDump(parts, p));
                Validation v = parts.get(validated);
                report = parts.run("counting", () -> Txn.calculateRead(d, () ->
                        report(d, store, release, built, documents, tables, counts, v.outcome(), v.distinctTriples())));
                parts.await();
                progress.endStage();
                TDBInternal.expel(dsg);
                dsg = null;
                writeRelease(temp.resolve(RELEASE_FILE), report, digest);
                if (staged != null) {
                    progress.stage("publishing the dumps", 0);
                    staged.publish(new Release(report.release(), report.built().toString(), report.triples(), report.quads()));
                }
            }
            progress.stage("publishing", 0);
            layout.publish(temp, release);
            progress.endStage();
        } catch (RuntimeException e) {
            progress.endStage();
            if (dsg != null) TDBInternal.expel(dsg, true);
            ReleaseLayout.deleteTree(temp);
            throw e;
        }
        layout.prune(keep);
        return report;
    }

    private static void submitDump(ConcurrentStage parts, DumpWriter.Pass pass) {
        parts.submit("writing the " + pass.name() + " dump", () -> {
            pass.run();
            return null;
        });
    }

    /** What SHACL validation gives the report: its outcome, and the distinct triples of the named graphs when it counted them (else -1). */
    private record Validation(ShapeValidator.Outcome outcome, long distinctTriples) {}

    /** Counters of the loading stage. */
    private record Counts(int rows, long quotes, long inferred, long mentions, ProvenanceCheck.Counts provenance) {}

    private static Counts load(DatasetGraph dsg, Path sources, Graph ontoGraph, DocumentRegister documents, ExternalSourceRegister external,
                               SourceRegistry registry, Map<TableDefinition, List<ValidRow>> tables, long quotes, SubclassClosure closure,
                               ProgressListener progress) {
        Node ontologyGraph = NodeFactory.createURI(ONTOLOGY_GRAPH);
        Set<Quad> register = new HashSet<>();
        StatementWriter statements = new StatementWriter();
        int rows = tables.values().stream().mapToInt(List::size).sum();
        long inferred;
        // what the rows give goes through TDB2's bulk loader (the one tdb2.tdbloader uses on an empty
        // store: nodes first, then each index built in one sorted pass), not quad by quad into the indexes
        DataLoader loader = LoaderFactory.phasedLoader(dsg, (fmt, args) -> { });
        loader.startBulk();
        try {
            StreamRDF bulk = loader.stream();
            SubclassClosure.Collector types = closure.collector(ontologyGraph);
            StreamRDF out = new StreamRDFWrapper(bulk) {
                @Override
                public void quad(Quad q) {
                    types.accept(q);
                    super.quad(q);
                }
            };
            progress.stage("loading ontology and registers", 0);
            ontoGraph.find().forEach(t -> out.quad(Quad.create(ontologyGraph, t)));
            StreamRDF recording = new StreamRDFWrapper(out) {
                @Override
                public void quad(Quad q) {
                    register.add(q);
                    super.quad(q);
                }
            };
            documents.write(recording);
            external.write(recording);
            progress.stage("mapping " + tables.size() + " tables", rows);
            ProvenanceWriter provenance = new ProvenanceWriter();
            Set<Node> iriProperties = new HashSet<>();
            ontoGraph.find(Node.ANY, RDF.type.asNode(), OWL.ObjectProperty.asNode()).forEach(t -> iriProperties.add(t.getSubject()));
            RowAttribution attribution = new RowAttribution(registry);
            for (Map.Entry<TableDefinition, List<ValidRow>> t : tables.entrySet()) {
                RowMapper mapper = new RowMapper(t.getKey(), iriProperties);
                for (ValidRow v : t.getValue()) {
                    RowAttribution.Split split = attribution.split(t.getKey(), v, mapper.triples(v));
                    Node evidence = provenance.write(v, out);
                    String row = rowReference(sources, v.row());
                    Node g = v.source().graph();
                    for (Triple tr : split.stated()) {
                        out.quad(Quad.create(g, tr));
                        statements.stated(g, tr, v.source().iri(), row, evidence, out);
                    }
                    for (Triple tr : split.editorial()) {
                        Source editors = attribution.editors();
                        out.quad(Quad.create(editors.graph(), tr));
                        statements.stated(editors.graph(), tr, editors.iri(), row, null, out);
                    }
                    progress.step();
                }
            }
            progress.stage("subclass closure", 0);
            // the closure of the types streamed so far (the derived statements' own types are not closed, as before)
            inferred = types.apply(q -> {
                bulk.quad(q);
                statements.derived(q, DerivationMethod.SUBCLASS_CLOSURE, bulk);
            });
            progress.stage("writing the TDB2 indexes", 0);
            loader.finishBulk();
        } catch (RuntimeException e) {
            loader.finishException(e);
            throw e;
        }
        return Txn.calculateWrite(dsg, () -> {
            StreamRDF out = StreamRDFLib.dataset(dsg);
            progress.stage("gazetteer", 0);
            long mentions = Gazetteer.fromData(dsg, ontologyGraph).apply(dsg, q -> statements.derived(q, DerivationMethod.GAZETTEER, out));
            progress.stage("checking statement provenance", 0);
            ProvenanceCheck.Counts checked = new ProvenanceCheck(register).run(dsg, ontologyGraph);
            progress.stage("committing the store", 0);
            return new Counts(rows, quotes, inferred, mentions, checked);
        });
    }

    /**
     * The union of the named graphs for SHACL validation: a copy in memory when it has at most
     * {@code limit} triples, else null (validate {@link #validationGraph}). The validator looks up the values of
     * every focus node many times over; in memory each is a hash look-up (at 10^4 synthetic rows
     * the fastest way, the JIT warm or not). The limit keeps the copy within a fraction of the heap
     * (about 1 kB per triple allowed).
     */
    static Graph unionForValidation(DatasetGraph dsg, long limit) {
        Graph copy = GraphFactory.createGraphMem();
        for (var it = dsg.findNG(Node.ANY, Node.ANY, Node.ANY, Node.ANY); it.hasNext(); ) {
            copy.add(it.next().asTriple());
            if (copy.size() > limit) return null;
        }
        return copy;
    }

    /**
     * The union of the named graphs as SHACL validation reads it when it is too large to copy: the store's own union graph,
     * with each subject's triples kept a while once read. The validator looks up the values of
     * each focus node once per constraint (more than thirty times for a provenance statement); on
     * TDB2 each look-up is a B+tree descent with the triples' nodes decoded, and on this view only
     * the first is. The cache is bounded, so memory does not grow with the store (a copy in memory
     * cannot hold 10^5 synthetic rows in a 4 GB heap).
     */
    static Graph validationGraph(DatasetGraph dsg) {
        return SubjectCachingGraph.unionOf(dsg, VALIDATION_SUBJECTS, VALIDATION_SUBJECT_TRIPLES);
    }

    /** @return {@code tables/x.csv:12}: the row's file relative to the sources folder, and its line */
    static String rowReference(Path sources, Row row) {
        Path f = row.file().toAbsolutePath().normalize();
        Path rel = f.startsWith(sources) ? sources.relativize(f) : f.getFileName();
        return rel.toString().replace('\\', '/') + ":" + row.line();
    }

    private static BuildReport report(DatasetGraph dsg, Path store, String release, Instant built, DocumentRegister documents,
                                      List<TableDefinition> tables, Counts counts, ShapeValidator.Outcome outcome, long knownTriples) {
        Map<String, Long> perGraph = new TreeMap<>();
        long quads = 0;
        for (Node g : (Iterable<Node>) () -> dsg.listGraphNodes()) {
            long n = dsg.getGraph(g).size();
            perGraph.put(g.getURI(), n);
            quads += n;
        }
        long triples = knownTriples >= 0 ? knownTriples : unionTriples(dsg);
        Map<String, Long> perClass = new LinkedHashMap<>();
        String q = "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) { GRAPH ?g { ?s a ?c } FILTER(?g != <" + ONTOLOGY_GRAPH + ">)"
                + " FILTER(STRSTARTS(STR(?c), \"" + SIJILL.NS + "\")) } GROUP BY ?c ORDER BY ?c";
        try (QueryExec qe = QueryExec.dataset(dsg).query(QueryFactory.create(q)).build()) {
            RowSet rs = qe.select();
            rs.forEachRemaining(b -> perClass.put("sijill:" + b.get("c").getURI().substring(SIJILL.NS.length()),
                    ((Number) b.get("n").getLiteralValue()).longValue()));
        }
        return new BuildReport(store, release, built, triples, quads, perGraph, perClass, documents.sources().size(),
                documents.passageCount(), tables.size(), counts.rows(), counts.quotes(), counts.inferred(), counts.mentions(),
                outcome.shapesChecked(), outcome.shapesPassed(), outcome.warnings(), counts.provenance());
    }

    /** The distinct triples of the named graphs: on TDB2 one pass over its SPOG index (the query's DISTINCT holds them all in memory). */
    private static long unionTriples(DatasetGraph dsg) {
        Tdb2Store tdb = Tdb2Store.within(dsg);
        return tdb != null ? tdb.unionTriples() : count(dsg, "SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o { GRAPH ?g { ?s ?p ?o } } }");
    }

    private static long count(DatasetGraph dsg, String query) {
        try (QueryExec qe = QueryExec.dataset(dsg).query(QueryFactory.create(query)).build()) {
            return ((Number) qe.select().next().get("n").getLiteralValue()).longValue();
        }
    }

    private static void writeRelease(Path file, BuildReport report, InputDigest digest) {
        List<String> lines = new ArrayList<>();
        lines.add("# Sijill store release, written by the loader when the build passed");
        lines.add("release=" + report.release());
        lines.add("built=" + report.built());
        lines.add("triples=" + report.triples());
        lines.add("quads=" + report.quads());
        lines.add("inputs.sha256=" + digest.hex());
        lines.add("inputs.files=" + digest.files());
        try {
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
