package org.w3id.sijill.loader;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.w3id.sijill.vocab.SIJILL;

/** The RDF terms the loader itself writes (registers, passages, provenance, mentions), as nodes. */
final class Terms {
    private Terms() {}

    static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
    static final String DCT = "http://purl.org/dc/terms/";
    static final String PROV = "http://www.w3.org/ns/prov#";
    static final String FOAF = "http://xmlns.com/foaf/0.1/";
    static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    static final String OWL = "http://www.w3.org/2002/07/owl#";

    static Node uri(String s) { return NodeFactory.createURI(s); }

    static Node sijill(String local) { return uri(SIJILL.NS + local); }

    static final Node type = uri(RDF + "type");
    static final Node value = uri(RDF + "value");
    static final Node label = uri(RDFS + "label");
    static final Node subClassOf = uri(RDFS + "subClassOf");
    static final Node seeAlso = uri(RDFS + "seeAlso");
    static final Node title = uri(DCT + "title");
    static final Node date = uri(DCT + "date");
    static final Node publisher = uri(DCT + "publisher");
    static final Node language = uri(DCT + "language");
    static final Node isPartOf = uri(DCT + "isPartOf");
    static final Node identifier = uri(DCT + "identifier");
    static final Node license = uri(DCT + "license");
    static final Node bibliographicCitation = uri(DCT + "bibliographicCitation");
    static final Node source = uri(DCT + "source");
    static final Node provEntity = uri(PROV + "Entity");
    static final Node wasDerivedFrom = uri(PROV + "wasDerivedFrom");
    static final Node provValue = uri(PROV + "value");
    static final Node wasQuotedFrom = uri(PROV + "wasQuotedFrom");
    static final Node foafDocument = uri(FOAF + "Document");
    static final Node altLabel = uri(SKOS + "altLabel");
    static final Node prefLabel = uri(SKOS + "prefLabel");
    static final Node notation = uri(SKOS + "notation");
    static final Node inScheme = uri(SKOS + "inScheme");

    static final Node SourceDocument = sijill("SourceDocument");
    static final Node Passage = sijill("Passage");
    static final Node Evidence = sijill("Evidence");
    static final Node ExternalSource = sijill("ExternalSource");
    static final Node Country = sijill("Country");
    static final Node Organization = sijill("Organization");
    static final Node ordinal = sijill("ordinal");
    static final Node documentKind = sijill("documentKind");
    static final Node origin = sijill("origin");
    static final Node evidence = sijill("evidence");
    static final Node mentions = sijill("mentions");
    static final Node schemaUrl = uri("http://schema.org/url");
}
