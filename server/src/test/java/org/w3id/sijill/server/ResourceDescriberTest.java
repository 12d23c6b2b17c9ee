package org.w3id.sijill.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.server.ld.ResourceDescriber;
import org.w3id.sijill.vocab.SIJILL;

/** The describer over a real TDB2 store built from the fixture. */
class ResourceDescriberTest {
    static ResourceDescriber describer;

    @BeforeAll
    static void open() {
        Dataset ds = TDB2Factory.connectDataset(TestStores.fixtureStore().toString());
        describer = new ResourceDescriber(ds.asDatasetGraph());
    }

    @Test
    void describesALawWithProvenanceInOneCall() {
        ResourceDescriber.Description d = describer.describe("https://w3id.org/sijill/id/law/lb/2018/law-81");
        Model m = d.model();
        Resource law = m.createResource(d.iri());
        assertTrue(m.contains(law, RDF.type, SIJILL.Law));
        assertEquals(1, d.incomingCount(), "the status claim points to the law");
        assertTrue(m.contains(m.createResource("https://w3id.org/sijill/id/status/LB/e-transactions/escwa-beirut-2018-report"),
                SIJILL.instrument, law), "incoming link present");
        // Labels of linked things: the country (both languages), the topic concept, the source document title.
        assertTrue(m.contains(m.createResource("https://w3id.org/sijill/id/country/LB"), RDFS.label, m.createLiteral("Lebanon", "en")));
        assertTrue(m.contains(m.createResource("https://w3id.org/sijill/id/concept/law-topic/e-transactions"),
                m.createProperty("http://www.w3.org/2004/02/skos/core#prefLabel"), m.createLiteral("المعاملات الإلكترونية", "ar")));
        Resource doc = m.createResource("https://w3id.org/sijill/id/document/escwa-beirut-2018-report");
        assertTrue(m.contains(doc, m.createProperty("http://purl.org/dc/terms/title")));
        // The quoted passage: its text and document.
        Resource passage = m.createResource("https://w3id.org/sijill/id/document/escwa-beirut-2018-report/p/21");
        assertTrue(m.contains(passage, m.createProperty("http://purl.org/dc/terms/isPartOf"), doc));
        assertTrue(m.getProperty(passage, RDF.value).getString().contains("law no. 81 for electronic transactions"));
        assertFalse(d.isEmpty());
    }

    @Test
    void pagesIncomingLinks() {
        String lb = "https://w3id.org/sijill/id/country/LB";
        ResourceDescriber.Description all = describer.describe(lb, 10, 0);
        assertEquals(2, all.incomingCount());
        assertFalse(all.hasMoreIncoming());
        ResourceDescriber.Description first = describer.describe(lb, 1, 0);
        ResourceDescriber.Description second = describer.describe(lb, 1, 1);
        assertTrue(first.hasMoreIncoming());
        assertFalse(second.hasMoreIncoming());
        var p = SIJILL.jurisdiction;
        var r = first.model().createResource(lb);
        var s1 = first.model().listSubjectsWithProperty(p, r).toList();
        var s2 = second.model().listSubjectsWithProperty(p, second.model().createResource(lb)).toList();
        assertEquals(1, s1.size());
        assertEquals(1, s2.size());
        assertFalse(s1.get(0).getURI().equals(s2.get(0).getURI()), "the two pages hold different links");
        ResourceDescriber.Description none = describer.describe(lb, 0, 0);
        assertEquals(2, none.incomingCount());
        assertFalse(none.model().contains(null, p, none.model().createResource(lb)));
    }

    @Test
    void aPassageShowsWhatItSupports() {
        // Evidence nodes are blank: the passage's description reaches the statements they belong to.
        ResourceDescriber.Description d = describer.describe("https://w3id.org/sijill/id/document/escwa-beirut-2018-report/p/21");
        Model m = d.model();
        Resource law = m.createResource("https://w3id.org/sijill/id/law/lb/2018/law-81");
        assertEquals(2, d.incomingCount(), "two evidence quotes cite the passage");
        assertEquals(2, m.listObjectsOfProperty(SIJILL.evidence).toList().size(), m.toString());
        assertTrue(m.contains(law, SIJILL.evidence), "the law owns one of the quotes");
        assertTrue(m.contains(law, RDFS.label), "and its label comes along");
    }

    @Test
    void unknownAndBadRequests() {
        assertTrue(describer.describe("https://w3id.org/sijill/id/country/XX").isEmpty());
        assertFalse(describer.exists("https://w3id.org/sijill/id/country/XX"));
        assertTrue(describer.exists("https://w3id.org/sijill/id/country/LB"));
        SijillException e = assertThrows(SijillException.class, () -> describer.describe("https://w3id.org/sijill/id/country/LB", -1, 0));
        assertEquals(SijillException.Kind.BAD_INPUT, e.kind());
    }
}
