package org.w3id.sijill.server.pages;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3id.sijill.server.commitments.CommitmentTables;
import org.w3id.sijill.server.ld.HttpCaching;
import org.w3id.sijill.server.observatory.BadRequest;
import org.w3id.sijill.server.observatory.Matrix;
import org.w3id.sijill.server.observatory.Selection;
import org.w3id.sijill.server.observatory.Snapshot;
import org.w3id.sijill.server.observatory.TableFormat;
import org.w3id.sijill.server.observatory.TableResponses;
import org.w3id.sijill.server.observatory.Tables;

/**
 * {@code GET /compare?country=LB&country=SY[&country=…]}: two to six Arab League states side by
 * side across the law topics, as of {@code asOf=YYYY[-MM[-DD]]}; without {@code country} the form
 * to choose them. With {@code format=csv|json|jsonld} (or {@code Accept}) the comparison's claims as a
 * table download, with the treaty, index-score and first-strategy columns and rows of the compared
 * states ({@link CommitmentTables#compare}). Bad codes, counts or dates are answered 400 with the reason.
 *
 * <pre>{@code
 * builder.addServlet("/compare", new CompareServlet(pages, new HttpCaching(site::release, site.maxAge())));
 * }</pre>
 */
public final class CompareServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient SijillPages pages;
    private final transient HttpCaching caching;

    /**
     * @param pages the renderer
     * @param caching validators tied to the data release (the comparison changes only with the data)
     */
    public CompareServlet(SijillPages pages, HttpCaching caching) {
        this.pages = pages;
        this.caching = caching;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        PageRequest pr = PageResponses.pageRequest(req);
        TableFormat format;
        try {
            format = TableFormat.choose(req.getParameter("format"), req.getHeader("Accept"), FORMATS);
        } catch (BadRequest e) {
            PageResponses.write(req, resp, pages.error(pr, 400, e.message(pr.lang()), pr.lang().code()));
            return;
        }
        String variant = "compare-" + format.code() + "-" + pr.lang().code() + "-" + (req.getQueryString() == null ? "" : req.getQueryString());
        if (caching.notModified(req, resp, variant)) return;
        if (format != TableFormat.HTML) {
            // the comparison's table: the same countries, dates and claims as the page
            try {
                Snapshot s = pages.observatory().ready();
                Map<String, List<String>> params = new LinkedHashMap<>(TableResponses.params(req));
                params.remove("format");
                Selection sel = Selection.of(s, params);
                TableResponses.write(req, resp, CommitmentTables.compare(Tables.claims(s, Matrix.of(s, sel), pr.lang()),
                        pages.observatory().commitments(), sel.countriesOr(s), pr.lang()), format, pr.lang());
            } catch (BadRequest e) {
                TableResponses.badRequest(resp, e, pr.lang(), format != TableFormat.CSV);
            }
            return;
        }
        PageResponses.serve(req, resp, pages, r -> pages.compare(r, r.values("country")));
    }

    private static final List<TableFormat> FORMATS = List.of(TableFormat.HTML, TableFormat.CSV, TableFormat.JSON, TableFormat.JSONLD);
}
