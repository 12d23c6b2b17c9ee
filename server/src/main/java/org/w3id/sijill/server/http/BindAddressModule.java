package org.w3id.sijill.server.http;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Listens on one interface only: sets the host of the server's Jetty connectors before they open
 * (Fuseki's builder has no host option beyond loopback on/off). {@code serve} binds to loopback
 * ({@code 127.0.0.1}) unless told {@code --bind 0.0.0.0} (all interfaces) or an address.
 *
 * <pre>{@code
 * FusekiModules.create(..., new BindAddressModule("127.0.0.1"));
 * }</pre>
 */
public final class BindAddressModule implements FusekiModule {
    private final String host;

    /** @param host the address to listen on ({@code 0.0.0.0} for all interfaces) */
    public BindAddressModule(String host) {
        this.host = host;
    }

    @Override
    public String name() { return "Sijill bind address"; }

    @Override
    public void serverBeforeStarting(FusekiServer server) {
        for (Connector c : server.getJettyServer().getConnectors()) {
            if (c instanceof ServerConnector sc) sc.setHost("0.0.0.0".equals(host) ? null : host);
        }
    }
}
