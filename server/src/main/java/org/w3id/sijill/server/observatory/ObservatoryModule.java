package org.w3id.sijill.server.observatory;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.rdf.model.Model;
import org.w3id.sijill.server.Site;
import org.w3id.sijill.server.http.FolderAddresses;
import org.w3id.sijill.server.api.ObservatoryApiServlet;
import org.w3id.sijill.server.ld.HttpCaching;

/**
 * The observatory as a Fuseki module: the matrix {@code /matrix}, the map {@code /map}, and the
 * comparison API {@code /api/v1/…} (compare, countries, topics, sources, instruments, the OpenAPI
 * description and its documentation page) with the unversioned {@code /api/…} as aliases.
 *
 * <pre>{@code
 * SijillServer.builder()...addModule(new ObservatoryModule()).build();
 * }</pre>
 */
public final class ObservatoryModule implements FusekiModule {
    @Override
    public String name() {
        return "Sijill observatory";
    }

    @Override
    public void configured(FusekiServer.Builder builder, DataAccessPointRegistry registry, Model configModel) {
        Site site = Site.from(builder);
        Observatory observatory = Observatory.shared(builder, registry);
        HttpCaching caching = new HttpCaching(site.release(), site.maxAge());
        builder.addServlet("/matrix", new ObservatoryPageServlet(ObservatoryPageServlet.Page.MATRIX, observatory, caching));
        builder.addServlet("/map", new ObservatoryPageServlet(ObservatoryPageServlet.Page.MAP, observatory, caching));
        ObservatoryApiServlet api = new ObservatoryApiServlet(observatory, caching);
        builder.addServlet("/api/v1/*", api);
        for (String path : ObservatoryApiServlet.PATHS) builder.addServlet("/api/" + path, api);
        FolderAddresses.declare(builder, "/api/docs/", "/api/v1/docs/");
        builder.addServlet("/api/docs/*", api);
    }
}
