package org.w3id.sijill.server.http;

import java.util.Locale;
import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.NanoTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One short log line per request instead of Fuseki's three with the full query text (a busy
 * endpoint wrote hundreds of MB of log per benchmark run): {@code GET /sparql 200 3 ms}, on the
 * logger {@value #LOGGER}. The query string is left out (queries, search words); the path is cut
 * at {@value #MAX_PATH} characters. Fuseki's own action log is lowered to warnings, so errors it
 * reports still show. {@code serve --request-log fuseki} keeps Fuseki's lines instead, {@code off}
 * logs no requests.
 *
 * <pre>{@code
 * FusekiModules.create(..., new RequestLogModule(RequestLogModule.Mode.SHORT));
 * }</pre>
 */
public final class RequestLogModule implements FusekiModule {
    /** The logger of the short request lines. */
    public static final String LOGGER = "org.w3id.sijill.request";
    /** Longest path written, in characters. */
    public static final int MAX_PATH = 200;

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    /** What is logged for each request. */
    public enum Mode {
        /** one line: method, path, status, milliseconds */
        SHORT,
        /** Fuseki's own action log (three lines, with the query text) */
        FUSEKI,
        /** nothing */
        OFF;

        /**
         * @param text {@code short}, {@code fuseki} or {@code off} (any case)
         * @return the mode
         * @throws IllegalArgumentException for anything else
         */
        public static Mode parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the request log is one of short, fuseki, off; got '" + text + "'", e);
            }
        }
    }

    private final Mode mode;

    /** @param mode what to log per request */
    public RequestLogModule(Mode mode) {
        this.mode = mode;
    }

    @Override
    public String name() { return "Sijill request log"; }

    @Override
    public void serverBeforeStarting(FusekiServer server) {
        if (mode == Mode.FUSEKI) return;
        Configurator.setLevel(Fuseki.actionLogName, Level.WARN);
        if (mode == Mode.SHORT) {
            // shown by default (Fuseki's logging setup only lets its own loggers through); an operator's own setting wins
            LoggerContext context = (LoggerContext) LogManager.getContext(false);
            if (!context.getConfiguration().getLoggers().containsKey(LOGGER)) Configurator.setLevel(LOGGER, Level.INFO);
            server.getJettyServer().setRequestLog(RequestLogModule::log);
        }
    }

    private static void log(Request request, Response response) {
        if (!LOG.isInfoEnabled()) return;
        String path = request.getHttpURI().getPath();
        if (path == null) path = "";
        if (path.length() > MAX_PATH) path = path.substring(0, MAX_PATH) + "…";
        LOG.info("{} {} {} {} ms", request.getMethod(), path, response.getStatus(), NanoTime.millisSince(request.getBeginNanoTime()));
    }
}
