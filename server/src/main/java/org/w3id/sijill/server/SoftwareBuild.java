package org.w3id.sijill.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Properties;

/**
 * When the running code was built (Maven writes it into {@code software-build.properties}). A page
 * or a description is made by the code from the release's data, so its cache validators name both:
 * the same release served by a new build of the code is a new representation, and browsers that
 * cached the old page get the new one instead of a {@code 304}.
 *
 * <pre>{@code
 * String etag = "\"" + release.id() + "-" + SoftwareBuild.current().stamp() + "-html\"";
 * }</pre>
 *
 * @param built when the code was built
 */
public record SoftwareBuild(Instant built) {

    private static final SoftwareBuild CURRENT = read();

    /** @return the build of the running code */
    public static SoftwareBuild current() {
        return CURRENT;
    }

    /** @return a short token for entity tags, e.g. {@code "sb1a2b3c4"} (the build time in seconds, base 36) */
    public String stamp() {
        return "c" + Long.toString(built.getEpochSecond(), 36);
    }

    private static SoftwareBuild read() {
        Properties p = new Properties();
        try (InputStream in = SoftwareBuild.class.getResourceAsStream("software-build.properties")) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read software-build.properties", e);
        }
        String built = p.getProperty("built", "");
        try {
            return new SoftwareBuild(Instant.parse(built));
        } catch (DateTimeParseException e) {
            // code run without Maven's resource filtering (an IDE): this process's start stands for the build
            return new SoftwareBuild(Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()));
        }
    }
}
