package org.w3id.sijill.server.pages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.w3id.sijill.server.SijillServer;

/**
 * The real Sijill server for page tests: a TDB2 store on disk loaded from the fixture, the
 * project's own {@code fuseki-config/sijill.ttl}, the ontology graph of the fixture as the
 * served ontology file, the pages module, port 0.
 */
final class TestServer implements AutoCloseable {
    final SijillServer server;
    final String base;

    private TestServer(SijillServer server) {
        this.server = server;
        this.base = "http://localhost:" + server.port();
    }

    static TestServer start(Path tmp) throws IOException {
        Path store = tmp.resolve("store");
        Files.createDirectories(store);
        Dataset ds = TDB2Factory.connectDataset(store.toString());
        Txn.executeWrite(ds, () -> RDFParser.source(Fixture.resource("fixture.trig")).parse(ds.asDatasetGraph()));
        Model ontology = Txn.calculateRead(ds, () -> ds.getNamedModel(PageQueries.ONTOLOGY_GRAPH).difference(
                org.apache.jena.rdf.model.ModelFactory.createDefaultModel()));
        if (ontology.isEmpty()) throw new AssertionError("the fixture has no ontology graph");
        Path ontologyFile = tmp.resolve("ontology.ttl");
        try (var out = Files.newOutputStream(ontologyFile)) {
            RDFDataMgr.write(out, ontology, Lang.TURTLE);
        }
        SijillServer s = SijillServer.builder()
                .config(fusekiConfig())
                .store(store)
                .ontology(ontologyFile)
                .port(0)
                .timeout(java.time.Duration.ofSeconds(5))
                .addModule(new PagesModule(new ExampleQueries(Fixture.resource("queries")), DownloadsInfo.NONE))
                .addModule(new org.w3id.sijill.server.observatory.ObservatoryModule())
                .addModule(new org.w3id.sijill.server.search.SearchModule())
                .build()
                .start();
        return new TestServer(s);
    }

    /** @return the project's Fuseki configuration, found from the module folder upwards */
    static Path fusekiConfig() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path f = p.resolve("fuseki-config").resolve("sijill.ttl");
            if (Files.isRegularFile(f)) return f;
        }
        throw new AssertionError("no fuseki-config/sijill.ttl above " + Path.of("").toAbsolutePath());
    }

    @Override
    public void close() {
        server.stop();
    }
}
