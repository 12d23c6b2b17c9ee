package org.w3id.sijill.server.pages;

import java.util.List;
import java.util.Objects;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.server.DataAccessPoint;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.rdf.model.Model;
import org.w3id.sijill.core.SijillException;

/**
 * The HTML side of the Sijill server as a Fuseki module: the landing page {@code /}, entity pages
 * {@code /page/{path}}, the ontology documentation {@code /page/ontology}, the query page
 * {@code /query} and the static files {@code /static/*}. The dataset is the one Fuseki was
 * configured with (from {@code fuseki-config/}): the data access point named {@code datasetName},
 * or the only one when no name is given.
 *
 * <pre>{@code
 * FusekiModule pages = new PagesModule(null, new ExampleQueries(home.queries()), downloadsInfo);
 * FusekiServer server = FusekiServer.create().parseConfigFile(config).fusekiModules(FusekiModules.create(pages)).build();
 * }</pre>
 */
public final class PagesModule implements FusekiModule {
    private final String datasetName;
    private final ExampleQueries examples;
    private final DownloadsInfo downloads;
    private volatile SijillPages pages;

    /**
     * @param datasetName the data access point to render, e.g. {@code /sijill}; null for the only one
     * @param examples the example queries shown on the landing and query pages
     * @param downloads the published dumps ({@link DownloadsInfo#NONE} when there are none)
     */
    public PagesModule(String datasetName, ExampleQueries examples, DownloadsInfo downloads) {
        this.datasetName = datasetName;
        this.examples = Objects.requireNonNull(examples, "examples");
        this.downloads = Objects.requireNonNull(downloads, "downloads");
    }

    @Override
    public String name() {
        return "Sijill pages";
    }

    @Override
    public void configured(FusekiServer.Builder builder, DataAccessPointRegistry registry, Model configModel) {
        DataAccessPoint dap = dataAccessPoint(registry);
        SijillPages p = new SijillPages(dap.getDataService().getDataset(), examples, downloads);
        this.pages = p;
        builder.addServlet("", new LandingServlet(p));
        builder.addServlet("/page/*", new EntityPageServlet(p));
        builder.addServlet("/query", new QueryPageServlet(p));
        builder.addServlet("/static/*", new StaticServlet());
    }

    /** @return the page renderer, once the server is configured */
    public SijillPages pages() {
        if (pages == null) throw new SijillException(SijillException.Kind.ENVIRONMENT, "the pages module is not configured yet");
        return pages;
    }

    private DataAccessPoint dataAccessPoint(DataAccessPointRegistry registry) {
        List<DataAccessPoint> all = registry.accessPoints();
        if (datasetName != null) {
            String name = datasetName.startsWith("/") ? datasetName : "/" + datasetName;
            DataAccessPoint dap = registry.get(name);
            if (dap == null) {
                throw new SijillException(SijillException.Kind.ENVIRONMENT, "the Fuseki configuration has no dataset '" + name
                        + "' for the pages (it has " + all.stream().map(DataAccessPoint::getName).toList() + ")");
            }
            return dap;
        }
        if (all.size() != 1) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "the pages need one dataset but the Fuseki configuration has "
                    + all.size() + " " + all.stream().map(DataAccessPoint::getName).toList() + "; name it in PagesModule");
        }
        return all.get(0);
    }
}
