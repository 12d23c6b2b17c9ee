package org.w3id.sijill.server.sparql;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.w3id.sijill.server.Site;
import org.w3id.sijill.server.ld.AcceptHeader;
import org.w3id.sijill.server.ld.Representation;
import org.w3id.sijill.server.ld.HttpCaching;

/**
 * A bare {@code GET /sparql} (no query string) answers the SPARQL 1.1 Service Description of the
 * endpoint: its URL, SPARQL 1.1 Query, the result formats, the union default graph and the named
 * graphs of the store, in Turtle (default), JSON-LD, N-Triples or RDF/XML by {@code Accept}.
 * A browser (HTML preferred to Turtle) is sent to the query page ({@code 303} to {@code /query}).
 * {@code GET /sparql?default} answers the union default graph. Other requests with parameters go
 * on to Fuseki (query, Graph Store Protocol read of a named graph).
 *
 * <pre>{@code
 * curl -H 'Accept: text/turtle' http://localhost:3030/sparql
 * }</pre>
 */
public final class ServiceDescriptionModule implements FusekiModule {

    static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    static final String FORMATS = "http://www.w3.org/ns/formats/";
    static final List<Representation> OFFERS = List.of(
            Representation.TURTLE, Representation.JSONLD, Representation.NTRIPLES, Representation.RDFXML);

    @Override
    public String name() { return "Sijill SPARQL service description"; }

    @Override
    public void configured(FusekiServer.Builder builder, DataAccessPointRegistry registry, Model configModel) {
        Site site = Site.from(builder);
        CsvResultsWriter.register();  // blank nodes as _:b0 in CSV results
        builder.addFilter(Site.DATASET_NAME, new DescriptionFilter(site, Site.dataset(registry)));
    }

    static final class DescriptionFilter implements Filter {
        private final Site site;
        private final DatasetGraph dataset;
        private final HttpCaching caching;
        private volatile List<Node> graphNames;

        DescriptionFilter(Site site, DatasetGraph dataset) {
            this.site = site;
            this.dataset = dataset;
            this.caching = new HttpCaching(site::release, site.maxAge());
        }

        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
            HttpServletRequest request = (HttpServletRequest) req;
            HttpServletResponse response = (HttpServletResponse) res;
            String method = request.getMethod();
            boolean read = "GET".equals(method) || "HEAD".equals(method);
            if (read && "default".equals(request.getQueryString())) {
                writeUnionGraph(request, response);
                return;
            }
            if (!(read && request.getQueryString() == null)) {
                chain.doFilter(req, res);
                return;
            }
            AcceptHeader accept = AcceptHeader.parse(request.getHeader("Accept"));
            if (accept.quality("text/html") > accept.quality("text/turtle")) {
                // A browser: the query page is the endpoint's human face.
                response.setHeader("Vary", "Accept");
                response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                response.setHeader("Location", "/query");
                return;
            }
            Representation rep = Representation.negotiate(AcceptHeader.parse(request.getHeader("Accept")), OFFERS)
                    .orElse(Representation.TURTLE);
            response.setHeader("Vary", "Accept");
            if (caching.notModified(request, response, "sd-" + rep.extension())) return;
            response.setContentType(rep.contentType());
            try (OutputStream out = response.getOutputStream()) {
                RDFWriter.source(describe(site.baseFor(request) + "sparql")).format(rep.rdfFormat()).output(out);
            }
        }

        /**
         * {@code GET /sparql?default}: the Graph Store Protocol's default graph, which this
         * endpoint's configuration makes the union of the named graphs (Fuseki's own handler
         * would answer the store's real, empty, default graph).
         */
        private void writeUnionGraph(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Representation rep = Representation.negotiate(AcceptHeader.parse(request.getHeader("Accept")), OFFERS)
                    .orElse(Representation.TURTLE);
            response.setHeader("Vary", "Accept");
            if (caching.notModified(request, response, "union-" + rep.extension())) return;
            response.setContentType(rep.contentType());
            if ("HEAD".equals(request.getMethod())) return;
            RDFFormat format = rep == Representation.TURTLE ? RDFFormat.TURTLE_BLOCKS : rep.rdfFormat();
            try (OutputStream out = response.getOutputStream()) {
                Txn.executeRead(dataset, () -> {
                    Graph union = dataset.getUnionGraph();
                    RDFWriter.source(union).format(format).output(out);
                });
            }
        }

        private Model describe(String endpoint) {
            Model m = ModelFactory.createDefaultModel();
            m.setNsPrefix("sd", SD);
            m.setNsPrefix("formats", FORMATS);
            Resource service = m.createResource()
                    .addProperty(RDF.type, m.createResource(SD + "Service"))
                    .addProperty(m.createProperty(SD, "endpoint"), m.createResource(endpoint))
                    .addProperty(m.createProperty(SD, "supportedLanguage"), m.createResource(SD + "SPARQL11Query"))
                    .addProperty(m.createProperty(SD, "feature"), m.createResource(SD + "UnionDefaultGraph"));
            if (!site.serviceAllowList().isEmpty()) {
                service.addProperty(m.createProperty(SD, "feature"), m.createResource(SD + "BasicFederatedQuery"));
            }
            for (String f : List.of("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                    "Turtle", "JSON-LD", "N-Triples", "RDF_XML")) {
                service.addProperty(m.createProperty(SD, "resultFormat"), m.createResource(FORMATS + f));
            }
            Resource ds = m.createResource().addProperty(RDF.type, m.createResource(SD + "Dataset"))
                    .addProperty(m.createProperty(SD, "defaultGraph"), m.createResource().addProperty(RDF.type, m.createResource(SD + "Graph")));
            for (Node g : graphNames()) {
                ds.addProperty(m.createProperty(SD, "namedGraph"), m.createResource()
                        .addProperty(RDF.type, m.createResource(SD + "NamedGraph"))
                        .addProperty(m.createProperty(SD, "name"), m.createResource(g.getURI())));
            }
            service.addProperty(m.createProperty(SD, "defaultDataset"), ds);
            return m;
        }

        // The store does not change while the server runs: list its graphs once.
        private List<Node> graphNames() {
            List<Node> names = graphNames;
            if (names == null) {
                names = Txn.calculateRead(dataset, () -> {
                    List<Node> l = new ArrayList<>();
                    dataset.listGraphNodes().forEachRemaining(n -> { if (n.isURI()) l.add(n); });
                    l.sort((a, b) -> a.getURI().compareTo(b.getURI()));
                    return l;
                });
                graphNames = names;
            }
            return names;
        }
    }

}
