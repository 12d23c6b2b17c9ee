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
 */
public record RenderedPage(int status, PageLanguage lang, String html) {}
