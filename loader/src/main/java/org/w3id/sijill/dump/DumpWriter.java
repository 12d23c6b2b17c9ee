package org.w3id.sijill.dump;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.release.ReleaseLayout;

/**
 * Writes the downloadable dumps of a store into a folder: {@code sijill.jsonld} and
 * {@code sijill.jsonld.gz} (streaming JSON-LD, {@link StreamingJsonLdWriter}), {@code sijill.nq.gz},
 * {@code sijill.trig}, {@code sijill.ttl} (the union graph), {@code SHA256SUMS} and
 * {@code release.properties}. All files are written from one read transaction (one snapshot) and
 * carry the release id: the dataset-description graph ({@link DatasetDescription#provenance}, with
 * {@code dcterms:hasVersion}, licence and sources) is part of the data, and the text formats start
 * with a comment header. Files are written to a staging folder first and published in one atomic
 * rename only when all are complete, so a failed or killed run leaves the published dumps as they were.
 *
 * <pre>{@code
 * DumpCatalog c = new DumpWriter(settings).write(store, Release.read(storeDir), Path.of("var/dumps"));
 * }</pre>
 */
public final class DumpWriter {

    private final DumpSettings settings;
    private final JsonLdContext context;

    public DumpWriter(DumpSettings settings) {
        this(settings, JsonLdContext.published());
    }

    public DumpWriter(DumpSettings settings, JsonLdContext context) {
        this.settings = settings;
        this.context = context;
    }

    /**
     * Writes all dump files of {@code store} (release {@code release}) into {@code outDir}, which is
     * replaced as a whole: the files are written into a staging folder and published in one
     * atomic rename — the staging folder renamed to {@code outDir} when that does not exist yet,
     * else a symbolic link at {@code outDir} flipped to it (a plain folder there is first moved
     * aside). A reader, or a crash at any point, sees the old complete set or the new one, never a
     * mix that fails its own {@code SHA256SUMS}.
     *
     * @return the new catalog
     */
    public DumpCatalog write(DatasetGraph store, Release release, Path outDir) {
        Path out = outDir.toAbsolutePath().normalize();
        Path parent = out.getParent();
        Path staging = ReleaseLayout.newStagingFolder(parent);
        try {
            Txn.executeRead(store, () -> writeAll(store, release, staging));
            List<String> sums = new ArrayList<>();
            for (DumpFormat f : DumpFormat.values()) sums.add(sha256(staging.resolve(f.fileName())) + "  " + f.fileName());
            Files.write(staging.resolve(DumpFormat.CHECKSUMS), sums, StandardCharsets.UTF_8);
            release.write(staging);
            pauseForTests();
            publish(staging, out, release);
            return DumpCatalog.read(out);
        } catch (IOException | UncheckedIOException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, outDir + ": writing the dumps failed: " + e.getMessage(), e);
        } finally {
            if (Files.exists(staging)) ReleaseLayout.deleteTree(staging);
        }
    }

    /** Test hook: milliseconds to sleep right before the dumps are published (the crash tests kill the process there). */
    public static final String PAUSE_BEFORE_PUBLISH = "sijill.test.pauseBeforeDumpPublish";
    /** Printed on standard error when {@link #PAUSE_BEFORE_PUBLISH} is set, just before sleeping. */
    public static final String PAUSE_MESSAGE = "sijill: pausing before publishing the dumps";

    private static void pauseForTests() {
        String ms = System.getProperty(PAUSE_BEFORE_PUBLISH);
        if (ms == null) return;
        System.err.println(PAUSE_MESSAGE);
        System.err.flush();
        try {
            Thread.sleep(Long.parseLong(ms));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void publish(Path staging, Path out, Release release) throws IOException {
        if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            ReleaseLayout.move(staging, out);
            return;
        }
        String prefix = "." + out.getFileName() + ".";
        Path folder = out.resolveSibling(prefix + release.id() + "-" + staging.getFileName().toString().substring(".staging-".length()));
        ReleaseLayout.move(staging, folder);
        Path previous = null;
        if (Files.isSymbolicLink(out)) {
            Path t = out.getParent().resolve(Files.readSymbolicLink(out)).normalize();
            if (t.getFileName().toString().startsWith(prefix)) previous = t;
        } else {
            // a plain folder of an earlier version: moved aside once, so a link can take its place
            previous = out.resolveSibling(prefix + "old-" + staging.getFileName().toString().substring(".staging-".length()));
            ReleaseLayout.move(out, previous);
        }
        Path tmp = out.resolveSibling(prefix + "link-" + staging.getFileName().toString().substring(".staging-".length()));
        Files.createSymbolicLink(tmp, out.getParent().relativize(folder));
        Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        if (previous != null) ReleaseLayout.deleteTree(previous);
    }

    private void writeAll(DatasetGraph store, Release release, Path dir) {
        Graph description = DatasetDescription.provenance(release, settings, store);
        Node descriptionName = NodeFactory.createURI(DatasetDescription.GRAPH);
        try {
            // JSON-LD, plain and gzip in one pass
            try (OutputStream plain = new BufferedOutputStream(Files.newOutputStream(dir.resolve(DumpFormat.JSONLD.fileName())), 1 << 16);
                    GZIPOutputStream gz = new GZIPOutputStream(Files.newOutputStream(dir.resolve(DumpFormat.JSONLD_GZ.fileName())), 1 << 16);
                    OutputStream both = new Tee(plain, gz)) {
                // The download is self-contained: the published context is embedded, so the file
                // reads offline (per-resource answers reference the served /context.jsonld instead).
                StreamingJsonLdWriter w = new StreamingJsonLdWriter(context, StreamingJsonLdWriter.ContextMode.EMBED);
                try (StreamingJsonLdWriter.Session s = w.open(both)) {
                    s.dataset(store);
                    s.graph(descriptionName, description.find());
                }
            }
            // N-Quads (gzip)
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve(DumpFormat.NQUADS_GZ.fileName())), 1 << 16)) {
                header(out, release, "N-Quads");
                StreamRDF st = StreamRDFWriter.getWriterStream(out, RDFFormat.NQUADS);
                st.start();
                store.find().forEachRemaining(st::quad);
                description.find().forEachRemaining(t -> st.quad(Quad.create(descriptionName, t)));
                st.finish();
            }
            // TriG, graph by graph
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve(DumpFormat.TRIG.fileName())), 1 << 16)) {
                header(out, release, "TriG");
                StreamRDF st = StreamRDFWriter.getWriterStream(out, RDFFormat.TRIG_BLOCKS);
                st.start();
                context.prefixes().forEach(st::prefix);
                store.getDefaultGraph().find().forEachRemaining(st::triple);
                forEachGraph(store, g -> Iter.forEach(store.find(g, Node.ANY, Node.ANY, Node.ANY), st::quad));
                description.find().forEachRemaining(t -> st.quad(Quad.create(descriptionName, t)));
                st.finish();
            }
            // Turtle: the union of all graphs
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve(DumpFormat.TURTLE.fileName())), 1 << 16)) {
                header(out, release, "Turtle (the union of all graphs)");
                StreamRDF st = StreamRDFWriter.getWriterStream(out, RDFFormat.TURTLE_BLOCKS);
                st.start();
                context.prefixes().forEach(st::prefix);
                Iterator<Triple> union = store.getUnionGraph().find();
                union.forEachRemaining(st::triple);
                store.getDefaultGraph().find().forEachRemaining(st::triple);
                description.find().forEachRemaining(st::triple);
                st.finish();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void forEachGraph(DatasetGraph store, java.util.function.Consumer<Node> action) {
        Iterator<Node> names = store.listGraphNodes();
        try {
            while (names.hasNext()) action.accept(names.next());
        } finally {
            Iter.close(names);
        }
    }

    private void header(OutputStream out, Release release, String what) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write("# Sijill — " + what + "\n");
        // no build time: the same release id gives byte-identical dumps
        w.write("# release " + release.id() + "\n");
        w.write("# licence " + settings.licence() + "\n");
        for (ExternalSource s : settings.sources()) {
            if (!s.acknowledgement().isEmpty()) w.write("# " + s.acknowledgement() + "\n");
        }
        w.write("# provenance and sources: graph <" + DatasetDescription.GRAPH + ">\n");
        w.flush();
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** Writes to two streams at once. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override public void write(int c) throws IOException { a.write(c); b.write(c); }

        @Override public void write(byte[] buf, int off, int len) throws IOException { a.write(buf, off, len); b.write(buf, off, len); }

        @Override public void flush() throws IOException { a.flush(); b.flush(); }

        @Override public void close() throws IOException {
            try {
                a.close();
            } finally {
                b.close();
            }
        }
    }
}
