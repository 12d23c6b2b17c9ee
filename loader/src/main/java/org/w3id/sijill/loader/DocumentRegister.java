package org.w3id.sijill.loader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;
import org.w3id.sijill.core.SourceDataException;
import org.w3id.sijill.vocab.SIJILL;

/**
 * The register of source documents, {@code documents.csv} (columns {@code slug, file, title_en,
 * title_ar, date, publisher, language, kind, segmentation, origin}, optionally {@code origin_ar} and
 * {@code url}): checks each row, reads the
 * text (strict UTF-8), splits it into passages by the row's segmentation and repairs the passage
 * text; writes the document description and its passages into the document's graph.
 *
 * <pre>{@code
 * DocumentRegister docs = DocumentRegister.read(sourcesDir, ArabicLigatureRepair.load(fixes));
 * docs.write(streamRdf);
 * }</pre>
 */
public final class DocumentRegister {

    static final List<String> COLUMNS = List.of("slug", "file", "title_en", "title_ar", "date", "publisher",
            "language", "kind", "segmentation", "origin");
    /** The optional column with the document's original address, where the document states or implies it (schema:url). */
    static final String URL = "url";
    /** The optional column with the Arabic translation of {@code origin} (written as its {@code @ar} literal, like {@code title_ar}). */
    static final String ORIGIN_AR = "origin_ar";
    private static final Set<String> REQUIRED = Set.of("slug", "file", "title_en", "language", "kind", "segmentation");
    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern LANG = Pattern.compile("[a-z]{2}");
    private static final Pattern ARABIC_LETTER = Pattern.compile("\\p{InArabic}");

    /** A registered document and its passages. */
    private record Entry(Row row, Source source, List<Passage> passages, List<String> languages) {}

    private final List<Entry> entries;

    private DocumentRegister(List<Entry> entries) {
        this.entries = entries;
    }

    /** Reads {@code documents.csv} and the documents it lists. */
    public static DocumentRegister read(Path sourcesDir, ArabicLigatureRepair repair) {
        return read(sourcesDir, repair, EditorialTranscriptions.none());
    }

    /**
     * Reads {@code documents.csv} and the documents it lists; where a passage has an editorial
     * transcription, evidence quotes are checked against that corrected reading (the extracted
     * text stays the passage's {@code rdf:value}).
     */
    public static DocumentRegister read(Path sourcesDir, ArabicLigatureRepair repair, EditorialTranscriptions transcriptions) {
        Path csv = sourcesDir.resolve("documents.csv");
        CsvTable table = TableReader.read(csv);
        List<String> columns = new ArrayList<>(COLUMNS);
        if (table.header().contains(ORIGIN_AR)) columns.add(ORIGIN_AR);   // optional: the origin in Arabic
        if (table.header().contains(URL)) columns.add(URL);   // optional: the document's own address
        checkHeader(table, columns);
        List<Entry> entries = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        for (Row r : table.rows()) {
            for (String c : REQUIRED) {
                if (r.cell(c).isEmpty()) throw new SourceDataException(csv, r.line(), c, "required field is empty");
            }
            String slug = r.cell("slug");
            checkSlug(csv, r, "slug", slug, seen);
            if (!r.cell("date").isEmpty() && Literals.dateByShape(r.cell("date")) == null) {
                throw new SourceDataException(csv, r.line(), "date", "malformed date '" + r.cell("date") + "' (expected YYYY, YYYY-MM or YYYY-MM-DD)");
            }
            if (!r.cell(ORIGIN_AR).isEmpty() && r.cell("origin").isEmpty()) {
                throw new SourceDataException(csv, r.line(), ORIGIN_AR, "an Arabic origin needs the origin it translates (column origin is empty)");
            }
            if (!r.cell(URL).isEmpty() && !r.cell(URL).matches("https?://[^\\s<>\"{}|\\\\^`]+")) {
                throw new SourceDataException(csv, r.line(), URL, "not an http(s) address: '" + r.cell(URL) + "'");
            }
            if (!r.cell("publisher").isEmpty() && !SLUG.matcher(r.cell("publisher")).matches()) {
                throw new SourceDataException(csv, r.line(), "publisher", "not an organization slug: '" + r.cell("publisher") + "'");
            }
            List<String> langs = Arrays.asList(r.cell("language").split("\\s+"));
            for (String l : langs) {
                if (!LANG.matcher(l).matches()) {
                    throw new SourceDataException(csv, r.line(), "language", "not a two-letter language code: '" + l + "'");
                }
            }
            PassageSplitter splitter = PassageSplitter.forStrategy(r.cell("segmentation"), csv, r.line());
            Path docs = sourcesDir.resolve("documents").normalize();
            Path file = docs.resolve(r.cell("file")).normalize();
            if (!file.startsWith(docs)) {
                throw new SourceDataException(csv, r.line(), "file", "must name a file inside documents/: '" + r.cell("file") + "'");
            }
            if (!Files.isRegularFile(file)) {
                throw new SourceDataException(csv, r.line(), "file", "no such document: " + file);
            }
            InsideSources.check(sourcesDir, file, csv, r.line(), "file");
            List<Passage> passages = new ArrayList<>();
            for (Passage p : splitter.split(TextFiles.readUtf8(file))) passages.add(p.withText(repair.repair(p.text())));
            if (passages.isEmpty()) throw new SourceDataException(file, 1, null, "document has no text");
            Map<String, Passage> byToken = new LinkedHashMap<>();
            Map<String, String> languages = new LinkedHashMap<>();
            for (Passage p : passages) {
                byToken.put(p.token(), transcriptions.readingOf(slug, p));
                languages.put(p.token(), languageOf(p.text(), langs));
            }
            Source source = new Source(slug, NodeFactory.createURI(SIJILL.ID + "document/" + slug), byToken, languages, true);
            entries.add(new Entry(r, source, passages, langs));
        }
        return new DocumentRegister(entries);
    }

    static void checkHeader(CsvTable table, List<String> expected) {
        for (String h : table.header()) {
            if (!expected.contains(h)) {
                throw new SourceDataException(table.file(), 1, h, "unknown column (expected: " + String.join(", ", expected) + ")");
            }
        }
        for (String e : expected) {
            if (!table.header().contains(e)) throw new SourceDataException(table.file(), 1, e, "missing column");
        }
    }

    static void checkSlug(Path file, Row r, String field, String slug, Map<String, Long> seen) {
        if (!SLUG.matcher(slug).matches()) {
            throw new SourceDataException(file, r.line(), field, "not a slug (lowercase a-z, 0-9, '-'): '" + slug + "'");
        }
        Long first = seen.putIfAbsent(slug, r.line());
        if (first != null) {
            throw new SourceDataException(file, r.line(), field, "duplicate slug '" + slug + "' (first on line " + first + ")");
        }
    }

    /** The passage's language: the document's, or for a document in several, the one of its script. */
    private static String languageOf(String text, List<String> langs) {
        if (langs.size() == 1) return langs.get(0);
        long letters = text.codePoints().filter(Character::isLetter).count();
        long arabic = ARABIC_LETTER.matcher(text).results().count();
        boolean isArabic = letters > 0 && arabic * 2 > letters;
        if (isArabic && langs.contains("ar")) return "ar";
        return langs.stream().filter(l -> !l.equals("ar")).findFirst().orElse(langs.get(0));
    }

    /** @return the documents as sources */
    public List<Source> sources() {
        return entries.stream().map(Entry::source).toList();
    }

    /** @return the document slugs with the line of documents.csv they are registered on */
    public Map<String, Long> slugLines() {
        Map<String, Long> m = new LinkedHashMap<>();
        entries.forEach(e -> m.put(e.source().slug(), e.row().line()));
        return m;
    }

    /** @return the number of passages of all documents */
    public int passageCount() {
        return entries.stream().mapToInt(e -> e.passages().size()).sum();
    }

    /** Writes each document's description and passages into its graph. */
    public void write(StreamRDF out) {
        for (Entry e : entries) {
            Row r = e.row();
            Source s = e.source();
            Node g = s.graph();
            Node doc = s.iri();
            out.quad(Quad.create(g, doc, Terms.type, Terms.SourceDocument));
            out.quad(Quad.create(g, doc, Terms.type, Terms.provEntity));
            out.quad(Quad.create(g, doc, Terms.type, Terms.foafDocument));
            out.quad(Quad.create(g, doc, Terms.title, NodeFactory.createLiteralLang(r.cell("title_en"), "en")));
            if (!r.cell("title_ar").isEmpty()) {
                out.quad(Quad.create(g, doc, Terms.title, NodeFactory.createLiteralLang(r.cell("title_ar"), "ar")));
            }
            if (!r.cell("date").isEmpty()) out.quad(Quad.create(g, doc, Terms.date, Literals.dateByShape(r.cell("date"))));
            if (!r.cell("publisher").isEmpty()) {
                out.quad(Quad.create(g, doc, Terms.publisher, NodeFactory.createURI(SIJILL.ID + "org/" + r.cell("publisher"))));
            }
            for (String l : e.languages()) {
                out.quad(Quad.create(g, doc, Terms.language, NodeFactory.createLiteralString(l)));
            }
            out.quad(Quad.create(g, doc, Terms.documentKind, NodeFactory.createLiteralString(r.cell("kind"))));
            if (!r.cell(URL).isEmpty()) out.quad(Quad.create(g, doc, Terms.schemaUrl, NodeFactory.createURI(r.cell(URL))));
            if (!r.cell("origin").isEmpty()) {
                out.quad(Quad.create(g, doc, Terms.origin, NodeFactory.createLiteralLang(r.cell("origin"), "en")));
            }
            if (!r.cell(ORIGIN_AR).isEmpty()) {
                out.quad(Quad.create(g, doc, Terms.origin, NodeFactory.createLiteralLang(r.cell(ORIGIN_AR), "ar")));
            }
            for (Passage p : e.passages()) {
                Node pn = s.passageIri(p.token());
                out.quad(Quad.create(g, pn, Terms.type, Terms.Passage));
                out.quad(Quad.create(g, pn, Terms.isPartOf, doc));
                out.quad(Quad.create(g, pn, Terms.identifier, NodeFactory.createLiteralString(p.token())));
                out.quad(Quad.create(g, pn, Terms.ordinal, NodeFactory.createLiteralDT(Integer.toString(p.ordinal()), XSDDatatype.XSDinteger)));
                out.quad(Quad.create(g, pn, Terms.value, NodeFactory.createLiteralLang(p.text(), s.languages().get(p.token()))));
            }
        }
    }
}
