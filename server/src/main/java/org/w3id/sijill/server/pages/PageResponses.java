package org.w3id.sijill.server.pages;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.sijill.core.SijillException;

/**
 * The HTTP side shared by the page servlets: reads the page language and parameters from a request,
 * remembers an explicit language choice in a cookie, writes a {@link RenderedPage}, and translates
 * failures once: a {@link SijillException} becomes an error page with its status and message; any
 * other failure is logged and answered 500 without internals.
 *
 * <pre>{@code
 * PageResponses.serve(req, resp, pages, r -> pages.landing(r));
 * }</pre>
 */
public final class PageResponses {
    private PageResponses() {}

    private static final Logger LOG = LoggerFactory.getLogger(PageResponses.class);

    /** @return the page request: negotiated language, path, first value of each parameter, site URL */
    public static PageRequest pageRequest(HttpServletRequest req) {
        String cookie = null;
        if (req.getCookies() != null) {
            for (Cookie c : req.getCookies()) {
                if (LanguageNegotiator.COOKIE.equals(c.getName())) cookie = c.getValue();
            }
        }
        PageLanguage lang = LanguageNegotiator.choose(req.getParameter("lang"), cookie, req.getHeader("Accept-Language"));
        Map<String, String> params = new LinkedHashMap<>();
        Map<String, java.util.List<String>> all = new LinkedHashMap<>();
        req.getParameterMap().forEach((k, v) -> {
            if (v.length > 0 && !k.equals("lang")) {
                params.put(k, v[0]);
                all.put(k, java.util.List.of(v));
            }
        });
        String base = org.w3id.sijill.server.Site.baseOf(req);  // never the Host header
        String site = base.substring(0, base.length() - 1);
        return new PageRequest(lang, req.getRequestURI(), params, site, all);
    }

    /**
     * Renders and writes a page, translating failures.
     *
     * @param render makes the page for the request
     */
    public static void serve(HttpServletRequest req, HttpServletResponse resp, SijillPages pages,
                             Function<PageRequest, RenderedPage> render) throws IOException {
        PageRequest r = pageRequest(req);
        RenderedPage page;
        try {
            page = render.apply(r);
        } catch (SijillException e) {
            int status = e.kind().httpStatus();
            if (status >= 500 && e.kind() != SijillException.Kind.NOT_READY) LOG.warn("page {} failed: {}", req.getRequestURI(), e.getMessage(), e);
            org.w3id.sijill.server.http.ErrorPages.headersFor(resp, e);
            page = pages.error(r, status, e.getMessage(), "en");
        } catch (RuntimeException e) {
            LOG.error("page {} failed", req.getRequestURI(), e);
            page = pages.error(r, 500, "internal error", "en");
        }
        write(req, resp, page);
    }

    /** Writes a rendered page with its language headers. */
    public static void write(HttpServletRequest req, HttpServletResponse resp, RenderedPage page) throws IOException {
        String explicit = req.getParameter("lang");
        if (PageLanguage.fromCode(explicit).isPresent()) {
            Cookie c = new Cookie(LanguageNegotiator.COOKIE, page.lang().code());
            c.setPath("/");
            c.setMaxAge(365 * 24 * 3600);
            c.setHttpOnly(true);
            c.setAttribute("SameSite", "Lax");
            resp.addCookie(c);
        }
        resp.setStatus(page.status());
        resp.setContentType("text/html; charset=utf-8");
        resp.setHeader("Content-Language", page.lang().code());
        resp.addHeader("Vary", "Accept-Language, Cookie");
        if (!resp.containsHeader("Cache-Control")) resp.setHeader("Cache-Control", "public, max-age=300");
        if (page.partial()) {
            resp.setHeader("Cache-Control", "no-store");
            resp.setHeader("ETag", null);
            resp.setHeader("Last-Modified", null);
        }
        resp.setHeader("X-Content-Type-Options", "nosniff");
        byte[] body = page.html().getBytes(StandardCharsets.UTF_8);
        resp.setContentLength(body.length);
        if (!"HEAD".equals(req.getMethod())) resp.getOutputStream().write(body);
    }
}
