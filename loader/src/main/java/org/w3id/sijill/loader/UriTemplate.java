package org.w3id.sijill.loader;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.atlas.lib.IRILib;

/**
 * Expands the simple URI templates of CSVW metadata ({@code aboutUrl}, {@code valueUrl}):
 * every {@code {name}} is replaced by the percent-encoded value of that column, every
 * {@code {+name}} (RFC 6570 reserved expansion) by the value with {@code /} and the other
 * reserved characters kept.
 *
 * <pre>{@code
 * String iri = UriTemplate.expand("https://w3id.org/sijill/id/country/{iso2}", n -> "EG");
 * }</pre>
 */
public final class UriTemplate {
    private UriTemplate() {}

    private static final Pattern VAR = Pattern.compile("\\{(\\+?)([a-z][a-z0-9_]*)\\}");

    /** @return the variable names the template uses, in order */
    public static List<String> variables(String template) {
        List<String> vars = new ArrayList<>();
        Matcher m = VAR.matcher(template);
        while (m.find()) vars.add(m.group(2));
        return vars;
    }

    /** @param values the raw value of a variable (not yet encoded), or {@code null} when unbound */
    public static String expand(String template, UnaryOperator<String> values) {
        Matcher m = VAR.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = values.apply(m.group(2));
            if (v == null || v.isEmpty()) return null;
            // {+name} is RFC 6570 reserved expansion: '/' and other reserved characters stay as they are
            String encoded = m.group(1).isEmpty() ? IRILib.encodeUriComponent(v) : IRILib.encodeUriPath(v);
            m.appendReplacement(sb, Matcher.quoteReplacement(encoded));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
