package org.w3id.sijill.server.observatory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.harrel.jsonschema.Validator;
import dev.harrel.jsonschema.ValidatorFactory;
import dev.harrel.jsonschema.providers.GsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.sijill.server.it.RealDataServer;

/**
 * The OpenAPI 3.1 description at {@code /api/openapi.json} against the real responses: every
 * path's 200 JSON answer (and a 400 answer) validates against the schema the description gives
 * for it, checked by a JSON Schema 2020-12 validator (dev.harrel json-schema); the interactive
 * documentation page loads Swagger UI from its webjar.
 */
class OpenApiTest {
    @RegisterExtension
    static final RealDataServer SERVER = new RealDataServer();

    @Test
    void everyPathAnswersAsItsSchemaSays() {
        HttpResponse<byte[]> spec = SERVER.getBytes("/api/openapi.json");
        assertEquals(200, spec.statusCode());
        JsonObject doc = JsonParser.parseString(Http.text(spec)).getAsJsonObject();
        assertTrue(doc.get("openapi").getAsString().startsWith("3."), "OpenAPI 3");
        JsonObject paths = doc.getAsJsonObject("paths");
        // every table endpoint the API serves (not openapi.json and docs), versioned and unversioned
        long tables = org.w3id.sijill.server.api.ObservatoryApiServlet.PATHS.stream().filter(p -> !p.equals("openapi.json") && !p.equals("docs")).count();
        assertEquals(2 * tables, paths.size(), "every endpoint, versioned and unversioned: " + paths.keySet());
        Validator validator = new ValidatorFactory().withJsonNodeFactory(new GsonNode.Factory()).createValidator();
        URI specUri = URI.create("urn:sijill:openapi");
        // the whole description is one schema resource, so #/components/schemas/… references resolve
        JsonObject resource = doc.deepCopy();
        resource.addProperty("$schema", "https://json-schema.org/draft/2020-12/schema");
        validator.registerSchema(specUri, resource);
        Map<String, String> queries = Map.of("compare", "?country=LB&country=SY&asOf=2019&lang=ar", "instruments", "?country=EG",
                "countries", "?lang=ar", "topics", "", "sources", "", "treaties", "?country=MA&treaty=budapest-convention&lang=ar",
                "scores", "?country=MA", "strategies", "?country=IQ&lang=ar");
        int checked = 0;
        for (String path : paths.keySet()) {
            String name = path.substring(path.lastIndexOf('/') + 1);
            String ref = paths.getAsJsonObject(path).getAsJsonObject("get").getAsJsonObject("responses").getAsJsonObject("200")
                    .getAsJsonObject("content").getAsJsonObject("application/json").getAsJsonObject("schema").get("$ref").getAsString();
            HttpResponse<byte[]> r = SERVER.getBytes(path + queries.get(name));
            assertEquals(200, r.statusCode(), path + ": " + Http.text(r));
            assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
            Validator.Result result = validator.validate(URI.create(specUri + ref), Http.text(r));
            assertTrue(result.isValid(), path + " does not match " + ref + ": " + result.getErrors().stream()
                    .map(e -> e.getInstanceLocation() + " " + e.getError()).toList());
            JsonObject body = JsonParser.parseString(Http.text(r)).getAsJsonObject();
            assertFalse(body.getAsJsonArray("rows").isEmpty(), path + " has rows");
            checked++;
        }
        assertEquals(2 * tables, checked);
        // a 400's body matches the Error schema, and a deliberately wrong body does not
        HttpResponse<byte[]> bad = SERVER.getBytes("/api/v1/compare?country=ZZ&lang=ar");
        assertEquals(400, bad.statusCode());
        assertTrue(validator.validate(URI.create(specUri + "#/components/schemas/Error"), Http.text(bad)).isValid());
        assertFalse(validator.validate(URI.create(specUri + "#/components/schemas/CompareTable"), Http.text(bad)).isValid(),
                "the validator rejects what does not match");
    }

    @Test
    void documentationPageServesSwaggerUiFromItsWebjar() {
        HttpResponse<byte[]> page = SERVER.getBytes("/api/docs/");
        assertEquals(200, page.statusCode());
        assertTrue(Http.text(page).contains("swagger-ui-bundle.js"));
        HttpResponse<byte[]> bundle = SERVER.getBytes("/api/docs/swagger-ui-bundle.js");
        assertEquals(200, bundle.statusCode());
        assertTrue(bundle.body().length > 100_000, "the webjar's bundle");
        assertEquals(200, SERVER.getBytes("/api/docs/swagger-ui.css").statusCode());
        assertEquals(301, SERVER.getBytes("/api/docs").statusCode());
    }
}
