package org.w3id.sijill.server.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.w3id.sijill.naming.Labels;
import org.w3id.sijill.naming.PassageNames;
import org.w3id.sijill.vocab.SIJILL;

/**
 * Readable names, in the page language, for the things the data leaves unlabelled, made from
 * the labels of what they point to: a legal-status claim is named by its country, topic, source
 * and date ("Lebanon — Personal data protection — UNCTAD Global Cyberlaw Tracker (2026-04-27)",
 * «لبنان — حماية البيانات الشخصية — …»), a passage by its document and number
 * ("Report of … ¶ 21", by the passage's token), a recommendation by its number and category
 * ("Recommendation 7 — Legislative framework"), a membership by member, role and organization. Parts come from the claim's own statements, or from its IRI (which
 * follows the identifier patterns of the design) when the description lacks them.
 *
 * <p>Parts in a script other than the page's, and dates on Arabic pages, are wrapped in Unicode
 * directional isolates, so that the name reads right in titles and attributes where no markup can
 * carry the direction.
 *
 * <pre>{@code
 * Optional<Label> name = DisplayNames.find(values, claimResource); // empty for other things
 * }</pre>
 */
public final class DisplayNames {
    private DisplayNames() {}

    static final String SEPARATOR = " — ";
    private static final String STATUS_PATH = SIJILL.ID + "status/";
    private static final String DOCUMENT_PATH = SIJILL.ID + "document/";
    private static final String RECOMMENDATION_PATH = SIJILL.ID + "recommendation/";
    private static final String MEMBERSHIP_PATH = SIJILL.ID + "membership/";
    private static final String ORG = "http://www.w3.org/ns/org#";
    private static final Resource ORG_MEMBERSHIP = org.apache.jena.rdf.model.ResourceFactory.createResource(ORG + "Membership");
    private static final Property ORG_MEMBER = org.apache.jena.rdf.model.ResourceFactory.createProperty(ORG + "member");
    private static final Property ORG_ROLE = org.apache.jena.rdf.model.ResourceFactory.createProperty(ORG + "role");
    private static final Property ORG_ORGANIZATION = org.apache.jena.rdf.model.ResourceFactory.createProperty(ORG + "organization");
    private static final Property PROV_DERIVED = EntityViewBuilder.WAS_DERIVED_FROM;
    /** First strong isolate, left-to-right isolate, pop directional isolate. */
    private static final char FSI = '\u2068';
    private static final char LRI = '\u2066';
    private static final char PDI = '\u2069';

    /**
     * @param values the description and term labels to take the parts' labels from
     * @param r a resource without a label of its own
     * @return its display name when it is a legal-status claim or a passage
     */
    public static Optional<Label> find(ValueRenderer values, Resource r) {
        if (r == null || !r.isURIResource()) return Optional.empty();
        String iri = r.getURI();
        Model d = values.description();
        Resource local = d.createResource(iri);
        if (local.hasProperty(RDF.type, SIJILL.LegalStatus) || iri.startsWith(STATUS_PATH)) return claim(values, local);
        if (local.hasProperty(RDF.type, SIJILL.Passage) || (iri.startsWith(DOCUMENT_PATH) && iri.contains("/p/"))) {
            return passage(values, local);
        }
        if (local.hasProperty(RDF.type, SIJILL.Recommendation) || iri.startsWith(RECOMMENDATION_PATH)) return recommendation(values, local);
        if (local.hasProperty(RDF.type, ORG_MEMBERSHIP) || iri.startsWith(MEMBERSHIP_PATH)) return membership(values, local);
        return Optional.empty();
    }

    /**
     * The things the legal-status claims of a description are named by (their country, topic and
     * source, from their statements or their IRI), so that a page can fetch their labels: a claim
     * listed among the links to a concept comes without them, and would be named by raw IRI
     * segments ("AE — Cybercrime — unctad-cyberlaw-tracker-2026").
     *
     * @return the IRIs of the parts of the claims in {@code m}
     */
    public static java.util.Set<String> claimParts(Model m) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (Resource s : m.listSubjects().toList()) {
            if (!s.isURIResource()) continue;
            for (Property p : List.of(SIJILL.jurisdiction, SIJILL.topic, PROV_DERIVED)) {
                Resource o = object(s, p);
                if (o != null && (s.hasProperty(RDF.type, SIJILL.LegalStatus) || s.getURI().startsWith(STATUS_PATH))) out.add(o.getURI());
            }
        }
        java.util.Set<Resource> claims = new java.util.HashSet<>();
        m.listSubjects().forEachRemaining(x -> { if (x.isURIResource() && x.getURI().startsWith(STATUS_PATH)) claims.add(x); });
        m.listObjects().forEachRemaining(x -> { if (x.isURIResource() && x.asResource().getURI().startsWith(STATUS_PATH)) claims.add(x.asResource()); });
        for (Resource c : claims) {
            String[] segments = c.getURI().substring(STATUS_PATH.length()).split("/");
            if (segments.length > 0) out.add(SIJILL.ID + "country/" + segments[0]);
            if (segments.length > 1) out.add(SIJILL.ID + "concept/law-topic/" + segments[1]);
            if (segments.length > 2) {
                out.add(DOCUMENT_PATH + segments[2]);
                out.add(SIJILL.ID + "source/" + segments[2]);
            }
        }
        return out;
    }

    /** A recommendation: "Recommendation 7 — Legislative framework" by its number and category. */
    private static Optional<Label> recommendation(ValueRenderer values, Resource rec) {
        Statement ordinal = rec.getProperty(SIJILL.ordinal);
        String iri = rec.getURI();
        String number = ordinal != null && ordinal.getObject().isLiteral() ? ordinal.getObject().asLiteral().getLexicalForm()
                : iri.substring(iri.lastIndexOf('/') + 1);
        PageLanguage lang = values.lang();
        Resource category = object(rec, SIJILL.category);
        Optional<Label> cat = category == null ? Optional.empty() : labelOf(values, category);
        String text = cat.isPresent()
                ? Messages.get(lang, "display.recommendation", number, new Part(cat.get()).text(lang))
                : Messages.get(lang, "display.recommendation.number", number);
        return Optional.of(new Label(text, lang.code(), false));
    }

    /** A membership: "Ayman El-Sherbiny — Chief of ICT Policies — ESCWA" by member, role and organization. */
    private static Optional<Label> membership(ValueRenderer values, Resource m) {
        List<Part> parts = new ArrayList<>();
        for (Property p : List.of(ORG_MEMBER, ORG_ROLE, ORG_ORGANIZATION)) {
            Statement st = m.getProperty(p);
            if (st == null || !st.getObject().isResource()) continue;
            Resource o = st.getObject().asResource();
            // a role may be a node without an IRI of its own, labelled inline
            Optional<Label> l = o.isURIResource() ? labelOf(values, o) : LabelSelector.find(values.description(), o, values.lang());
            l.ifPresent(x -> parts.add(new Part(x)));
        }
        if (parts.isEmpty()) return Optional.empty();
        return Optional.of(compose(values.lang(), parts, null));
    }

    private static Optional<Label> claim(ValueRenderer values, Resource claim) {
        Model d = values.description();
        String[] segments = claim.getURI().startsWith(STATUS_PATH)
                ? claim.getURI().substring(STATUS_PATH.length()).split("/") : new String[0];
        Resource country = object(claim, SIJILL.jurisdiction);
        if (country == null && segments.length > 0) country = d.createResource(SIJILL.ID + "country/" + segments[0]);
        Resource topic = object(claim, SIJILL.topic);
        if (topic == null && segments.length > 1) topic = d.createResource(SIJILL.ID + "concept/law-topic/" + segments[1]);
        Resource source = object(claim, PROV_DERIVED);
        if (source == null && segments.length > 2) {
            for (String kind : List.of("document/", "source/")) {
                Resource candidate = d.createResource(SIJILL.ID + kind + segments[2]);
                if (labelOf(values, candidate).isPresent()) { source = candidate; break; }
            }
        }
        List<Part> parts = new ArrayList<>();
        addPart(values, parts, country, segments.length > 0 ? segments[0] : null);
        addPart(values, parts, topic, segments.length > 1 ? segments[1] : null);
        addPart(values, parts, source, segments.length > 2 ? segments[2] : null);
        if (parts.isEmpty()) return Optional.empty();
        Statement asOf = claim.getProperty(SIJILL.asOf);
        String date = asOf != null && asOf.getObject().isLiteral() ? asOf.getObject().asLiteral().getLexicalForm() : null;
        return Optional.of(compose(values.lang(), parts, date));
    }

    private static Optional<Label> passage(ValueRenderer values, Resource passage) {
        String iri = passage.getURI();
        Resource doc = object(passage, DCTerms.isPartOf);
        int cut = iri.lastIndexOf("/p/");
        if (doc == null && cut > 0) doc = values.description().createResource(iri.substring(0, cut));
        // The passage's token as the document numbers it (dcterms:identifier, also the last IRI
        // segment), not sijill:ordinal, which is its position in the file.
        Statement token = passage.getProperty(DCTerms.identifier);
        String number = token != null && token.getObject().isLiteral() ? token.getObject().asLiteral().getLexicalForm()
                : cut >= 0 ? iri.substring(cut + 3) : null;
        if (number == null) return Optional.empty();
        Optional<Label> docLabel = doc == null ? Optional.empty() : labelOf(values, doc);
        PageLanguage lang = values.lang();
        // the document part is isolated when in the other language, so the whole name is in the page language
        String text = PassageNames.name(lang.code(), docLabel.map(l -> new Labels.Name(l.text(), l.lang().toLowerCase(java.util.Locale.ROOT).split("-")[0])).orElse(null),
                PassageLocator.headings(values), number);
        return Optional.of(new Label(text, lang.code(), false));
    }

    private static void addPart(ValueRenderer values, List<Part> parts, Resource r, String token) {
        Optional<Label> l = r == null ? Optional.empty() : labelOf(values, r);
        if (l.isPresent()) parts.add(new Part(l.get()));
        else if (token != null) parts.add(new Part(new Label(token, "", false)));
    }

    private static Label compose(PageLanguage lang, List<Part> parts, String date) {
        StringBuilder sb = new StringBuilder();
        for (Part p : parts) {
            if (sb.length() > 0) sb.append(SEPARATOR);
            sb.append(p.text(lang));
        }
        if (date != null) {
            sb.append(" (").append(lang == PageLanguage.AR ? LRI + date + PDI : date).append(')');
        }
        boolean allOther = parts.stream().noneMatch(p -> p.inPageLanguage(lang));
        String tag = allOther ? parts.get(0).label().lang() : lang.code();
        return new Label(sb.toString(), tag, allOther && !tag.isEmpty());
    }

    /** The label of a part: from the description, else the term labels; never made from the IRI. */
    private static Optional<Label> labelOf(ValueRenderer values, Resource r) {
        return LabelSelector.find(values.description(), r, values.lang())
                .or(() -> LabelSelector.find(values.terms().model(), r, values.lang()));
    }

    private static Resource object(Resource s, Property p) {
        Statement st = s.getProperty(p);
        return st != null && st.getObject().isURIResource() ? st.getObject().asResource() : null;
    }

    /** One part of a name, isolated when its direction may differ from the page's. */
    private record Part(Label label) {
        boolean inPageLanguage(PageLanguage lang) {
            return PageLanguage.fromCode(label.lang()).orElse(null) == lang;
        }

        String text(PageLanguage lang) {
            if (inPageLanguage(lang) || (label.lang().isEmpty() && lang == PageLanguage.EN)) return label.text();
            return FSI + label.text() + PDI;
        }
    }

}
