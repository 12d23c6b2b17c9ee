package org.w3id.sijill.server.http;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;

/**
 * Compresses responses ({@code Content-Encoding: gzip}) for clients that send
 * {@code Accept-Encoding: gzip}, for GET and POST (SPARQL by POST returns large results too), by
 * wrapping the server's Jetty handler in Jetty's {@link GzipHandler}.
 *
 * <pre>{@code
 * FusekiModules.create(new GzipModule(), ...);
 * }</pre>
 */
public final class GzipModule implements FusekiModule {

    @Override
    public String name() { return "Sijill gzip"; }

    @Override
    public void server(FusekiServer server) {
        Server jetty = server.getJettyServer();
        Handler inner = jetty.getHandler();
        GzipHandler gzip = new GzipHandler();
        gzip.addIncludedMethods("POST");
        gzip.setMinGzipSize(256);
        gzip.setHandler(inner);
        jetty.setHandler(gzip);
    }
}
