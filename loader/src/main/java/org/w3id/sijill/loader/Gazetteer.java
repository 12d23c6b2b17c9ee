package org.w3id.sijill.loader;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

/**
 * Finds the countries and organizations each passage names and records
 * {@code <passage> sijill:mentions <entity>} in the passage's graph. Names are the
 * {@code rdfs:label}, {@code skos:prefLabel} and {@code skos:altLabel} (English and Arabic) of every
 * {@code sijill:Country} and {@code sijill:Organization} in the built data. Matching is on
 * {@link TextNormalizer normalised} text, whole words only (an Arabic name may carry a one-letter
 * proclitic: و ب ل ف ك), longest name first so that "League of Arab States" is not also read as
 * the states; names are case-insensitive except acronyms (all capitals), which must match
 * exactly; names shorter than three letters (e.g. two-letter codes) are never used.
 *
 * <pre>{@code
 * long mentions = Gazetteer.fromData(dsg, ontologyGraph).apply(dsg);
 * }</pre>
 */
public final class Gazetteer {
    private static final String PROCLITICS = "وبلفك";

    /** A name of an entity, normalised. */
    private record Name(String text, boolean exactCase, Node entity) {}

    private final List<Name> names;

    private Gazetteer(List<Name> names) {
        this.names = names;
    }

    /** @return the number of names in use */
    public int size() { return names.size(); }

    /** Collects the names of the countries and organizations in the data (outside {@code skipGraph}). */
    public static Gazetteer fromData(DatasetGraph dsg, Node skipGraph) {
        Set<Node> entities = new LinkedHashSet<>();
        for (Node cls : List.of(Terms.Country, Terms.Organization)) {
            dsg.stream(Node.ANY, Node.ANY, Terms.type, cls)
                    .filter(q -> !q.getGraph().equals(skipGraph))
                    .forEach(q -> entities.add(q.getSubject()));
        }
        Set<Name> names = new LinkedHashSet<>();
        for (Node e : entities) {
            for (Node p : List.of(Terms.label, Terms.prefLabel, Terms.altLabel)) {
                dsg.stream(Node.ANY, e, p, Node.ANY).forEach(q -> {
                    if (!q.getObject().isLiteral()) return;
                    String n = TextNormalizer.normalize(q.getObject().getLiteralLexicalForm());
                    if (n.codePoints().filter(Character::isLetter).count() < 3) return;
                    boolean acronym = n.equals(n.toUpperCase(java.util.Locale.ROOT)) && n.chars().anyMatch(Character::isUpperCase);
                    names.add(new Name(acronym ? n : lower(n), acronym, e));
                });
            }
        }
        List<Name> sorted = new ArrayList<>(names);
        sorted.sort(Comparator.comparingInt((Name n) -> n.text().length()).reversed().thenComparing(Name::text));
        return new Gazetteer(sorted);
    }

    /** @return the entities named in the text, longest names first */
    public Set<Node> find(String text) {
        String exact = TextNormalizer.normalize(text);
        String folded = lower(exact);
        boolean[] taken = new boolean[exact.length()];
        Set<Node> found = new LinkedHashSet<>();
        for (Name n : names) {
            String hay = n.exactCase() ? exact : folded;
            for (int i = hay.indexOf(n.text()); i >= 0; i = hay.indexOf(n.text(), i + 1)) {
                int end = i + n.text().length();
                if (!boundaryBefore(hay, i) || (end < hay.length() && isWordChar(hay.charAt(end)))) continue;
                boolean free = true;
                for (int k = i; k < end && free; k++) free = !taken[k];
                if (!free) continue;
                for (int k = i; k < end; k++) taken[k] = true;
                found.add(n.entity());
            }
        }
        return found;
    }

    /** Adds the mentions of every passage of the dataset. @return the number of mentions added */
    public long apply(DatasetGraph dsg) {
        return apply(dsg, q -> { });
    }

    /** Adds the mentions, telling {@code onAdded} of each new quad. @return the number of mentions added */
    public long apply(DatasetGraph dsg, java.util.function.Consumer<Quad> onAdded) {
        List<Quad> passages = dsg.stream(Node.ANY, Node.ANY, Terms.type, Terms.Passage).toList();
        Set<Quad> mentions = new HashSet<>();
        for (Quad p : passages) {
            dsg.stream(p.getGraph(), p.getSubject(), Terms.value, Node.ANY).forEach(v -> {
                if (!v.getObject().isLiteral()) return;
                for (Node e : find(v.getObject().getLiteralLexicalForm())) {
                    mentions.add(Quad.create(p.getGraph(), p.getSubject(), Terms.mentions, e));
                }
            });
        }
        long added = 0;
        for (Quad q : mentions) {
            if (dsg.contains(q)) continue;
            dsg.add(q);
            onAdded.accept(q);
            added++;
        }
        return added;
    }

    private static boolean boundaryBefore(String s, int i) {
        if (i == 0 || !isWordChar(s.charAt(i - 1))) return true;
        // an Arabic proclitic letter glued to the name, itself at a word start
        char c = s.charAt(i - 1);
        return PROCLITICS.indexOf(c) >= 0 && isArabic(s.charAt(i)) && (i == 1 || !isWordChar(s.charAt(i - 2)));
    }

    private static boolean isWordChar(char c) { return Character.isLetterOrDigit(c); }

    private static boolean isArabic(char c) { return Character.UnicodeBlock.of(c) == Character.UnicodeBlock.ARABIC; }

    /** Lowercases char by char, so that positions stay aligned with the original. */
    private static String lower(String s) {
        char[] cs = s.toCharArray();
        for (int i = 0; i < cs.length; i++) cs[i] = Character.toLowerCase(cs[i]);
        return new String(cs);
    }
}
