package org.w3id.sijill.server.pages;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.server.Site;
import org.w3id.sijill.server.ld.HttpCaching;
import org.w3id.sijill.server.ld.IdentifierCase;

/**
 * {@code GET /page/{path}}: the HTML page of the resource {@code https://w3id.org/sijill/id/{path}}
 * ({@code ?page=} pages through incoming links), and {@code /page/ontology}, the ontology
 * documentation. An address in another letter case than the resource's ({@code /page/country/eg})
 * is redirected ({@code 301}) to the right one ({@link IdentifierCase}).
 *
 * <pre>{@code
 * builder.addServlet("/page/*", new EntityPageServlet(pages, new HttpCaching(site::release, site.maxAge())));
 * }</pre>
 */
public final class EntityPageServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    /** Lowercase slugs and ISO codes separated by slashes, as in the identifier patterns of the design. */
    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*");
    private final transient SijillPages pages;
    private final transient HttpCaching caching;

    /**
     * @param pages the renderer
     * @param caching validators tied to the data release (pages change only with the data)
     */
    public EntityPageServlet(SijillPages pages, HttpCaching caching) {
        this.pages = pages;
        this.caching = caching;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String info = req.getPathInfo();
        String path = info == null ? "" : info.startsWith("/") ? info.substring(1) : info;
        if (PATH.matcher(path).matches() && !path.equals("ontology")) {
            Optional<String> canonical = IdentifierCase.canonical(path, pages::exists);
            if (canonical.isPresent()) {
                // /page/country/eg → /page/country/EG, as /id/ does
                resp.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
                String query = req.getQueryString();
                resp.setHeader("Location", Site.baseOf(req) + "page/" + canonical.get() + (query == null ? "" : "?" + query));
                return;
            }
        }
        PageRequest pr = PageResponses.pageRequest(req);
        String variant = "page-" + pr.lang().code() + "-" + path + "-" + (req.getQueryString() == null ? "" : req.getQueryString());
        if (caching.notModified(req, resp, variant)) return;
        PageResponses.serve(req, resp, pages, r -> {
            if (path.equals("ontology")) return pages.ontologyPage(r);
            if (!PATH.matcher(path).matches()) return pages.notFound(r);
            return pages.entity(path, pageNumber(req.getParameter("page")), r);
        });
    }

    private static int pageNumber(String p) {
        if (p == null || p.isEmpty()) return 1;
        try {
            int n = Integer.parseInt(p);
            if (n >= 1) return n;
        } catch (NumberFormatException e) {
            // Falls through to the same answer as a number below 1.
        }
        throw new SijillException(SijillException.Kind.BAD_INPUT, "page must be a whole number from 1, got '" + p + "'");
    }
}
