package org.w3id.sijill.server.commitments;

import static org.w3id.sijill.server.observatory.StoreRows.select;
import static org.w3id.sijill.server.observatory.StoreRows.str;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.w3id.sijill.server.observatory.Snapshot;
import org.w3id.sijill.server.observatory.StoreRows;

/**
 * Reads the {@link Commitments} from the store: a few SELECT queries over the union of the named
 * graphs in one read transaction, every value copied into plain strings before it ends.
 *
 * <pre>{@code
 * Commitments c = CommitmentsLoader.load(datasetGraph);
 * }</pre>
 */
public final class CommitmentsLoader {
    private CommitmentsLoader() {}

    private static final String PREFIXES = StoreRows.PREFIXES + """
            PREFIX qb:      <http://purl.org/linked-data/cube#>
            """;
    private static final String STEPS = PREFIXES + """
            SELECT ?claim ?treaty ?iso2 ?act ?date ?src WHERE { GRAPH <urn:x-arq:UnionGraph> {
              ?claim a sijill:TreatyParticipation ; sijill:treaty ?treaty ; sijill:participant ?c ;
                     sijill:act/skos:notation ?act ; prov:wasDerivedFrom ?src .
              ?c sijill:arabLeagueMember true ; sijill:iso2 ?iso2 .
              OPTIONAL { ?claim sijill:actDate ?date }
            } } ORDER BY ?claim
            """;
    private static final String TREATIES = PREFIXES + """
            SELECT DISTINCT ?treaty ?l WHERE { GRAPH <urn:x-arq:UnionGraph> {
              ?claim a sijill:TreatyParticipation ; sijill:treaty ?treaty .
              OPTIONAL { ?treaty rdfs:label ?l FILTER(lang(?l) IN ("en", "ar")) }
            } }
            """;
    private static final String ACTS = PREFIXES + """
            SELECT ?a ?code ?l WHERE { GRAPH <urn:x-arq:UnionGraph> {
              ?a skos:inScheme <https://w3id.org/sijill/id/scheme/treaty-act> ; skos:notation ?code .
              OPTIONAL { ?a skos:prefLabel ?l FILTER(lang(?l) IN ("en", "ar")) }
            } }
            """;
    private static final String QUOTES = PREFIXES + """
            SELECT DISTINCT ?claim ?q ?passage WHERE { GRAPH <urn:x-arq:UnionGraph> {
              ?claim a ?type ; sijill:evidence ?e . ?e prov:value ?q .
              FILTER(?type IN (sijill:TreatyParticipation, sijill:NationalStrategyClaim))
              OPTIONAL { ?e prov:wasQuotedFrom ?passage }
            } } ORDER BY ?claim ?q
            """;
    private static final String NOTES = PREFIXES + """
            SELECT DISTINCT ?claim ?note WHERE { GRAPH <urn:x-arq:UnionGraph> {
              ?claim a ?type ; skos:note ?note .
              FILTER(?type IN (sijill:TreatyParticipation, sijill:NationalStrategyClaim))
            } } ORDER BY ?claim ?note
            """;
    private static final String SCORES = PREFIXES + """
            SELECT ?o ?iso2 ?ds ?edition ?score ?scale ?publisher ?src WHERE { GRAPH <urn:x-arq:UnionGraph> {
              ?o a sijill:IndexScore ; qb:dataSet ?ds ; sijill:refArea ?c ; sijill:edition ?edition ; sijill:score ?score ;
                 sijill:scoreScale/skos:notation ?scale ; dcterms:publisher ?publisher ; prov:wasDerivedFrom ?src .
              ?c sijill:arabLeagueMember true ; sijill:iso2 ?iso2 .
            } } ORDER BY ?iso2 ?ds ?edition
            """;
    private static final String STRATEGIES = PREFIXES + """
            SELECT ?claim ?iso2 ?has ?date ?count ?src WHERE { GRAPH <urn:x-arq:UnionGraph> {
              ?claim a sijill:NationalStrategyClaim ; sijill:refArea ?c ; sijill:hasStrategy ?has ; prov:wasDerivedFrom ?src .
              ?c sijill:arabLeagueMember true ; sijill:iso2 ?iso2 .
              OPTIONAL { ?claim sijill:firstStrategyDate ?date }
              OPTIONAL { ?claim sijill:strategyCount ?count }
            } } ORDER BY ?iso2 ?claim
            """;
    private static final String PASSAGES = PREFIXES + """
            SELECT DISTINCT ?passage ?doc ?token ?title WHERE { GRAPH <urn:x-arq:UnionGraph> {
              ?claim a ?type ; sijill:evidence/prov:wasQuotedFrom ?passage .
              FILTER(?type IN (sijill:TreatyParticipation, sijill:NationalStrategyClaim))
              OPTIONAL { ?passage dcterms:isPartOf ?doc
                         OPTIONAL { ?doc dcterms:title ?title } }
              OPTIONAL { ?passage dcterms:identifier ?token }
            } }
            """;
    /** Labels (titles first) of the resources the claims refer to: sources, data sets, scales, publishers. */
    private static final String LABELS = PREFIXES + """
            SELECT DISTINCT ?x ?p ?l WHERE { GRAPH <urn:x-arq:UnionGraph> {
              { ?y a sijill:TreatyParticipation ; prov:wasDerivedFrom ?x }
              UNION { ?y a sijill:NationalStrategyClaim ; prov:wasDerivedFrom ?x }
              UNION { ?y a sijill:IndexScore ; ?q ?x FILTER(?q IN (prov:wasDerivedFrom, qb:dataSet, dcterms:publisher, sijill:scoreScale)) }
              ?x ?p ?l FILTER(?p IN (dcterms:title, rdfs:label, skos:prefLabel) && lang(?l) IN ("en", "ar"))
            } }
            """;

    /** @return the commitments of the store */
    public static Commitments load(DatasetGraph dataset) {
        return Txn.calculateRead(dataset, () -> read(dataset));
    }

    private static Commitments read(DatasetGraph ds) {
        Map<String, String[]> labels = new TreeMap<>();
        select(ds, LABELS, b -> label(labels, str(b, "x"), b.get("l"), str(b, "p").endsWith("title")));
        Map<String, String[]> treatyLabels = new TreeMap<>();
        select(ds, TREATIES, b -> label(treatyLabels, str(b, "treaty"), b.get("l"), false));
        List<Commitments.Treaty> treaties = new ArrayList<>();
        treatyLabels.forEach((iri, l) -> treaties.add(new Commitments.Treaty(iri, iri.substring(iri.lastIndexOf('/') + 1),
                new Snapshot.Text(l[0], l[1]))));
        treaties.sort(Comparator.comparing(t -> t.label().en()));

        Map<String, String[]> actRows = new LinkedHashMap<>();
        select(ds, ACTS, b -> {
            String[] r = actRows.computeIfAbsent(str(b, "a"), k -> new String[] {"", "", ""});
            r[0] = str(b, "code");
            Node l = b.get("l");
            if (l != null) r["ar".equals(l.getLiteralLanguage()) ? 2 : 1] = l.getLiteralLexicalForm();
        });
        List<Commitments.Act> acts = new ArrayList<>();
        actRows.forEach((iri, r) -> acts.add(new Commitments.Act(iri, r[0], new Snapshot.Text(r[1], r[2]))));
        acts.sort(Comparator.comparingInt(a -> {
            int i = Commitments.ACT_ORDER.indexOf(a.code());
            return i < 0 ? Commitments.ACT_ORDER.size() : i;
        }));

        Map<String, List<Snapshot.Quote>> quotes = new LinkedHashMap<>();
        select(ds, QUOTES, b -> StoreRows.addQuote(quotes, b));
        Map<String, List<Commitments.Note>> notes = new LinkedHashMap<>();
        select(ds, NOTES, b -> {
            Node n = b.get("note");
            if (n.isLiteral()) notes.computeIfAbsent(str(b, "claim"), k -> new ArrayList<>())
                    .add(new Commitments.Note(n.getLiteralLexicalForm(), n.getLiteralLanguage()));
        });
        List<Commitments.Step> steps = new ArrayList<>();
        select(ds, STEPS, b -> {
            String iri = str(b, "claim");
            steps.add(new Commitments.Step(iri, str(b, "treaty"), str(b, "iso2"), str(b, "act"), str(b, "date"), str(b, "src"),
                    List.copyOf(quotes.getOrDefault(iri, List.of())), List.copyOf(notes.getOrDefault(iri, List.of()))));
        });
        List<Commitments.Score> scores = new ArrayList<>();
        select(ds, SCORES, b -> scores.add(new Commitments.Score(str(b, "o"), str(b, "iso2"), str(b, "ds"), text(labels, str(b, "ds")),
                str(b, "edition"), str(b, "score"), str(b, "scale"), scaleLabel(str(b, "scale"), labels), str(b, "publisher"),
                text(labels, str(b, "publisher")), str(b, "src"))));
        List<Commitments.Strategy> strategies = new ArrayList<>();
        select(ds, STRATEGIES, b -> {
            String iri = str(b, "claim");
            strategies.add(new Commitments.Strategy(iri, str(b, "iso2"), "true".equals(str(b, "has")), str(b, "date"),
                    str(b, "count"), str(b, "src"), List.copyOf(notes.getOrDefault(iri, List.of()))));
        });
        Map<String, Commitments.Source> sources = new TreeMap<>();
        steps.forEach(s -> sources.put(s.source(), new Commitments.Source(s.source(), text(labels, s.source()))));
        scores.forEach(s -> sources.put(s.source(), new Commitments.Source(s.source(), text(labels, s.source()))));
        strategies.forEach(s -> sources.put(s.source(), new Commitments.Source(s.source(), text(labels, s.source()))));
        Map<String, String[]> passageRows = new TreeMap<>();
        select(ds, PASSAGES, b -> {
            String iri = str(b, "passage");
            String[] r = passageRows.computeIfAbsent(iri, k -> new String[] {"", "", "", "", ""});
            if (r[0].isEmpty()) r[0] = str(b, "doc");
            if (r[1].isEmpty()) r[1] = str(b, "token");
            Node t = b.get("title");
            if (t != null && t.isLiteral()) {
                int i = "ar".equals(t.getLiteralLanguage()) ? 3 : "en".equals(t.getLiteralLanguage()) ? 2 : 4;
                if (r[i].isEmpty()) r[i] = t.getLiteralLexicalForm();
            }
        });
        Map<String, Commitments.Passage> passages = new TreeMap<>();
        passageRows.forEach((iri, r) -> {
            int cut = iri.lastIndexOf("/p/");
            String doc = r[0].isEmpty() && cut > 0 ? iri.substring(0, cut) : r[0];
            String token = r[1].isEmpty() && cut > 0 ? iri.substring(cut + 3) : r[1];
            String en = r[2].isEmpty() ? r[4] : r[2];
            passages.put(iri, new Commitments.Passage(iri, doc, new Snapshot.Text(en, r[3]), token));
        });
        return new Commitments(List.copyOf(treaties), List.copyOf(acts), List.copyOf(steps), List.copyOf(scores),
                List.copyOf(strategies), Map.copyOf(sources), Map.copyOf(passages));
    }

    /** The scale's label: the scale concept's own, read with the labels of the observations' objects. */
    private static Snapshot.Text scaleLabel(String notation, Map<String, String[]> labels) {
        String iri = "https://w3id.org/sijill/id/concept/score-scale/" + notation;
        return labels.containsKey(iri) ? text(labels, iri) : new Snapshot.Text(notation, "");
    }

    private static void label(Map<String, String[]> labels, String iri, Node l, boolean title) {
        String[] r = labels.computeIfAbsent(iri, k -> new String[] {"", ""});
        if (l == null || !l.isLiteral()) return;
        int i = "ar".equals(l.getLiteralLanguage()) ? 1 : 0;
        if (r[i].isEmpty() || title) r[i] = l.getLiteralLexicalForm();
    }

    private static Snapshot.Text text(Map<String, String[]> labels, String iri) {
        String[] r = labels.get(iri);
        return r == null ? new Snapshot.Text("", "") : new Snapshot.Text(r[0], r[1]);
    }
}
