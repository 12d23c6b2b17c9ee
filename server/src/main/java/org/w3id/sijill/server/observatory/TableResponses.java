package org.w3id.sijill.server.observatory;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3id.sijill.server.pages.PageLanguage;

/**
 * The HTTP side of the observatory's tables: the request's parameters with every value, the file
 * name a download gets ({@code Content-Disposition}), and the 400 answer for a {@link BadRequest}
 * in the request's language when the client asked for data rather than a page.
 *
 * <pre>{@code
 * TableResponses.write(resp, table, TableFormat.CSV, new TableWriter(site));
 * }</pre>
 */
public final class TableResponses {
    private TableResponses() {}

    /** @return every value of every parameter, in request order */
    public static Map<String, List<String>> params(HttpServletRequest req) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        req.getParameterMap().forEach((k, v) -> out.put(k, List.of(v)));
        return out;
    }

    /** @return the site's base URL as the client sees it */
    public static String siteUrl(HttpServletRequest req) {
        boolean defaultPort = (req.getServerPort() == 80 && "http".equals(req.getScheme()))
                || (req.getServerPort() == 443 && "https".equals(req.getScheme()));
        return req.getScheme() + "://" + req.getServerName() + (defaultPort ? "" : ":" + req.getServerPort());
    }

    /** Writes the table as a download in the format. */
    public static void write(HttpServletRequest req, HttpServletResponse resp, Table t, TableFormat f, PageLanguage lang) throws IOException {
        resp.setStatus(200);
        resp.setContentType(f.mediaType());
        resp.setHeader("Content-Language", lang.code());
        resp.setHeader("Vary", "Accept, Accept-Language, Cookie");
        resp.setHeader("Content-Disposition", "attachment; filename=\"" + t.name() + "-" + lang.code() + "." + f.extension() + "\"");
        resp.setHeader("Access-Control-Allow-Origin", "*");
        if ("HEAD".equals(req.getMethod())) return;
        new TableWriter(siteUrl(req)).write(t, f, resp.getOutputStream());
    }

    /** Answers 400 with the reason in the language, as JSON or plain text. */
    public static void badRequest(HttpServletResponse resp, BadRequest e, PageLanguage lang, boolean json) throws IOException {
        resp.setStatus(400);
        resp.setHeader("Content-Language", lang.code());
        String reason = e.message(lang);
        if (json) {
            resp.setContentType("application/json");
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", 400);
            body.put("error", reason);
            body.put("lang", lang.code());
            resp.getOutputStream().write(new com.google.gson.Gson().toJson(body).getBytes(StandardCharsets.UTF_8));
        } else {
            resp.setContentType("text/plain; charset=utf-8");
            resp.getOutputStream().write((reason + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }
}
