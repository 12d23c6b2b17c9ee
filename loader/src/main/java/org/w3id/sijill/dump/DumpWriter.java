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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
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
 * {@code release.properties}. All files are written from one snapshot (one read transaction, or
 * {@linkplain #stage separate passes}, concurrent if need be, over a store no one writes to) and
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
        try (Staged staged = stage(outDir)) {
            // every pass in one read transaction: all files from one snapshot
            Txn.executeRead(store, () -> staged.passes(store, release.id(), release.built()).forEach(Pass::run));
            return staged.publish(release);
        }
    }

    /**
     * Starts the dumps for {@code outDir} in a new staging folder next to it, for writing its files
     * in separate {@link Pass passes} (e.g. concurrently, on a store no one writes to) before
     * {@link Staged#publish publishing} them as {@link #write} does. Close it to delete what is not published.
     */
    public Staged stage(Path outDir) {
        Path out = outDir.toAbsolutePath().normalize();
        return new Staged(outDir, out, ReleaseLayout.newStagingFolder(out.getParent()));
    }

    /**
     * One pass over the store that writes one or two dump files (JSON-LD writes its plain and gzip
     * files from one pass) and their checksums, in its own read transaction unless the calling
     * thread holds one. Passes write to different files and may run at the same time.
     */
    public record Pass(String name, Runnable action) {
        public void run() {
            action.run();
        }
    }

    /**
     * The dump files of one release being written in a staging folder: {@link #passes} write
     * them, {@link #publish} adds {@code SHA256SUMS} and {@code release.properties} and publishes
     * the folder at the dumps' path; {@link #close} deletes the staging folder when it was not published.
     *
     * <pre>{@code
     * try (DumpWriter.Staged s = new DumpWriter(settings).stage(release.resolve("dumps"))) {
     *     s.passes(store, id, built).forEach(p -> pool.submit(p::run)); // ... and wait for them
     *     s.publish(Release.read(release));
     * }
     * }</pre>
     */
    public final class Staged implements AutoCloseable {
        private final Path outDir;
        private final Path out;
        private final Path staging;
        private final Map<DumpFormat, String> sums = new ConcurrentHashMap<>();

        private Staged(Path outDir, Path out, Path staging) {
            this.outDir = outDir;
            this.out = out;
            this.staging = staging;
        }

        /**
         * The passes that write the dump files of release {@code releaseId} (built at {@code built})
         * from {@code store}: JSON-LD (plain and gzip), N-Quads, TriG, Turtle.
         */
        public List<Pass> passes(DatasetGraph store, String releaseId, String built) {
            Graph description = Txn.calculateRead(store, () -> DatasetDescription.provenance(releaseId, built, settings, store));
            Node name = NodeFactory.createURI(DatasetDescription.GRAPH);
            return List.of(
                    pass("JSON-LD", store, () -> jsonLd(store, description, name, staging), DumpFormat.JSONLD, DumpFormat.JSONLD_GZ),
                    pass("N-Quads", store, () -> nQuads(store, releaseId, description, name, staging), DumpFormat.NQUADS_GZ),
                    pass("TriG", store, () -> trig(store, releaseId, description, name, staging), DumpFormat.TRIG),
                    pass("Turtle", store, () -> turtle(store, releaseId, description, staging), DumpFormat.TURTLE));
        }

        private Pass pass(String name, DatasetGraph store, IoAction write, DumpFormat... files) {
            return new Pass(name, () -> {
                try {
                    Txn.executeRead(store, () -> {
                        try {
                            write.run();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                    for (DumpFormat f : files) sums.put(f, sha256(staging.resolve(f.fileName())));
                } catch (IOException | UncheckedIOException e) {
                    throw failed(e);
                }
            });
        }

        /**
         * Writes {@code SHA256SUMS} and {@code release.properties} (with {@code release}'s counts)
         * and publishes the staging folder at the dumps' path (see {@link DumpWriter#write}).
         * @return the new catalog
         * @throws IllegalStateException when a pass has not run
         */
        public DumpCatalog publish(Release release) {
            try {
                List<String> lines = new ArrayList<>();
                for (DumpFormat f : DumpFormat.values()) {
                    String sum = sums.get(f);
                    if (sum == null) throw new IllegalStateException(f.fileName() + " was not written: run every pass before publishing");
                    lines.add(sum + "  " + f.fileName());
                }
                Files.write(staging.resolve(DumpFormat.CHECKSUMS), lines, StandardCharsets.UTF_8);
                release.write(staging);
                pauseForTests();
                DumpWriter.publish(staging, out, release);
                return DumpCatalog.read(out);
            } catch (IOException | UncheckedIOException e) {
                throw failed(e);
            }
        }

        private SijillException failed(Exception e) {
            return new SijillException(SijillException.Kind.ENVIRONMENT, outDir + ": writing the dumps failed: " + e.getMessage(), e);
        }

        @Override
        public void close() {
            if (Files.exists(staging)) ReleaseLayout.deleteTree(staging);
        }
    }

    private interface IoAction {
        void run() throws IOException;
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

    /** JSON-LD, plain and gzip in one pass. */
    private void jsonLd(DatasetGraph store, Graph description, Node descriptionName, Path dir) throws IOException {
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
    }

    /** N-Quads (gzip). */
    private void nQuads(DatasetGraph store, String releaseId, Graph description, Node descriptionName, Path dir) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve(DumpFormat.NQUADS_GZ.fileName())), 1 << 16)) {
            header(out, releaseId, "N-Quads");
            StreamRDF st = StreamRDFWriter.getWriterStream(out, RDFFormat.NQUADS);
            st.start();
            Iter.forEach(store.find(Quad.defaultGraphIRI, Node.ANY, Node.ANY, Node.ANY), st::quad);
            namedGraphQuads(store, st::quad);
            description.find().forEachRemaining(t -> st.quad(Quad.create(descriptionName, t)));
            st.finish();
        }
    }

    /** TriG, graph by graph. */
    private void trig(DatasetGraph store, String releaseId, Graph description, Node descriptionName, Path dir) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve(DumpFormat.TRIG.fileName())), 1 << 16)) {
            header(out, releaseId, "TriG");
            StreamRDF st = StreamRDFWriter.getWriterStream(out, RDFFormat.TRIG_BLOCKS);
            st.start();
            context.prefixes().forEach(st::prefix);
            store.getDefaultGraph().find().forEachRemaining(st::triple);
            namedGraphQuads(store, st::quad);
            description.find().forEachRemaining(t -> st.quad(Quad.create(descriptionName, t)));
            st.finish();
        }
    }

    /** Turtle: the union of all graphs. */
    private void turtle(DatasetGraph store, String releaseId, Graph description, Path dir) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve(DumpFormat.TURTLE.fileName())), 1 << 16)) {
            header(out, releaseId, "Turtle (the union of all graphs)");
            StreamRDF st = StreamRDFWriter.getWriterStream(out, RDFFormat.TURTLE_BLOCKS);
            st.start();
            context.prefixes().forEach(st::prefix);
            unionTriples(store, st::triple);
            store.getDefaultGraph().find().forEachRemaining(st::triple);
            description.find().forEachRemaining(st::triple);
            st.finish();
        }
    }

    /**
     * The quads of the named graphs, graph by graph in the order of {@code listGraphNodes}: on a
     * TDB2 store one pass over its GSPO index ({@link Tdb2Quads}), which gives the same quads in
     * the same order as a look-up per graph without the node table's slow reads.
     */
    private static void namedGraphQuads(DatasetGraph store, Consumer<Quad> sink) {
        Tdb2Quads quads = Tdb2Quads.namedGraphs(store);
        if (quads != null) {
            try {
                quads.forEachRemaining(sink);
            } finally {
                quads.close();
            }
            return;
        }
        Iterator<Node> names = store.listGraphNodes();
        try {
            while (names.hasNext()) Iter.forEach(store.find(names.next(), Node.ANY, Node.ANY, Node.ANY), sink);
        } finally {
            Iter.close(names);
        }
    }

    /**
     * The triples of the union of the named graphs, each once: on a TDB2 store one pass over its
     * SPOG index, where a triple's copies in several graphs are adjacent, so nothing is kept (the
     * union graph's own {@code find()} keeps every triple it has given, to leave out copies:
     * gigabytes at 10^7 quads); in subject order, so each subject is one block of the Turtle.
     */
    private static void unionTriples(DatasetGraph store, Consumer<Triple> sink) {
        Tdb2Quads quads = Tdb2Quads.overIndex(store, "SPOG");
        if (quads == null) {
            store.getUnionGraph().find().forEachRemaining(sink);
            return;
        }
        try {
            Triple last = null;
            while (quads.hasNext()) {
                Triple t = quads.next().asTriple();
                if (!t.equals(last)) sink.accept(t);
                last = t;
            }
        } finally {
            quads.close();
        }
    }

    private void header(OutputStream out, String releaseId, String what) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write("# Sijill — " + what + "\n");
        // no build time: the same store gives byte-identical dumps (a rebuild labels blank nodes anew)
        w.write("# release " + releaseId + "\n");
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
