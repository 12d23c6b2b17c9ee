package org.w3id.sijill.server.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.fuseki.main.FusekiServer;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.server.Site;

/**
 * The addresses that are folders, declared by the module that serves them: a folder keeps its
 * trailing slash ({@code /dumps/}, {@code /api/docs/}), and its address without the slash gets a
 * {@code 301} to it (the query string kept), where every other address ending in a slash is
 * redirected the other way by the pages' error filter. The first declaration on a server adds the
 * one filter that does the redirect; the set is shared through the builder's servlet attributes,
 * so the order of the modules does not matter.
 *
 * <pre>{@code
 * public void configured(FusekiServer.Builder builder, DataAccessPointRegistry registry, Model config) {
 *     FolderAddresses.declare(builder, "/dumps/");
 *     builder.addServlet("/dumps/*", new FilesServlet(...));
 * }
 * // elsewhere: FolderAddresses.isFolder(request.getServletContext(), "/dumps/") → true
 * }</pre>
 */
public final class FolderAddresses {
    private FolderAddresses() {}

    /** The servlet-context attribute (and builder attribute) holding the set of folders. */
    public static final String ATTRIBUTE = "org.w3id.sijill.folderAddresses";

    /**
     * @param builder the server's builder
     * @param folders paths starting and ending with {@code /}, e.g. {@code /dumps/}
     */
    public static void declare(FusekiServer.Builder builder, String... folders) {
        Set<String> set = folders(builder);
        for (String f : folders) {
            if (!f.startsWith("/") || !f.endsWith("/") || f.length() < 3) {
                throw new SijillException(SijillException.Kind.ENVIRONMENT, "a folder address starts and ends with '/': " + f);
            }
            set.add(f);
        }
    }

    /** @return whether {@code path} is a declared folder of the server of {@code context} */
    public static boolean isFolder(ServletContext context, String path) {
        Object set = context == null ? null : context.getAttribute(ATTRIBUTE);
        return set instanceof Set<?> s && s.contains(path);
    }

    @SuppressWarnings("unchecked")
    private static synchronized Set<String> folders(FusekiServer.Builder builder) {
        Object existing = builder.getServletAttribute(ATTRIBUTE);
        if (existing instanceof Set<?> s) return (Set<String>) s;
        Set<String> set = ConcurrentHashMap.newKeySet();
        builder.addServletAttribute(ATTRIBUTE, set);
        builder.addFilter("/*", new SlashFilter(set));
        return set;
    }

    /** Redirects a folder's address without its slash to the folder. */
    private static final class SlashFilter implements Filter {
        private final Set<String> folders;

        SlashFilter(Set<String> folders) {
            this.folders = folders;
        }

        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
            HttpServletRequest request = (HttpServletRequest) req;
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (!path.endsWith("/") && folders.contains(path + "/")) {
                HttpServletResponse response = (HttpServletResponse) res;
                String query = request.getQueryString();
                response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
                response.setHeader("Location", Site.baseOf(request) + path.substring(1) + "/" + (query == null ? "" : "?" + query));
                return;
            }
            chain.doFilter(req, res);
        }
    }
}
