package org.w3id.sijill.server.http;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;

/**
 * Sets the size of Jetty's per-response output buffer. Fuseki configures 5 MB
 * ({@code JettyLib.httpConfiguration}); Jetty's buffer pool does not keep buffers that large, so
 * every response allocated a fresh 5 MB direct buffer that only the garbage collector returns: under
 * 32 clients the process grew to several GB of resident memory while its heap stayed near 100 MB,
 * and small answers ({@code /$/ping}) ran at a fraction of a plain web server's rate. A buffer of
 * {@value #DEFAULT_BYTES} bytes is pooled and reused; larger answers are streamed in several
 * writes, which Jetty does anyway for anything past the buffer. {@code serve --output-buffer N}
 * changes it.
 *
 * <pre>{@code
 * FusekiModules.create(..., new OutputBufferModule(OutputBufferModule.DEFAULT_BYTES));
 * }</pre>
 */
public final class OutputBufferModule implements FusekiModule {
    /** The default output buffer: 32 kB. */
    public static final int DEFAULT_BYTES = 32 * 1024;
    /** The smallest buffer accepted. */
    public static final int MIN_BYTES = 1024;
    /** The largest buffer accepted (Fuseki's own 5 MB and a little more). */
    public static final int MAX_BYTES = 8 * 1024 * 1024;

    private final int bytes;

    /**
     * @param bytes the output buffer of each response, {@value #MIN_BYTES}..{@value #MAX_BYTES}
     * @throws IllegalArgumentException outside that range
     */
    public OutputBufferModule(int bytes) {
        if (bytes < MIN_BYTES || bytes > MAX_BYTES) {
            throw new IllegalArgumentException("the output buffer must be between " + MIN_BYTES + " and " + MAX_BYTES + " bytes, got " + bytes);
        }
        this.bytes = bytes;
    }

    @Override
    public String name() { return "Sijill output buffer"; }

    @Override
    public void serverBeforeStarting(FusekiServer server) {
        for (Connector c : server.getJettyServer().getConnectors()) {
            HttpConnectionFactory http = c.getConnectionFactory(HttpConnectionFactory.class);
            if (http != null) http.getHttpConfiguration().setOutputBufferSize(bytes);
        }
    }
}
