package org.w3id.sijill.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.jena.query.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.sijill.core.ProjectPaths;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.core.SourceDataException;

class NamedQueryCatalogTest {

    private final NamedQueryCatalog catalog = NamedQueryCatalog.load(ProjectPaths.locate().queries());

    @Test
    void everyProjectQueryParsesWithTitleAndBindsItsExamples() {
        assertTrue(catalog.all().size() >= 11, "expected the competency queries, found " + catalog.all().size());
        for (NamedQuery q : catalog.all()) {
            assertFalse(q.title().isBlank(), q.name());
            assertTrue(q.title().endsWith(".") || q.title().endsWith(")"), "the whole first paragraph: " + q.title());
            assertTrue(q.titleAr() != null && !q.titleAr().isBlank(), q.name() + " has an Arabic title for Arabic pages");
            for (String example : q.examples().keySet()) {
                assertTrue(q.parameter(example).isPresent(), q.name() + " example " + example);
            }
            Query bound = q.bind(q.examples());
            assertEquals(q.query().queryType(), bound.queryType(), q.name());
        }
    }

    @Test
    void singleParameterIsSubstitutedAndProjected() {
        NamedQuery q = catalog.get("cq01-topic-status-by-country");
        String topic = "https://w3id.org/sijill/id/concept/law-topic/cybercrime";
        Query bound = q.bind(Map.of("topic", List.of(topic)));
        String text = bound.serialize();
        assertTrue(text.contains("<" + topic + ">"), text);
        assertFalse(text.contains("sijill:topic ?topic"), text);
    }

    @Test
    void repeatableParameterReplacesTheValuesBlock() {
        NamedQuery q = catalog.get("cq02-countries-side-by-side");
        Query bound = q.bind(Map.of("country", List.of(
                "https://w3id.org/sijill/id/country/EG", "https://w3id.org/sijill/id/country/QA",
                "https://w3id.org/sijill/id/country/DZ")));
        String text = bound.serialize();
        assertTrue(text.contains("country/EG") && text.contains("country/QA") && text.contains("country/DZ"), text);
        assertFalse(text.contains("country/LB"), text);
    }

    @Test
    void badParametersAreRefusedWithAReason() {
        NamedQuery q = catalog.get("cq03-instruments-by-year");
        SijillException unknown = assertThrows(SijillException.class, () -> q.bind(Map.of("year", List.of("2018"))));
        assertTrue(unknown.getMessage().contains("no parameter 'year'"), unknown.getMessage());
        SijillException notInt = assertThrows(SijillException.class, () -> q.bind(Map.of("from", List.of("2018; DROP"))));
        assertEquals(SijillException.Kind.BAD_INPUT, notInt.kind());
        NamedQuery iriQuery = catalog.get("cq04-organizations-in-country");
        SijillException notIri = assertThrows(SijillException.class,
                () -> iriQuery.bind(Map.of("country", List.of("EG> } DELETE WHERE { ?s ?p ?o"))));
        assertTrue(notIri.getMessage().contains("absolute http(s) IRI"), notIri.getMessage());
        SijillException two = assertThrows(SijillException.class, () -> iriQuery.bind(Map.of("country",
                List.of("https://w3id.org/sijill/id/country/EG", "https://w3id.org/sijill/id/country/LB"))));
        assertTrue(two.getMessage().contains("takes one value"), two.getMessage());
        assertThrows(SijillException.class, () -> catalog.get("no-such-query"));
    }

    @Test
    void aQueryWithoutTitleOrWithBadSyntaxNamesTheFile(@TempDir Path dir) throws Exception {
        Path noTitle = dir.resolve("a.rq");
        Files.writeString(noTitle, "SELECT * WHERE { ?s ?p ?o }");
        SourceDataException e1 = assertThrows(SourceDataException.class, () -> NamedQueryCatalog.read(noTitle));
        assertTrue(e1.getMessage().startsWith(noTitle.toString()), e1.getMessage());
        Path bad = dir.resolve("b.rq");
        Files.writeString(bad, "# Broken\nSELECT * WHERE { ?s ?p }\n");
        SourceDataException e2 = assertThrows(SourceDataException.class, () -> NamedQueryCatalog.read(bad));
        assertTrue(e2.getMessage().contains("b.rq:2"), e2.getMessage());
    }
}
