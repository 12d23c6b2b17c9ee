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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.graph.Graph;
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
import org.apache.jena.tdb2.sys.TDBInternal;
import org.w3id.sijill.core.ProjectPaths;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.core.SourceDataException;
import org.w3id.sijill.search.SearchIndexDefinition;
import org.w3id.sijill.search.TextIndexBuilder;
import org.w3id.sijill.vocab.SIJILL;

/**
 * Builds the Sijill TDB2 store from a sources folder — the public entry point of the loader.
 * <ol>
 *   <li>reads and checks the inputs: ontology and concept schemes, shapes, the document and
 *   external-source registers (documents split into passages, Arabic repaired), the tables with
 *   their CSVW metadata and mappings;</li>
 *   <li>loads into a fresh TDB2 store in a temporary folder next to the target
 *   ({@code {store}.building-*}): the ontology and schemes into
 *   {@code https://w3id.org/sijill/graph/ontology}, each source's descriptions, passages and
 *   row triples (with provenance) into the source's graph; then the subclass closure and the
 *   gazetteer's mentions;</li>
 *   <li>validates the union of all graphs with the SHACL shapes;</li>
 *   <li>writes the full-text search index into the new store folder ({@code text-index/},
 *   {@link TextIndexBuilder}), so it is swapped in with the data and never out of step;</li>
 *   <li>only when all passed, writes {@code release.properties} and swaps the new store in.
 *   On any failure the temporary folder is deleted and the existing store is left untouched.</li>
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

    private final OntologyFiles ontology;

    /** Uses the project's {@code ontology/} folder. */
    public StoreBuilder(ProjectPaths paths) {
        this(new OntologyFiles(paths.ontology()));
    }

    /** Uses the given ontology folder ({@code sijill.ttl}, {@code schemes/}, {@code shapes/}). */
    public StoreBuilder(OntologyFiles ontology) {
        this.ontology = ontology;
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
        DocumentRegister documents = DocumentRegister.read(sources, repair);
        ExternalSourceRegister external = ExternalSourceRegister.read(sources, new HashMap<>(documents.slugLines()));
        SourceRegistry registry = new SourceRegistry(documents.sources(), external.sources());

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

        Path parent = store.getParent();
        Path temp;
        try {
            Files.createDirectories(parent);
            temp = Files.createTempDirectory(parent, store.getFileName() + ".building-");
        } catch (IOException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "cannot create a build folder next to " + store + ": " + e.getMessage(), e);
        }
        DatasetGraph dsg = null;
        try {
            dsg = DatabaseMgr.connectDatasetGraph(temp.toString());
            Counts counts = load(dsg, ontoGraph, documents, external, validRows, validator.quotesChecked(), closure, progress);

            progress.stage("validating with SHACL shapes (" + ontology.shapes().size() + " files)", 0);
            PrefixMapping prefixes = PrefixMapping.Factory.create().setNsPrefixes(PrefixMapping.Standard)
                    .setNsPrefixes(ontoGraph.getPrefixMapping()).setNsPrefixes(shapesGraph.getPrefixMapping());
            ShapeValidator shapeValidator = new ShapeValidator(shapesGraph, prefixes);
            final DatasetGraph d = dsg;
            ShapeValidator.Outcome outcome = Txn.calculateRead(d, () -> shapeValidator.validate(d.getUnionGraph()));

            progress.stage("building the text index", 0);
            TextIndexBuilder.build(d, temp.resolve(SearchIndexDefinition.FOLDER));

            progress.stage("counting", 0);
            BuildReport report = Txn.calculateRead(d, () -> report(d, store, release, built, documents, tables, counts, outcome));
            progress.endStage();
            TDBInternal.expel(dsg);
            dsg = null;
            writeRelease(temp.resolve(RELEASE_FILE), report, digest);
            StoreSwap.swap(temp, store);
            return report;
        } catch (RuntimeException e) {
            progress.endStage();
            if (dsg != null) TDBInternal.expel(dsg, true);
            StoreSwap.deleteTree(temp);
            throw e;
        }
    }

    /** Counters of the loading stage. */
    private record Counts(int rows, long quotes, long inferred, long mentions) {}

    private static Counts load(DatasetGraph dsg, Graph ontoGraph, DocumentRegister documents, ExternalSourceRegister external,
                               Map<TableDefinition, List<ValidRow>> tables, long quotes, SubclassClosure closure,
                               ProgressListener progress) {
        return Txn.calculateWrite(dsg, () -> {
            StreamRDF out = StreamRDFLib.dataset(dsg);
            Node ontologyGraph = NodeFactory.createURI(ONTOLOGY_GRAPH);
            progress.stage("loading ontology and registers", 0);
            ontoGraph.find().forEach(t -> out.quad(Quad.create(ontologyGraph, t)));
            documents.write(out);
            external.write(out);
            int rows = tables.values().stream().mapToInt(List::size).sum();
            progress.stage("mapping " + tables.size() + " tables", rows);
            ProvenanceWriter provenance = new ProvenanceWriter();
            for (Map.Entry<TableDefinition, List<ValidRow>> t : tables.entrySet()) {
                RowMapper mapper = new RowMapper(t.getKey());
                for (ValidRow v : t.getValue()) {
                    provenance.write(v, out);
                    mapper.map(v, out);
                    progress.step();
                }
            }
            progress.stage("subclass closure", 0);
            long inferred = closure.apply(dsg, ontologyGraph);
            progress.stage("gazetteer", 0);
            long mentions = Gazetteer.fromData(dsg, ontologyGraph).apply(dsg);
            return new Counts(rows, quotes, inferred, mentions);
        });
    }

    private static BuildReport report(DatasetGraph dsg, Path store, String release, Instant built, DocumentRegister documents,
                                      List<TableDefinition> tables, Counts counts, ShapeValidator.Outcome outcome) {
        Map<String, Long> perGraph = new TreeMap<>();
        long quads = 0;
        for (Node g : (Iterable<Node>) () -> dsg.listGraphNodes()) {
            long n = dsg.getGraph(g).size();
            perGraph.put(g.getURI(), n);
            quads += n;
        }
        long triples = count(dsg, "SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o { GRAPH ?g { ?s ?p ?o } } }");
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
                outcome.shapesChecked(), outcome.shapesPassed(), outcome.warnings());
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
