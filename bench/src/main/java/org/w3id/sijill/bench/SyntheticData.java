package org.w3id.sijill.bench;

import java.util.List;
import java.util.Random;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * Synthetic data shaped like Sijill's: legal instruments with bilingual titles and evidence quotes,
 * organizations, legal-status claims, passages with Arabic text, spread over several named graphs
 * (one per "source"). Deterministic for a given size (fixed seed). The values are made up for
 * benchmarking only and never enter the real store.
 *
 * <pre>{@code
 * new SyntheticData(1_000_000).emit(loader.stream());
 * }</pre>
 */
public final class SyntheticData {
    static final String SIJILL = "https://w3id.org/sijill/ontology#";
    static final String ID = "https://w3id.org/sijill/id/";
    static final String GRAPH = "https://w3id.org/sijill/graph/";
    static final String DCT = "http://purl.org/dc/terms/";
    static final String PROV = "http://www.w3.org/ns/prov#";
    static final String ELI = "http://data.europa.eu/eli/ontology#";

    private static final String[] TOPICS = {"cybercrime", "personal-data-protection", "e-transactions", "e-signature",
        "e-commerce", "consumer-protection", "child-online-protection", "access-to-information", "cybersecurity"};
    private static final String[] STATUS = {"enacted", "draft", "none", "no-data"};
    private static final String[] AR = {"قانون", "مكافحة", "جرائم", "تقنية", "المعلومات", "حماية", "البيانات", "الشخصية",
        "المعاملات", "الإلكترونية", "التوقيع", "الأمن", "السيبراني", "الهيئة", "الوطنية", "للاتصالات"};
    private static final String[] EN = {"Law", "on", "combating", "information", "technology", "crimes", "personal", "data",
        "protection", "electronic", "transactions", "signature", "national", "authority", "telecommunications"};

    private final long target;
    private final Random rnd = new Random(20260427L);
    private final List<String> countries;
    private final boolean countryFacts;

    /** Units spread over 22 made-up countries {@code C0}…{@code C21}. */
    public SyntheticData(long targetTriples) {
        this(targetTriples, java.util.stream.IntStream.range(0, 22).mapToObj(i -> "C" + i).toList(), false);
    }

    /**
     * Units spread over the given (real) country codes, so that each country's own facts grow with
     * the size: its laws, legal-status claims and organizations, passages that mention it, and
     * events it took part in; documents are typed and labelled so their passages have pages.
     *
     * @param countries ISO codes; unit {@code i} belongs to {@code countries.get(i % size)}
     */
    public static SyntheticData forCountries(long targetTriples, List<String> countries) {
        return new SyntheticData(targetTriples, List.copyOf(countries), true);
    }

    private SyntheticData(long targetTriples, List<String> countries, boolean countryFacts) {
        this.target = targetTriples;
        this.countries = countries;
        this.countryFacts = countryFacts;
    }

    /** Emits at least {@code targetTriples} quads (stops after the unit that reaches it). @return quads emitted */
    public long emit(StreamRDF out) {
        long n = 0;
        int countryCount = countries.size();
        for (long i = 0; n < target; i++) {
            String cc = countries.get((int) (i % countryCount));
            Node country = uri(ID + "country/" + cc);
            String topic = TOPICS[(int) (i % TOPICS.length)];
            Node topicC = uri(ID + "concept/law-topic/" + topic);
            Node doc = uri(ID + "document/doc-" + (i % 50));
            Node passage = uri(ID + "document/doc-" + (i % 50) + "/p/" + i);
            int year = 1990 + (int) (i % 36);

            // a passage in a document graph
            Node g = uri(GRAPH + "doc-" + (i % 5));
            n += q(out, g, passage, RDF.type.asNode(), uri(SIJILL + "Passage"));
            n += q(out, g, passage, uri(DCT + "isPartOf"), doc);
            n += q(out, g, passage, uri(SIJILL + "ordinal"), lit(Long.toString(i + 1), XSDDatatype.XSDinteger));
            n += q(out, g, passage, RDF.value.asNode(), NodeFactory.createLiteralLang(words(AR, 40) + " " + i, "ar"));
            if (countryFacts) {
                n += q(out, g, passage, uri(SIJILL + "mentions"), country);
                if (i < 50) {
                    n += q(out, g, doc, RDF.type.asNode(), uri(SIJILL + "SourceDocument"));
                    n += q(out, g, doc, RDFS.label.asNode(), NodeFactory.createLiteralLang("Document " + i, "en"));
                    n += q(out, g, doc, RDFS.label.asNode(), NodeFactory.createLiteralLang("الوثيقة " + i, "ar"));
                }
            }

            // a law in a laws graph, with an evidence quote
            g = uri(GRAPH + "laws-" + (i % 4));
            Node law = uri(ID + "law/" + cc.toLowerCase() + "/" + year + "/law-" + i);
            n += q(out, g, law, RDF.type.asNode(), uri(SIJILL + "Law"));
            n += q(out, g, law, RDFS.label.asNode(), NodeFactory.createLiteralLang(words(EN, 6), "en"));
            n += q(out, g, law, RDFS.label.asNode(), NodeFactory.createLiteralLang(words(AR, 6), "ar"));
            n += q(out, g, law, uri(DCT + "title"), NodeFactory.createLiteralLang(words(EN, 9) + " No. " + i, "en"));
            n += q(out, g, law, uri(DCT + "title"), NodeFactory.createLiteralLang(words(AR, 9) + " رقم " + i, "ar"));
            n += q(out, g, law, uri(SIJILL + "jurisdiction"), country);
            n += q(out, g, law, uri(SIJILL + "topic"), topicC);
            n += q(out, g, law, uri(SIJILL + "yearAdopted"), lit(Integer.toString(year), XSDDatatype.XSDgYear));
            n += q(out, g, law, uri(SIJILL + "number"), NodeFactory.createLiteralString(Long.toString(i % 200)));
            if (i % 2 == 0) {
                n += q(out, g, law, uri(ELI + "date_document"), lit(year + "-0" + (1 + i % 9) + "-1" + (i % 9), XSDDatatype.XSDdate));
            }
            n += q(out, g, law, uri(PROV + "wasDerivedFrom"), doc);
            Node ev = NodeFactory.createBlankNode();
            n += q(out, g, law, uri(SIJILL + "evidence"), ev);
            n += q(out, g, ev, RDF.type.asNode(), uri(SIJILL + "Evidence"));
            n += q(out, g, ev, uri(PROV + "value"), NodeFactory.createLiteralLang(words(AR, 12), "ar"));
            n += q(out, g, ev, uri(PROV + "wasQuotedFrom"), passage);

            // a legal-status claim in the tracker graph
            g = uri(GRAPH + "unctad-cyberlaw-tracker-2026");
            Node st = uri(ID + "status/" + cc + "/" + topic + "/s" + i);
            n += q(out, g, st, RDF.type.asNode(), uri(SIJILL + "LegalStatus"));
            n += q(out, g, st, uri(SIJILL + "jurisdiction"), country);
            n += q(out, g, st, uri(SIJILL + "topic"), topicC);
            n += q(out, g, st, uri(SIJILL + "status"), uri(ID + "concept/legal-status/" + STATUS[(int) (i % 4)]));
            n += q(out, g, st, uri(SIJILL + "asOf"), lit("2026-04-27", XSDDatatype.XSDdate));
            n += q(out, g, st, uri(SIJILL + "instrument"), law);
            n += q(out, g, st, uri(PROV + "wasDerivedFrom"), uri("https://unctad.org/page/global-cyberlaw-tracker"));

            // an organization every third unit
            if (i % 3 == 0) {
                g = uri(GRAPH + "organizations");
                Node org = uri(ID + "org/org-" + i);
                n += q(out, g, org, RDF.type.asNode(), uri(SIJILL + "Regulator"));
                n += q(out, g, org, RDFS.label.asNode(), NodeFactory.createLiteralLang(words(EN, 4), "en"));
                n += q(out, g, org, RDFS.label.asNode(), NodeFactory.createLiteralLang(words(AR, 4), "ar"));
                n += q(out, g, org, uri(SIJILL + "country"), country);
                n += q(out, g, org, uri(SIJILL + "stakeholderGroup"), uri(ID + "concept/stakeholder-group/government"));
                n += q(out, g, org, uri(SIJILL + "established"), lit(year + "-1" + (i % 3), XSDDatatype.XSDgYearMonth));
                n += q(out, g, org, OWL.sameAs.asNode(), uri("http://www.wikidata.org/entity/Q" + (1000 + i)));
                n += q(out, g, org, uri(PROV + "wasDerivedFrom"), doc);
            }

            // an event the country took part in, every fifth unit
            if (countryFacts && i % 5 == 0) {
                g = uri(GRAPH + "events");
                Node event = uri(ID + "event/event-" + i);
                n += q(out, g, event, RDF.type.asNode(), uri(SIJILL + "Event"));
                n += q(out, g, event, RDFS.label.asNode(), NodeFactory.createLiteralLang(words(EN, 5), "en"));
                n += q(out, g, event, RDFS.label.asNode(), NodeFactory.createLiteralLang(words(AR, 5), "ar"));
                n += q(out, g, event, uri(SIJILL + "participatingCountry"), country);
                n += q(out, g, event, uri(PROV + "wasDerivedFrom"), doc);
            }
        }
        return n;
    }

    private String words(String[] from, int k) {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < k; j++) {
            if (j > 0) sb.append(' ');
            sb.append(from[rnd.nextInt(from.length)]);
        }
        return sb.toString();
    }

    private static int q(StreamRDF out, Node g, Node s, Node p, Node o) {
        out.quad(Quad.create(g, s, p, o));
        return 1;
    }

    private static Node uri(String s) { return NodeFactory.createURI(s); }

    private static Node lit(String lex, XSDDatatype dt) { return NodeFactory.createLiteralDT(lex, dt); }
}
