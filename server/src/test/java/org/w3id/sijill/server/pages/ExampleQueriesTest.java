package org.w3id.sijill.server.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExampleQueriesTest {

    @Test
    void titlesComeFromTheHeaderComment() {
        List<ExampleQueries.Example> all = new ExampleQueries(Fixture.resource("queries")).list();
        assertEquals(List.of("label-missing-violation", "laws-by-country", "status-by-source"),
                all.stream().map(ExampleQueries.Example::name).toList());
        ExampleQueries.Example laws = all.get(1);
        assertEquals("Legal instruments per country, with topic and year", laws.titleEn());
        assertEquals("الصكوك القانونية في كل دولة مع موضوعها وسنة اعتمادها", laws.titleAr());
        assertTrue(all.get(0).isCheck());
        assertFalse(laws.isCheck());
        assertTrue(laws.text().contains("SELECT ?country ?law ?label ?year"));
    }

    /** The header style of the project's queries/: a title over several lines, then @param and @example lines. */
    @Test
    void multiLineTitleStopsAtParameters(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("cq01-topic-status-by-country.rq"), """
                # CQ1 — For one law topic, the status of every Arab League state (enacted, draft, none, no data),
                # with the instrument, its year and the source and date of each claim.
                # @param topic iri A law-topic concept; unbound, every topic is listed.
                # @example topic https://w3id.org/sijill/id/concept/law-topic/personal-data-protection
                PREFIX sijill:  <https://w3id.org/sijill/ontology#>
                SELECT * WHERE { ?s sijill:topic ?topic }
                """);
        Files.writeString(dir.resolve("notes.txt"), "not a query");
        ExampleQueries examples = new ExampleQueries(dir);
        List<ExampleQueries.Example> all = examples.list();
        assertEquals(1, all.size());
        ExampleQueries.Example e = all.get(0);
        assertEquals("CQ1 — For one law topic, the status of every Arab League state (enacted, draft, none, no data), "
                + "with the instrument, its year and the source and date of each claim.", e.titleEn());
        assertNull(e.titleAr());
        assertEquals(new Label(e.titleEn(), "en", true), e.title(PageLanguage.AR));
        assertTrue(examples.find("cq01-topic-status-by-country").isPresent());
        assertTrue(examples.find("../cq01-topic-status-by-country").isEmpty());
        assertTrue(examples.find("notes").isEmpty());
    }

    @Test
    void aMissingFolderHasNoExamples(@TempDir Path dir) {
        assertTrue(new ExampleQueries(dir.resolve("queries")).list().isEmpty());
    }
}
