package org.w3id.sijill.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3id.sijill.server.ld.AcceptHeader;

/** RFC 9110 Accept semantics: most specific range wins, q=0 excludes, server order breaks ties. */
class AcceptHeaderTest {
    static final List<String> OFFERS = List.of("text/html", "text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml");

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            "''                                          | text/html",
            "*/*                                         | text/html",
            "text/turtle                                 | text/turtle",
            "TEXT/Turtle                                 | text/turtle",
            "text/turtle;q=0.5, application/ld+json      | application/ld+json",
            "text/turtle;q=0, */*                        | text/html",
            "text/html;q=0, */*                          | text/turtle",
            "text/*;q=0.2, application/rdf+xml;q=0.3     | application/rdf+xml",
            "application/*                               | application/ld+json",
            "image/png                                   | NONE",
            "text/html;q=0                               | NONE",
            "text/turtle;q=abc, application/n-triples    | application/n-triples",
            "garbage, text/turtle;q=0.9                  | text/turtle",
            "*/*;q=0.1, text/turtle;level=1;q=0.9        | text/turtle"})
    void chooses(String header, String expected) {
        assertEquals(Optional.ofNullable(expected), AcceptHeader.parse(header).choose(OFFERS));
    }
}
