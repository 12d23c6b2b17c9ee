package org.w3id.sijill.dump;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.core.SourceDataException;
import org.w3id.sijill.vocab.SIJILL;

/**
 * A row of {@code sources/external-sources.csv} (and the line it stands on): an external source the
 * data restates, with its licence and the acknowledgement it asks for (UNCTAD: "Source: UNCTAD Global Cyberlaw Tracker
 * (data as of 2026-04-27)"). The dumps carry these in their dataset-description graph.
 *
 * <pre>{@code
 * List<ExternalSource> sources = ExternalSource.read(home.sources().resolve("external-sources.csv"));
 * }</pre>
 */
public record ExternalSource(String slug, String address, String title, String publisher, String date, String licence,
        String acknowledgement, long line) {

    private static final Set<String> HEADER = Set.of("slug", "iri", "title_en", "publisher", "date", "licence", "acknowledgement");

    /** @return the source's Sijill IRI, {@code https://w3id.org/sijill/id/source/{slug}} */
    public String iri() { return SIJILL.ID + "source/" + slug; }

    /** @return the named graph of this source */
    public String graph() { return SIJILL.GRAPH + slug; }

    /** Reads the register; a malformed row is an error naming file, line and field. */
    public static List<ExternalSource> read(Path csv) {
        List<ExternalSource> out = new ArrayList<>();
        CSVFormat fmt = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8); CSVParser p = CSVParser.parse(r, fmt)) {
            if (!p.getHeaderNames().containsAll(HEADER)) {
                throw new SourceDataException(csv, 1, null, "header must have the columns " + HEADER + ", found " + p.getHeaderNames());
            }
            for (CSVRecord rec : p) {
                long line = rec.getRecordNumber() + 1;
                String slug = rec.get("slug").strip();
                if (!slug.matches("[a-z0-9-]+")) throw new SourceDataException(csv, line, "slug", "malformed slug '" + slug + "'");
                String title = rec.get("title_en").strip();
                if (title.isEmpty()) throw new SourceDataException(csv, line, "title_en", "missing");
                String address = rec.get("iri").strip();
                if (!address.startsWith("http://") && !address.startsWith("https://")) {
                    throw new SourceDataException(csv, line, "iri", "not an http(s) IRI: '" + address + "'");
                }
                out.add(new ExternalSource(slug, address, title, rec.get("publisher").strip(), rec.get("date").strip(),
                        rec.get("licence").strip(), rec.get("acknowledgement").strip(), line));
            }
        } catch (IOException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, csv + ": cannot read: " + e.getMessage(), e);
        }
        return out;
    }
}
