package org.w3id.sijill.server.pages;

import java.io.InputStream;
import java.util.Map;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shared.PrefixMapping;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.vocab.SIJILL;

/**
 * Names of classes and properties in the page language: Sijill's own terms from the ontology
 * graph, reused-vocabulary terms from a small bilingual table shipped with the pages
 * ({@code reused-terms.ttl}), anything else by its prefixed name ({@code eli:date_document}).
 *
 * <pre>{@code
 * TermLabels terms = TermLabels.of(ontologyModel);
 * Label l = terms.label(SIJILL.jurisdiction, PageLanguage.AR);
 * }</pre>
 */
public final class TermLabels {
    /** Prefixes used to shorten IRIs of terms that have no label. */
    public static final PrefixMapping PREFIXES = PrefixMapping.Factory.create()
            .setNsPrefixes(Map.ofEntries(
                    Map.entry("sijill", SIJILL.NS),
                    Map.entry("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
                    Map.entry("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
                    Map.entry("owl", "http://www.w3.org/2002/07/owl#"),
                    Map.entry("xsd", "http://www.w3.org/2001/XMLSchema#"),
                    Map.entry("skos", "http://www.w3.org/2004/02/skos/core#"),
                    Map.entry("dcterms", "http://purl.org/dc/terms/"),
                    Map.entry("foaf", "http://xmlns.com/foaf/0.1/"),
                    Map.entry("org", "http://www.w3.org/ns/org#"),
                    Map.entry("eli", "http://data.europa.eu/eli/ontology#"),
                    Map.entry("schema", "http://schema.org/"),
                    Map.entry("prov", "http://www.w3.org/ns/prov#"),
                    Map.entry("qb", "http://purl.org/linked-data/cube#"),
                    Map.entry("vann", "http://purl.org/vocab/vann/"),
                    Map.entry("dcat", "http://www.w3.org/ns/dcat#"),
                    Map.entry("void", "http://rdfs.org/ns/void#")))
            .lock();

    private final Model labels;

    private TermLabels(Model labels) {
        this.labels = labels;
    }

    /**
     * @param ontology the ontology graph (may be empty); its labels take precedence
     * @return term labels from the ontology plus the shipped table of reused terms
     */
    public static TermLabels of(Model ontology) {
        Model m = ModelFactory.createDefaultModel();
        m.add(ontology);
        m.add(reusedTerms());
        return new TermLabels(m);
    }

    /** @return the shipped bilingual labels of reused-vocabulary terms */
    public static Model reusedTerms() {
        Model m = ModelFactory.createDefaultModel();
        try (InputStream in = TermLabels.class.getResourceAsStream("reused-terms.ttl")) {
            if (in == null) {
                throw new SijillException(SijillException.Kind.ENVIRONMENT, "reused-terms.ttl missing from the classpath");
            }
            RDFParser.source(in).lang(Lang.TURTLE).parse(m);
        } catch (java.io.IOException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "cannot read reused-terms.ttl: " + e.getMessage(), e);
        }
        return m;
    }

    /** @return the model holding all term labels (ontology and table) */
    public Model model() { return labels; }

    /**
     * @param term a class or property
     * @param lang the page language
     * @return its label, falling back to the other language, then to the prefixed name
     */
    public Label label(Resource term, PageLanguage lang) {
        return LabelSelector.find(labels, term, lang)
                .orElseGet(() -> new Label(prefixed(term.getURI()), "", false));
    }

    /** @return {@code prefix:local} for a known namespace, else the IRI */
    public static String prefixed(String iri) {
        return PREFIXES.shortForm(iri);
    }
}
