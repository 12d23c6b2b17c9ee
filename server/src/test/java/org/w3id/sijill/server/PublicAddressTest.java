package org.w3id.sijill.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, item 6: the {@code Host} header never reaches links, redirects or the JSON-LD context;
 * {@code ?limit=0} has no {@code rel="next"}; text answers carry {@code nosniff}; the server listens
 * on loopback only unless told otherwise.
 */
class PublicAddressTest {

    /** A raw request with a forged Host header (HttpClient would not send one). @return the response head and start of the body */
    static String rawGet(String path, String host, String accept) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), TestServer.shared().port())) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: " + accept + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readNBytes(20_000), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theHostHeaderIsNotReflected() throws IOException {
        String redirect = rawGet("/id/country/LB", "evil.example", "text/turtle");
        assertTrue(redirect.startsWith("HTTP/1.1 303"), redirect);
        assertTrue(redirect.contains("Location: http://localhost:" + TestServer.shared().port() + "/data/country/LB.ttl"), redirect);
        assertFalse(redirect.contains("evil.example"), redirect);
        String jsonld = rawGet("/data/country/LB.jsonld", "evil.example", "application/ld+json");
        assertTrue(jsonld.startsWith("HTTP/1.1 200"), jsonld);
        assertTrue(jsonld.contains("\"@context\": \"http://localhost:" + TestServer.shared().port() + "/context.jsonld\""), jsonld);
        assertFalse(jsonld.contains("evil.example"), jsonld);
    }

    @Test
    void limitZeroHasNoNextLinkAndTextAnswersAreNosniff() throws IOException {
        String zero = rawGet("/data/country/LB.ttl?limit=0", "localhost", "text/turtle");
        assertTrue(zero.startsWith("HTTP/1.1 200"), zero);
        assertFalse(zero.contains("rel=\"next\""), zero);
        for (String path : new String[] {"/data/country/LB.ttl", "/sparql?query=ASK%7B%7D", "/nothing-here"}) {
            String r = rawGet(path, "localhost", "*/*");
            assertTrue(r.contains("X-Content-Type-Options: nosniff"), path + ": " + r.substring(0, Math.min(400, r.length())));
        }
    }

    @Test
    void theServerListensOnLoopbackOnly() throws IOException {
        int port = TestServer.shared().port();
        InetAddress external = null;
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                if (!a.isLoopbackAddress() && a instanceof java.net.Inet4Address) external = a;
            }
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(external != null, "this machine has a non-loopback IPv4 address to try");
        InetAddress other = external;
        org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> new Socket(other, port).close(),
                "nothing answers on " + other + ":" + port);
    }
}
