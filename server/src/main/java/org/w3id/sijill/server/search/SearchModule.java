package org.w3id.sijill.server.search;

import java.util.HashMap;
import java.util.Map;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.loader.StoreBuilder;
import org.w3id.sijill.server.Site;

/**
 * Full-text search of the register as a Fuseki module: {@code /search} (page),
 * {@code /api/search} (JSON, JSON-LD) and {@code /api/search/suggest} (autocomplete of the header
 * box). It reads the Lucene index of the text dataset the configuration declares
 * ({@code text:TextDataset} over the store, index in {@code {store}/text-index}, written by
 * {@code sijill build}), the same index {@code text:query} uses at {@code /sparql}.
 *
 * <pre>{@code
 * SijillServer.builder()...addModule(new SearchModule()).build().start();
 * // GET /api/search?q=NTRA
 * }</pre>
 */
public final class SearchModule implements FusekiModule {
    private volatile RegisterSearch search;

    @Override
    public String name() {
        return "Sijill search";
    }

    @Override
    public void configured(FusekiServer.Builder builder, DataAccessPointRegistry registry, Model configModel) {
        Site site = Site.from(builder);
        DatasetGraph dsg = Site.dataset(registry);
        TextIndex index = dsg instanceof DatasetGraphText text ? text.getTextIndex() : null;
        if (!(index instanceof TextIndexLucene lucene)) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT,
                    "search needs the full-text index: the Fuseki configuration must serve a text:TextDataset with a text:TextIndexLucene");
        }
        RegisterSearch s = new RegisterSearch(lucene.getDirectory());
        this.search = s;
        Map<String, String[]> classes = new HashMap<>(SearchLabels.classLabels(site.ontology()));
        Txn.executeRead(dsg, () -> SearchLabels.classLabels(dsg.getGraph(NodeFactory.createURI(StoreBuilder.ONTOLOGY_GRAPH)))
                .forEach(classes::putIfAbsent));
        // the reused vocabularies' classes (skos:Concept, foaf:Person, …) by their names too, as on the pages
        org.apache.jena.graph.Graph reused = org.apache.jena.riot.RDFParser
                .source(SearchModule.class.getResource("/org/w3id/sijill/server/pages/reused-terms.ttl").toString()).toGraph();
        // per language: a class the ontology names only in English gets its Arabic name from there
        SearchLabels.classLabels(reused).forEach((k, v) -> classes.merge(k, v,
                (a, b) -> new String[] {a[0] != null ? a[0] : b[0], a[1] != null ? a[1] : b[1]}));
        SearchLabels labels = new SearchLabels(s.countryNames(), classes);
        builder.addServlet("/search", new SearchPageServlet(s, new SearchPage(labels)));
        builder.addServlet("/api/search", new SearchApiServlet(s, site));
        builder.addServlet("/api/search/suggest", new SuggestServlet(s, labels));
    }

    @Override
    public void serverStopped(FusekiServer server) {
        RegisterSearch s = search;
        if (s != null) s.close();
    }

    /** @return the search, once the server is configured */
    public RegisterSearch search() {
        if (search == null) throw new SijillException(SijillException.Kind.ENVIRONMENT, "the search module is not configured yet");
        return search;
    }
}
