package org.w3id.sijill.loader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;
import org.w3id.sijill.core.SourceDataException;
import org.w3id.sijill.vocab.SIJILL;

/**
 * Editorial transcriptions of passages, {@code sources/transcriptions.csv} (columns {@code document,
 * passage, text, note}): a corrected reading of a passage whose extracted text is out of reading
 * order (the PDF's visual order of Annex I of the ESCWA report). The corrected reading is the text
 * evidence quotes are checked against; the raw extraction stays the passage's {@code rdf:value}.
 * Each reading is published in the graph of the Sijill editors (external source
 * {@code sijill-editors}) as {@code sijill:editorialReading} of the passage, with its note as
 * {@code skos:editorialNote}.
 *
 * <p>A reading may only reorder, join and split what was extracted: its letters and digits (after
 * {@link TextNormalizer normalisation}) must be exactly those of the raw passage, so no word can be
 * added or dropped. A row naming an unknown document or passage, or changing the letters, fails the
 * build with the row's line.
 *
 * <pre>{@code
 * EditorialTranscriptions t = EditorialTranscriptions.read(sourcesDir);
 * String text = t.readingOf("escwa-beirut-2018-report", rawPassage).text(); // corrected, or the raw text
 * t.write(streamRdf);
 * }</pre>
 */
public final class EditorialTranscriptions {

    /** The file, relative to the sources folder. */
    public static final String FILE = "transcriptions.csv";
    /** The external source the readings are attributed to. */
    public static final String EDITORS = "sijill-editors";
    static final List<String> COLUMNS = List.of("document", "passage", "text", "note");
    private static final Set<String> REQUIRED = Set.of("document", "passage", "text");

    /** One corrected reading. */
    private record Reading(Row row, String document, String passage, String text, String note) {}

    private final Path file;
    /** by document slug, then passage token */
    private final Map<String, Map<String, Reading>> readings;
    private final Map<String, Long> matched = new HashMap<>();

    private EditorialTranscriptions(Path file, Map<String, Map<String, Reading>> readings) {
        this.file = file;
        this.readings = readings;
    }

    /** @return no transcriptions (for a sources folder without {@code transcriptions.csv}) */
    public static EditorialTranscriptions none() {
        return new EditorialTranscriptions(null, Map.of());
    }

    /** Reads {@code transcriptions.csv} from the sources folder (none when the file is absent). */
    public static EditorialTranscriptions read(Path sourcesDir) {
        Path csv = sourcesDir.resolve(FILE);
        if (!Files.exists(csv)) return none();
        CsvTable table = TableReader.read(csv, false);
        DocumentRegister.checkHeader(table, COLUMNS);
        Map<String, Map<String, Reading>> readings = new LinkedHashMap<>();
        for (Row r : table.rows()) {
            for (String c : REQUIRED) {
                if (r.cell(c).isBlank()) throw new SourceDataException(csv, r.line(), c, "required field is empty");
            }
            Reading reading = new Reading(r, r.cell("document"), r.cell("passage"), r.cell("text").strip(), r.cell("note").strip());
            Reading before = readings.computeIfAbsent(reading.document(), d -> new LinkedHashMap<>()).putIfAbsent(reading.passage(), reading);
            if (before != null) {
                throw new SourceDataException(csv, r.line(), "passage", "a second reading of " + reading.document() + "/p/"
                        + reading.passage() + " (first on line " + before.row().line() + ")");
            }
        }
        return new EditorialTranscriptions(csv, readings);
    }

    /**
     * @return the passage with its corrected reading as text, or the passage itself when it has none
     * @throws SourceDataException when the reading's letters are not those of the raw passage
     */
    public Passage readingOf(String document, Passage raw) {
        Reading reading = readings.getOrDefault(document, Map.of()).get(raw.token());
        if (reading == null) return raw;
        String difference = letterDifference(raw.text(), reading.text());
        if (difference != null) {
            throw new SourceDataException(file, reading.row().line(), "text", "the reading of " + document + "/p/" + raw.token()
                    + " does not have the letters of the extracted passage (a reading may only reorder, join and split words): " + difference);
        }
        matched.put(document + "/p/" + raw.token(), reading.row().line());
        return raw.withText(reading.text());
    }

    /**
     * Checks that every reading named a passage of a registered document and that the Sijill
     * editors are a registered source; call after all documents were read.
     */
    public void checkAllMatched(SourceRegistry registry) {
        for (Map<String, Reading> byPassage : readings.values()) {
            for (Reading r : byPassage.values()) {
                if (!matched.containsKey(r.document() + "/p/" + r.passage())) {
                    Source doc = registry.find(r.document());
                    boolean isDocument = doc != null && doc.isDocument();
                    throw new SourceDataException(file, r.row().line(), isDocument ? "passage" : "document", isDocument
                            ? "no passage '" + r.passage() + "' in document '" + r.document() + "'"
                            : "no document '" + r.document() + "' in documents.csv");
                }
            }
        }
        if (!readings.isEmpty() && registry.find(EDITORS) == null) {
            throw new SourceDataException(file, 1, "document", "readings are attributed to the external source '" + EDITORS
                    + "', which external-sources.csv does not register");
        }
    }

    /** @return the number of corrected readings */
    public int size() {
        return readings.values().stream().mapToInt(Map::size).sum();
    }

    /** Writes each reading into the editors' graph as {@code sijill:editorialReading} of its passage. */
    public void write(StreamRDF out, SourceRegistry registry) {
        Node graph = NodeFactory.createURI(SIJILL.GRAPH + EDITORS);
        Node readingProperty = NodeFactory.createURI(SIJILL.editorialReading.getURI());
        Node noteProperty = NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#editorialNote");
        for (Map<String, Reading> byPassage : readings.values()) {
            for (Reading r : byPassage.values()) {
                Source doc = registry.find(r.document());
                Node passage = doc.passageIri(r.passage());
                String lang = doc.languages().get(r.passage());
                out.quad(Quad.create(graph, passage, readingProperty, NodeFactory.createLiteralLang(r.text(), lang)));
                if (!r.note().isEmpty()) out.quad(Quad.create(graph, passage, noteProperty, NodeFactory.createLiteralLang(r.note(), "en")));
            }
        }
    }

    /** @return a description of the letters one text has and the other lacks, or null when they have the same letters */
    static String letterDifference(String raw, String reading) {
        Map<Integer, Integer> count = new TreeMap<>();
        TextNormalizer.normalize(raw).codePoints().filter(Character::isLetterOrDigit).forEach(c -> count.merge(c, 1, Integer::sum));
        TextNormalizer.normalize(reading).codePoints().filter(Character::isLetterOrDigit).forEach(c -> count.merge(c, -1, Integer::sum));
        StringBuilder missing = new StringBuilder();
        StringBuilder added = new StringBuilder();
        count.forEach((c, n) -> {
            for (int i = 0; i < Math.abs(n); i++) (n > 0 ? missing : added).appendCodePoint(c);
        });
        if (missing.isEmpty() && added.isEmpty()) return null;
        return (missing.isEmpty() ? "" : "missing «" + missing + "» ") + (added.isEmpty() ? "" : "added «" + added + "»");
    }
}
