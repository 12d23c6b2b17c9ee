package org.w3id.sijill.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.sijill.core.SijillException;

/** The real Fuseki configuration adapted as RDF, and the release a store holds. */
class ConfigurationTest {

    @Test
    void storeLocationAndTimeLimitAreSetInTheModel(@TempDir Path store) {
        Model m = FusekiConfiguration.load(TestStores.CONFIG, store, Duration.ofMillis(2500));
        List<RDFNode> locations = m.listObjectsOfProperty(m.createProperty(FusekiConfiguration.TDB2, "location")).toList();
        assertEquals(List.of(store.toAbsolutePath().normalize().toString()), locations.stream().map(n -> n.asLiteral().getString()).toList());
        List<RDFNode> timeouts = m.listObjectsOfProperty(m.createProperty(FusekiConfiguration.JA, "cxtValue")).toList();
        assertEquals(List.of("2500"), timeouts.stream().map(n -> n.asLiteral().getString()).toList());
        assertTrue(m.contains(null, m.createProperty(FusekiConfiguration.TDB2, "unionDefaultGraph"), m.createTypedLiteral(true)));
        // Read-only: no update, upload or GSP-write operation anywhere in the file.
        for (String op : List.of("update", "upload", "gsp-rw", "patch")) {
            assertTrue(!m.contains(null, m.createProperty("http://jena.apache.org/fuseki#operation"),
                    m.createResource("http://jena.apache.org/fuseki#" + op)), op);
        }
        // Without --timeout the file's own value stays.
        Model dflt = FusekiConfiguration.load(TestStores.CONFIG, store, null);
        assertEquals("5000", dflt.listObjectsOfProperty(dflt.createProperty(FusekiConfiguration.JA, "cxtValue")).next().asLiteral().getString());
    }

    @Test
    void aMissingConfigurationIsAnEnvironmentError(@TempDir Path dir) {
        SijillException e = assertThrows(SijillException.class, () -> FusekiConfiguration.load(dir.resolve("none.ttl"), dir, null));
        assertEquals(SijillException.Kind.ENVIRONMENT, e.kind());
        assertTrue(e.getMessage().contains("none.ttl"));
    }

    @Test
    void releaseFromTheStore(@TempDir Path store) throws IOException {
        Files.writeString(store.resolve(Release.FILE), "# written by the loader\nrelease=2026-11-23-abcdef012345\nbuilt=2026-11-23T10:15:30.250Z\n");
        Release r = Release.read(store);
        assertEquals("2026-11-23-abcdef012345", r.id());
        assertEquals(Instant.parse("2026-11-23T10:15:30Z"), r.built());
    }

    @Test
    void releaseFallsBackToTheStoreTime(@TempDir Path store) throws IOException {
        Instant t = Instant.parse("2026-01-02T03:04:05Z");
        Files.setLastModifiedTime(store, FileTime.from(t));
        Release r = Release.read(store);
        assertEquals(t, r.built());
        assertEquals("store-" + t.getEpochSecond(), r.id());
    }

    @Test
    void aMalformedReleaseNamesFileAndKey(@TempDir Path store) throws IOException {
        Files.writeString(store.resolve(Release.FILE), "release=r1\nbuilt=yesterday\n");
        SijillException e = assertThrows(SijillException.class, () -> Release.read(store));
        assertEquals(SijillException.Kind.INVALID_DATA, e.kind());
        assertTrue(e.getMessage().contains(Release.FILE) && e.getMessage().contains("'built'"), e.getMessage());
        Files.writeString(store.resolve(Release.FILE), "built=2026-11-23T10:15:30Z\n");
        assertTrue(assertThrows(SijillException.class, () -> Release.read(store)).getMessage().contains("'release'"));
    }
}
