package org.w3id.sijill.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.sijill.core.ProjectPaths;
import org.w3id.sijill.server.pages.ExampleQueries;

/**
 * Every example of the project's {@code queries/} on the query page, over HTTP against the real
 * server on the real data: the page is prefilled with the example (its text as written, example
 * values bound by a {@code VALUES} block), and that text, sent to {@code /sparql} as the page's
 * Run button sends it, answers rows — none for the data checks ({@code *-violation}), whose
 * contract is an empty result; the federated example is refused with a reason (no endpoint is
 * allow-listed here). Also: a browser's bare {@code GET /sparql} is sent to the query page.
 */
class QueryPageExamplesTest {
    @RegisterExtension
    static final RealDataServer SERVER = new RealDataServer();

    @Test
    void everyExampleIsPrefilledRunsAndReturnsRows() throws Exception {
        List<ExampleQueries.Example> examples = new ExampleQueries(ProjectPaths.locate().queries()).list();
        assertTrue(examples.size() >= 10, "the examples of queries/ were found: " + examples.size());
        List<String> problems = new ArrayList<>();
        for (ExampleQueries.Example e : examples) {
            HttpResponse<String> page = SERVER.send(SERVER.request("/query?example=" + e.name())
                    .header("Accept", "text/html").GET().build());
            assertEquals(200, page.statusCode(), e.name());
            Document doc = Jsoup.parse(page.body());
            String text = doc.selectFirst("textarea#query").wholeText();
            // the author's text is shown as written: every line of it is still there
            for (String line : e.text().split("\\R")) {
                if (!text.contains(line)) problems.add(e.name() + ": the prefilled text lost the line «" + line + "»");
            }
            HttpResponse<String> run = SERVER.send(SERVER.request("/sparql")
                    .header("Accept", "application/sparql-results+json")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(text, StandardCharsets.UTF_8)))
                    .build());
            if (e.name().contains("federated")) {
                if (run.statusCode() < 400 || run.statusCode() >= 500 || !run.body().contains("SERVICE")) {
                    problems.add(e.name() + ": expected a refusal naming SERVICE, got " + run.statusCode() + " " + run.body());
                }
                continue;
            }
            if (run.statusCode() != 200) {
                problems.add(e.name() + ": Run answered " + run.statusCode() + ": " + run.body());
                continue;
            }
            JsonObject json = JSON.parse(run.body());
            int rows = json.get("results").getAsObject().get("bindings").getAsArray().size();
            if (e.isCheck() && rows != 0) problems.add(e.name() + ": a data check found " + rows + " violations");
            if (!e.isCheck() && rows == 0) problems.add(e.name() + ": no rows");
            // examples with @example values are bound: the prefilled text differs from the file's
            if (!e.text().equals(text) && !text.contains("VALUES ?")) problems.add(e.name() + ": rewritten without a VALUES block");
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theFirstExampleIsBoundToItsTopic() throws Exception {
        HttpResponse<String> page = SERVER.send(SERVER.request("/query?example=cq01-topic-status-by-country")
                .GET().build());
        String text = Jsoup.parse(page.body()).selectFirst("textarea#query").wholeText();
        assertTrue(text.contains("VALUES ?topic { <https://w3id.org/sijill/id/concept/law-topic/personal-data-protection> }"), text);
        assertTrue(text.contains("ORDER BY ?countryName ?topic ?asOf"), "ORDER BY is left as written");
        HttpResponse<String> csv = SERVER.send(SERVER.request("/sparql?output=csv&query="
                + URLEncoder.encode(text, StandardCharsets.UTF_8)).GET().build());
        assertEquals(200, csv.statusCode(), csv.body());
        String[] lines = csv.body().split("\r?\n");
        assertTrue(lines.length > 22, "every Arab League state has a row: " + lines.length);
        for (int i = 1; i < lines.length; i++) {
            assertFalse(lines[i].contains("law-topic/cybercrime"), "only the bound topic: " + lines[i]);
        }
    }

    @Test
    void aBrowserAskingTheEndpointGetsTheQueryPage() throws Exception {
        HttpResponse<String> r = SERVER.send(SERVER.request("/sparql")
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").GET().build());
        assertEquals(303, r.statusCode());
        assertEquals("/query", r.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> sd = SERVER.send(SERVER.request("/sparql")
                .header("Accept", "text/turtle").GET().build());
        assertEquals(200, sd.statusCode());
        assertTrue(sd.body().contains("sparql-service-description"), "RDF clients still get the service description");
    }
}
