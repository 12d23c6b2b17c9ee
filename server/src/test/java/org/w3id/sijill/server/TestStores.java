package org.w3id.sijill.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;

/** Real TDB2 stores on disk for the tests, built from the fixtures in test resources. */
final class TestStores {
    private TestStores() {}

    static final Path CONFIG = Path.of("..", "fuseki-config", "sijill.ttl").toAbsolutePath().normalize();
    static final String RELEASE = "2026-11-23.1";
    static final String BUILT = "2026-11-23T10:00:00Z";

    /** @return a new store in a temp dir holding {@code fixture.trig}, with a release.properties */
    static Path fixtureStore() {
        try {
            Path dir = Files.createTempDirectory("sijill-store-");
            Dataset ds = TDB2Factory.connectDataset(dir.toString());
            Txn.executeWrite(ds, () -> {
                try (InputStream in = resource("fixture.trig")) {
                    RDFParser.source(in).lang(Lang.TRIG).parse(ds.asDatasetGraph());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            Files.writeString(dir.resolve(Release.FILE), "release=" + RELEASE + "\nbuilt=" + BUILT + "\n");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @return a store with a synthetic named graph of {@code subjects × properties} triples (for the
     *         time-limit test); objects are integers, which TDB2 stores inline, so it builds quickly
     */
    static Path syntheticStore(int subjects, int properties) {
        try {
            Path dir = Files.createTempDirectory("sijill-heavy-");
            Dataset ds = TDB2Factory.connectDataset(dir.toString());
            Node graph = NodeFactory.createURI("urn:x-test:synthetic");
            Node[] ps = new Node[properties];
            for (int j = 0; j < properties; j++) ps[j] = NodeFactory.createURI("urn:x-test:p" + j);
            Txn.executeWrite(ds, () -> {
                DatasetGraph g = ds.asDatasetGraph();
                for (int i = 0; i < subjects; i++) {
                    Node s = NodeFactory.createURI("urn:x-test:s" + i);
                    for (int j = 0; j < properties; j++) {
                        g.add(graph, s, ps[j], NodeFactory.createLiteralDT(Integer.toString(i * properties + j), XSDDatatype.XSDinteger));
                    }
                }
            });
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path ontologyFixture() {
        return resourcePath("ontology-fixture.ttl");
    }

    static Path resourcePath(String name) {
        try {
            return Path.of(TestStores.class.getClassLoader().getResource(name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static InputStream resource(String name) {
        InputStream in = TestStores.class.getClassLoader().getResourceAsStream(name);
        if (in == null) throw new IllegalStateException("test resource missing: " + name);
        return in;
    }

}
