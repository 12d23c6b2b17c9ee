package org.w3id.sijill.server.pages;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import org.w3id.sijill.core.SijillException;

/**
 * The files served under {@code /static/}: the pages' own stylesheet, script and icon (classpath
 * {@code static/}), and the CodeMirror editor from its webjar under {@code /static/vendor/codemirror/}.
 * Only well-formed relative paths are resolved, so no request can reach other classpath entries.
 *
 * <pre>{@code
 * Optional<StaticResources.Resource> css = StaticResources.find("sijill.css");
 * }</pre>
 */
public final class StaticResources {
    private StaticResources() {}

    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]*(/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*");
    private static final String VENDOR_CODEMIRROR = "vendor/codemirror/";
    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8", "svg", "image/svg+xml",
            "png", "image/png", "ico", "image/x-icon", "woff2", "font/woff2", "txt", "text/plain; charset=utf-8");

    /**
     * A static file.
     *
     * @param bytes its content
     * @param contentType its media type
     */
    public record Resource(byte[] bytes, String contentType) {}

    /** @return the URL path of the CodeMirror files, e.g. {@code /static/vendor/codemirror} */
    public static String codemirrorBase() {
        return "/static/" + VENDOR_CODEMIRROR.substring(0, VENDOR_CODEMIRROR.length() - 1);
    }

    /** @return the CodeMirror version of the webjar on the classpath */
    public static String codemirrorVersion() {
        try (InputStream in = StaticResources.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars.npm/codemirror/pom.properties")) {
            if (in == null) throw new SijillException(SijillException.Kind.ENVIRONMENT, "the CodeMirror webjar is not on the classpath");
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "cannot read the CodeMirror webjar: " + e.getMessage(), e);
        }
    }

    /**
     * @param path the path after {@code /static/}
     * @return the file, if the path is safe and names one
     */
    public static Optional<Resource> find(String path) {
        if (path == null || !SAFE_PATH.matcher(path).matches() || path.contains("..")) return Optional.empty();
        int dot = path.lastIndexOf('.');
        String type = dot < 0 ? null : TYPES.get(path.substring(dot + 1).toLowerCase(Locale.ROOT));
        if (type == null) return Optional.empty();
        String classpath = path.startsWith(VENDOR_CODEMIRROR)
                ? "META-INF/resources/webjars/codemirror/" + codemirrorVersion() + "/" + path.substring(VENDOR_CODEMIRROR.length())
                : "static/" + path;
        try (InputStream in = StaticResources.class.getClassLoader().getResourceAsStream(classpath)) {
            if (in == null) return Optional.empty();
            return Optional.of(new Resource(in.readAllBytes(), type));
        } catch (IOException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "cannot read " + classpath + ": " + e.getMessage(), e);
        }
    }
}
