package org.w3id.sijill.server;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.w3id.sijill.server.api.TablePage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.w3id.sijill.server.observatory.InstrumentIndex;
import org.w3id.sijill.server.observatory.Snapshot;
import org.w3id.sijill.server.observatory.Table;
import org.w3id.sijill.server.observatory.TableFormat;
import org.w3id.sijill.server.observatory.TableWriter;
import org.w3id.sijill.server.pages.Messages;
import org.w3id.sijill.server.pages.PageLanguage;

/**
 * The instruments API as it was answered before a page was made on its own (issue 13): the table
 * of all the state's instruments, cut to the page, and written as one string. Kept as the oracle
 * the paged answers are compared with, byte for byte.
 *
 * <pre>{@code
 * WholeInstrumentsTable.Answer a = WholeInstrumentsTable.answer(snapshot, state, PageLanguage.EN, 1000, 1000,
 *         "/api/v1/instruments", params, TableFormat.JSON, "http://localhost:8080");
 * }</pre>
 */
final class WholeInstrumentsTable {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private WholeInstrumentsTable() {}

    /**
     * @param body the answer's bytes
     * @param next the next page's address, or null
     */
    record Answer(byte[] body, String next) {}

    /** @return the answer to the page, made the old way */
    static Answer answer(Snapshot s, Snapshot.State st, PageLanguage lang, int offset, int limit, String path,
                         Map<String, List<String>> params, TableFormat format, String siteUrl) {
        Table all = whole(s, st, lang);
        String next = new TablePage(offset, limit).next(all.rows().size(), path, params);
        Table cut = cut(all, offset, limit);
        if (next != null) cut.meta().put("next", next);
        return new Answer(write(cut, format, siteUrl), next);
    }

    private static Table.Column col(PageLanguage lang, String key) {
        return new Table.Column(key, Messages.get(lang, "obs.col." + key));
    }

    private static Table whole(Snapshot s, Snapshot.State st, PageLanguage lang) {
        List<Table.Column> cols = List.of(col(lang, "country"), col(lang, "instrument"), col(lang, "year"), col(lang, "topics"),
                col(lang, "link"), col(lang, "citedBy"));
        List<List<Object>> rows = new ArrayList<>();
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (InstrumentIndex.Entry e : InstrumentIndex.of(s, st)) {
            rows.add(List.of(st.iso2(), e.instrument().title().in(lang), e.instrument().year(), e.topics(), e.instrument().link(),
                    e.sources().stream().map(Snapshot.Source::key).toList()));
            Map<String, Object> n = new LinkedHashMap<>();
            if (!e.instrument().iri().isEmpty()) n.put("@id", e.instrument().iri());
            n.put("title", e.instrument().title().en().isEmpty() ? e.instrument().title().ar() : e.instrument().title().en());
            n.put("jurisdiction", st.iri());
            if (!e.instrument().year().isEmpty()) n.put("yearAdopted", e.instrument().year());
            if (e.instrument().iri().isEmpty()) n.put("page", e.instrument().link());
            n.put("wasDerivedFrom", e.sources().stream().map(Snapshot.Source::iri).toList());
            nodes.add(n);
        }
        return new Table("sijill-instruments-" + st.iso2(), cols, rows, nodes, Map.of());
    }

    private static Table cut(Table t, int offset, int limit) {
        int from = Math.min(offset, t.rows().size());
        int to = (int) Math.min((long) from + limit, t.rows().size());
        List<Map<String, Object>> nodes = t.nodes().size() == t.rows().size() ? t.nodes().subList(from, to) : t.nodes();
        Map<String, Object> meta = new LinkedHashMap<>(t.meta());
        meta.put("total", t.rows().size());
        meta.put("offset", offset);
        meta.put("limit", limit);
        return new Table(t.name(), t.columns(), t.rows().subList(from, to), nodes, meta);
    }

    private static byte[] write(Table t, TableFormat format, String siteUrl) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            switch (format) {
                case JSON -> out.write(GSON.toJson(TableWriter.asJson(t)).getBytes(StandardCharsets.UTF_8));
                case JSONLD -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("@context", new TableWriter(siteUrl).contextUrl());
                    m.put("@graph", t.nodes());
                    out.write(GSON.toJson(m).getBytes(StandardCharsets.UTF_8));
                }
                case CSV -> {
                    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                    w.write(TableWriter.BOM);
                    CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180);
                    p.printRecord(t.columns().stream().map(Table.Column::header).toList());
                    for (List<Object> r : t.rows()) p.printRecord(r.stream().map(WholeInstrumentsTable::text).toList());
                    p.flush();
                    w.flush();
                }
                default -> throw new IllegalArgumentException("the API does not answer " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Object v) {
        if (v == null) return "";
        if (v instanceof List<?> l) return String.join(" | ", l.stream().map(String::valueOf).toList());
        return String.valueOf(v);
    }
}
