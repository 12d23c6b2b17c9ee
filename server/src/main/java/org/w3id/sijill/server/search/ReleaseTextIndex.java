package org.w3id.sijill.server.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.text.TextIndexException;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.NoLockFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.loader.StoreBuilder;
import org.w3id.sijill.search.SearchIndexDefinition;
import org.w3id.sijill.server.OnFirstUse;
import org.w3id.sijill.server.Release;

/**
 * The full-text index of one release, as the server reads it: the Lucene index {@code sijill build}
 * wrote in the release folder ({@code {release}/text-index}), opened read-only, with what the
 * search pages derive from it — the {@link RegisterSearch} over it and the {@link SearchLabels}
 * (country names from this index, class labels from the ontology and this release's ontology
 * graph; read by the first {@link #labels()}, so opening costs no store read while the server starts).
 * A new release comes with a new {@code ReleaseTextIndex}; nothing here is ever refreshed
 * in place, so a request that holds one sees one release from start to end.
 *
 * <p>Read-only: the folder is opened without a Lucene write lock (the release is immutable; nobody
 * writes it after the build), so closing it cannot fail when the release folder has meanwhile been
 * pruned, and several servers may read one release.
 *
 * <pre>{@code
 * try (ReleaseTextIndex index = ReleaseTextIndex.open(release, folder, dataset, ontology)) {
 *     index.search().search(SearchRequest.of("NTRA", null, null, 1, 20));
 * }
 * }</pre>
 */
public final class ReleaseTextIndex implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReleaseTextIndex.class);

    private final Release release;
    private final Path folder;
    private final TextIndexLucene lucene;
    private final RegisterSearch search;
    private final OnFirstUse<SearchLabels> labels;

    private ReleaseTextIndex(Release release, Path folder, TextIndexLucene lucene, RegisterSearch search, DatasetGraph data, Graph ontology) {
        this.release = release;
        this.folder = folder;
        this.lucene = lucene;
        this.search = search;
        this.labels = new OnFirstUse<>(() -> readLabels(search, data, ontology));
    }

    /**
     * @param release  the release
     * @param folder   its folder (holding {@value SearchIndexDefinition#FOLDER})
     * @param data     its store (class labels are read from its ontology graph)
     * @param ontology the ontology the server was given (its class labels come first)
     * @return the release's index, open
     * @throws SijillException {@code ENVIRONMENT} when the release has no readable text index
     */
    public static ReleaseTextIndex open(Release release, Path folder, DatasetGraph data, Graph ontology) {
        Path dir = folder.resolve(SearchIndexDefinition.FOLDER);
        Directory directory = null;
        TextIndexLucene lucene = null;
        RegisterSearch search = null;
        try {
            if (!Files.isDirectory(dir)) throw noIndex(release, dir, "no such folder");
            directory = FSDirectory.open(dir, NoLockFactory.INSTANCE);
            if (!DirectoryReader.indexExists(directory)) throw noIndex(release, dir, "the folder holds no committed Lucene index");
            lucene = new TextIndexLucene(directory, SearchIndexDefinition.config());
            search = new RegisterSearch(directory);
            return new ReleaseTextIndex(release, folder, lucene, search, data, ontology);
        } catch (IOException | RuntimeException e) {
            if (search != null) search.close();
            closeQuietly(lucene, directory, dir);
            if (e instanceof SijillException s) throw s;
            throw new SijillException(SijillException.Kind.ENVIRONMENT,
                    "cannot open the text index of release " + release.id() + " at " + dir + ": " + e.getMessage(), e);
        }
    }

    private static SijillException noIndex(Release release, Path dir, String why) {
        return new SijillException(SijillException.Kind.ENVIRONMENT, "release " + release.id() + " has no text index at " + dir + " ("
                + why + "); a release built by 'sijill build' has one");
    }

    /** @return the release this index belongs to */
    public Release release() { return release; }

    /** @return the release folder */
    public Path folder() { return folder; }

    /** @return the index as jena-text reads it ({@code text:query} at {@code /sparql}) */
    public TextIndexLucene lucene() { return lucene; }

    /** @return the register search over this index */
    public RegisterSearch search() { return search; }

    /**
     * @return the names the search pages show for this release (countries, classes), read from the
     *         index and the store by the first call (not while the server starts)
     */
    public SearchLabels labels() { return labels.get(); }

    /** Country names from the index, class labels from the ontology, this release's ontology graph and the reused vocabularies. */
    private static SearchLabels readLabels(RegisterSearch search, DatasetGraph data, Graph ontology) {
        Map<String, String[]> classes = new HashMap<>(SearchLabels.classLabels(ontology));
        Txn.executeRead(data, () -> SearchLabels.classLabels(data.getGraph(NodeFactory.createURI(StoreBuilder.ONTOLOGY_GRAPH)))
                .forEach(classes::putIfAbsent));
        // the reused vocabularies' classes (skos:Concept, foaf:Person, …) by their names too, as on the pages;
        // per language: a class the ontology names only in English gets its Arabic name from there
        Graph reused = org.w3id.sijill.server.pages.TermLabels.reusedTerms().getGraph();
        SearchLabels.classLabels(reused).forEach((k, v) -> classes.merge(k, v,
                (a, b) -> new String[] {a[0] != null ? a[0] : b[0], a[1] != null ? a[1] : b[1]}));
        return new SearchLabels(search.countryNames(), classes);
    }

    /**
     * Closes the readers and the index. The release folder may already be gone (a build pruned it
     * while a request still used it): open files stay readable until closed, and there is no lock
     * file to release, so closing then succeeds too.
     */
    @Override
    public void close() {
        try {
            search.close();
        } finally {
            closeQuietly(lucene, lucene.getDirectory(), folder.resolve(SearchIndexDefinition.FOLDER));
        }
    }

    private static void closeQuietly(TextIndexLucene lucene, Directory directory, Path dir) {
        RuntimeException failure = null;
        if (lucene != null) {
            try {
                lucene.close();
            } catch (TextIndexException | AlreadyClosedException e) {
                failure = e;
            }
        }
        if (directory != null) {
            try {
                directory.close();
            } catch (IOException e) {
                if (failure == null) failure = new SijillException(SijillException.Kind.ENVIRONMENT, e.getMessage(), e);
            }
        }
        if (failure == null) return;
        if (Files.isDirectory(dir)) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "cannot close the text index at " + dir + ": " + failure.getMessage(), failure);
        }
        // the release was pruned under us: nothing is left on disk to release
        LOG.debug("text index at {} closed after its folder was removed: {}", dir, failure.getMessage());
    }

    @Override
    public String toString() {
        return "text index of release " + release.id() + " (" + folder + ")";
    }
}
