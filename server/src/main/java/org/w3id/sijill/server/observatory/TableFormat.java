package org.w3id.sijill.server.observatory;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.w3id.sijill.server.ld.AcceptHeader;

/**
 * The formats of the observatory's tables, chosen by {@code format=} or by {@code Accept}.
 *
 * <pre>{@code
 * TableFormat f = TableFormat.choose("csv", null, true); // CSV
 * }</pre>
 */
public enum TableFormat {
    HTML("html", "text/html; charset=utf-8", "html"),
    CSV("csv", "text/csv; charset=utf-8", "csv"),
    JSON("json", "application/json", "json"),
    JSONLD("jsonld", "application/ld+json", "jsonld"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String code;
    private final String mediaType;
    private final String extension;

    TableFormat(String code, String mediaType, String extension) {
        this.code = code;
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String code() { return code; }
    public String mediaType() { return mediaType; }
    public String extension() { return extension; }

    /**
     * @param format the {@code format} parameter, or null
     * @param accept the {@code Accept} header, or null
     * @param allowed the formats this table offers, the first being the default
     * @return the format
     * @throws BadRequest for an unknown or unoffered {@code format}
     */
    public static TableFormat choose(String format, String accept, List<TableFormat> allowed) {
        if (format != null && !format.isBlank()) {
            String f = format.strip().toLowerCase(Locale.ROOT);
            if ("json-ld".equals(f)) f = "jsonld";
            for (TableFormat t : allowed) if (t.code.equals(f)) return t;
            throw new BadRequest("obs.error.format", format, String.join(", ", allowed.stream().map(TableFormat::code).toList()));
        }
        return fromAccept(accept, allowed).orElse(allowed.get(0));
    }

    private static Optional<TableFormat> fromAccept(String accept, List<TableFormat> allowed) {
        if (accept == null) return Optional.empty();
        // one reading of Accept for the whole server (RFC 9110 precedence, malformed ranges skipped)
        List<String> offers = allowed.stream().map(t -> t.mediaType.split(";")[0].strip()).toList();
        return AcceptHeader.parse(accept).choose(offers).map(mt -> allowed.get(offers.indexOf(mt)));
    }
}
