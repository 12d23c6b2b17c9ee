package org.w3id.sijill.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A refusal sent before the request's body has all arrived leaves the connection usable: the
 * server reads the rest of the body, answers, and answers the next request on the same connection.
 * (Before, the connection was closed after the refusal without {@code Connection: close}, and a
 * keep-alive client's next request on it got no answer: the cause of intermittent "header parser
 * received no bytes" in {@code ReadOnlyTest}.) Each case sends its headers, waits, then its body,
 * on a raw socket.
 */
class SlowBodyRefusalTest {

    @RegisterExtension
    static final RealDataServer SERVER = new RealDataServer();

    static final String TURTLE = "<urn:x-test:s> <urn:x-test:p> <urn:x-test:o> .";

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("PUT", "/sparql?graph=urn:x-test:g", "text/turtle", TURTLE, 405),
                Arguments.of("POST", "/sparql?graph=urn:x-test:g", "text/turtle", TURTLE, 403),
                Arguments.of("POST", "/sparql", "application/sparql-update", "INSERT DATA { <urn:x-test:s> <urn:x-test:p> 1 }", 403),
                Arguments.of("POST", "/sparql", "multipart/form-data; boundary=b", "--b\r\n\r\n" + TURTLE + "\r\n--b--\r\n", 403),
                Arguments.of("POST", "/sparql", "application/sparql-query", "SELECT * { SERVICE <http://127.0.0.1:1/x> { ?s ?p ?o } }", 403),
                Arguments.of("POST", "/$/metrics", "text/plain", "x", 403),
                Arguments.of("POST", "/search", "text/plain", "x", 405),
                Arguments.of("POST", "/page/country/LB", "text/plain", "x", 405),
                Arguments.of("POST", "/no/such/page", "text/plain", "x", 404));
    }

    @ParameterizedTest(name = "{0} {1} -> {4}")
    @MethodSource("refusals")
    void theConnectionServesTheNextRequest(String method, String path, String contentType, String body, int status) throws Exception {
        URI base = URI.create(SERVER.base());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType
                    + "\r\nContent-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(300);  // the handler decides before the body arrives
            out.write(bytes);
            out.flush();
            Answer first = Answer.read(in);
            assertEquals(status, first.status, first.head);
            assertFalse(first.head.toLowerCase(Locale.ROOT).contains("connection: close"), first.head);

            out.write("GET /$/ping HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Answer second = Answer.read(in);
            assertEquals(200, second.status, "the next request on the same connection: " + second.head);
        }
    }

    /** The status line and headers of one answer, its body read by {@code Content-Length}. */
    record Answer(int status, String head) {
        static Answer read(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int b, matched = 0;
            while (matched < 4 && (b = in.read()) >= 0) {
                head.write(b);
                matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            String text = head.toString(StandardCharsets.ISO_8859_1);
            assertTrue(text.startsWith("HTTP/1.1 "), "no answer (connection closed): '" + text + "'");
            long length = 0;
            for (String line : text.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) length = Long.parseLong(line.substring(15).strip());
            }
            assertTrue(length > 0 || !text.toLowerCase(Locale.ROOT).contains("transfer-encoding"), "expected a sized answer: " + text);
            in.readNBytes((int) length);
            return new Answer(Integer.parseInt(text.substring(9, 12)), text);
        }
    }
}
