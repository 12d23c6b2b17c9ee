package org.w3id.sijill.server.pages;

/**
 * A rendered HTML page with the HTTP status it is answered with.
 *
 * <pre>{@code
 * RenderedPage p = pages.entity("country/LB", PageLanguage.AR, 1, request);
 * response.setStatus(p.status());
 * }</pre>
 *
 * @param status the HTTP status
 * @param lang the page language
 * @param html the page
 * @param partial true when part of it is still being prepared (the landing page's figures after a
 *                start): such a page is answered {@code no-store}, without validators, so no cache
 *                keeps it for the whole release
 */
public record RenderedPage(int status, PageLanguage lang, String html, boolean partial) {
    /** A whole page. */
    public RenderedPage(int status, PageLanguage lang, String html) {
        this(status, lang, html, false);
    }
}
