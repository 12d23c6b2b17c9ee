package org.w3id.sijill.server.observatory;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** The text of the observatory tests' byte answers (tables and spreadsheets are read as bytes). */
final class Http {
    private Http() {}

    static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }
}
