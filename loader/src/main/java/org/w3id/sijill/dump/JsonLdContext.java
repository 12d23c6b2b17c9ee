package org.w3id.sijill.dump;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonParseException;
import org.apache.jena.atlas.json.JsonValue;
import org.w3id.sijill.core.SijillException;

/**
 * A JSON-LD context as the streaming writer needs it: its published URL, its JSON text, the
 * prefixes it defines (simple terms whose IRI ends in a gen-delim character, the only terms that
 * JSON-LD 1.1 uses as prefixes) and its property terms with their {@code @type} coercion.
 * Only the subset of JSON-LD context features Sijill uses is accepted (string terms, and expanded
 * terms with {@code @id} and an optional {@code @type}); anything else is refused, so the writer
 * never produces a document whose expansion it cannot predict.
 *
 * <pre>{@code
 * JsonLdContext ctx = JsonLdContext.published();
 * String key = ctx.compactIri("http://www.w3.org/2000/01/rdf-schema#label", true); // "rdfs:label"
 * }</pre>
 */
public final class JsonLdContext {

    /** Where the Sijill context is published. */
    public static final String PUBLISHED_URL = "https://w3id.org/sijill/context.jsonld";
    /** Class-path location of the published context (copied from {@code ontology/context.jsonld}). */
    public static final String RESOURCE = "/org/w3id/sijill/dump/context.jsonld";

    /** A property term: its name and coercion ({@code null}, {@code "@id"} or a datatype IRI). */
    public record Term(String name, String iri, String coercion) {}

    private static final String GEN_DELIMS = ":/?#[]@";

    private final String url;
    private final String json;
    private final Map<String, String> prefixByNamespace = new HashMap<>();
    private final Map<String, String> namespaceByPrefix = new LinkedHashMap<>();
    private final Map<String, Term> termByIri = new HashMap<>();
    private final Map<String, Term> termByName = new LinkedHashMap<>();

    private JsonLdContext(String url, String json) {
        this.url = url;
        this.json = json;
        parse();
    }

    /** @return the Sijill context published at {@link #PUBLISHED_URL}, read from the class path */
    public static JsonLdContext published() {
        try (InputStream in = JsonLdContext.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new SijillException(SijillException.Kind.ENVIRONMENT,
                        "the JSON-LD context " + RESOURCE + " is missing from the class path (built from ontology/context.jsonld)");
            }
            return of(PUBLISHED_URL, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param url  the URL documents use to reference this context
     * @param json the context document ({@code {"@context": {...}}})
     * @return the parsed context
     */
    public static JsonLdContext of(String url, String json) {
        return new JsonLdContext(url, json);
    }

    /** @return the URL documents reference */
    public String url() { return url; }

    /** @return the context document's JSON text */
    public String json() { return json; }

    /** @return prefix name → namespace IRI, in document order */
    public Map<String, String> prefixes() { return Collections.unmodifiableMap(namespaceByPrefix); }

    /** @return term name → term, in document order */
    public Map<String, Term> terms() { return Collections.unmodifiableMap(termByName); }

    /** @return the property term for this IRI, or {@code null} */
    public Term termFor(String iri) { return termByIri.get(iri); }

    /** @return every name the context defines (prefixes and terms) */
    public Set<String> definedNames() {
        Set<String> all = new java.util.HashSet<>(namespaceByPrefix.keySet());
        all.addAll(termByName.keySet());
        return all;
    }

    /**
     * Compacts an IRI to {@code prefix:suffix} with the longest matching prefix, or leaves it
     * absolute. Never returns a term name, so the result expands to the IRI both where terms
     * apply ({@code vocab}: keys, {@code @type}) and where they do not ({@code @id} values).
     *
     * @throws SijillException when the IRI is absolute but its scheme is a name the context
     *         defines, so no JSON-LD string could denote it
     */
    public String compactIri(String iri) {
        for (int i = iri.length() - 1; i > 0; i--) {
            if (GEN_DELIMS.indexOf(iri.charAt(i)) < 0) continue;
            String prefix = prefixByNamespace.get(iri.substring(0, i + 1));
            if (prefix != null) {
                String suffix = iri.substring(i + 1);
                if (!suffix.startsWith("//")) return prefix + ':' + suffix;
            }
        }
        int colon = iri.indexOf(':');
        if (colon <= 0 || iri.startsWith("_:")) {
            throw new SijillException(SijillException.Kind.INVALID_DATA, "not an absolute IRI: <" + iri + ">");
        }
        String scheme = iri.substring(0, colon);
        if (termByName.containsKey(scheme) || namespaceByPrefix.containsKey(scheme)) {
            throw new SijillException(SijillException.Kind.INVALID_DATA, "the IRI <" + iri
                    + "> cannot be written in JSON-LD with this context: its scheme '" + scheme + "' is a term of the context");
        }
        return iri;
    }

    private void parse() {
        JsonObject doc;
        try {
            doc = JSON.parse(json);
        } catch (JsonParseException e) {
            throw new SijillException(SijillException.Kind.INVALID_DATA, "JSON-LD context " + url + " is not JSON: " + e.getMessage(), e);
        }
        JsonValue c = doc.get("@context");
        if (c == null || !c.isObject()) {
            throw bad("the top-level \"@context\" must be an object");
        }
        JsonObject ctx = c.getAsObject();
        // First pass: prefixes (simple string terms ending in a gen-delim), used to expand the rest.
        Map<String, String> raw = new LinkedHashMap<>();
        ctx.forEach((k, v) -> {
            if (k.startsWith("@")) throw bad("keyword " + k + " is not supported in the context");
            if (k.contains(":")) throw bad("term '" + k + "' contains a colon");
            if (v.isString()) raw.put(k, v.getAsString().value());
        });
        raw.forEach((k, v) -> {
            if (!v.contains(":") || v.isEmpty()) return;
            if (GEN_DELIMS.indexOf(v.charAt(v.length() - 1)) >= 0 && isAbsolute(v)) {
                if (prefixByNamespace.putIfAbsent(v, k) != null) throw bad("two prefixes for " + v);
                namespaceByPrefix.put(k, v);
            }
        });
        ctx.forEach((k, v) -> {
            if (namespaceByPrefix.containsKey(k)) return;
            String iri;
            String coercion = null;
            if (v.isString()) {
                iri = expand(v.getAsString().value());
            } else if (v.isObject()) {
                JsonObject def = v.getAsObject();
                for (String key : def.keys()) {
                    if (!key.equals("@id") && !key.equals("@type")) throw bad("term '" + k + "': " + key + " is not supported");
                }
                if (def.get("@id") == null || !def.get("@id").isString()) throw bad("term '" + k + "' has no string @id");
                iri = expand(def.get("@id").getAsString().value());
                JsonValue t = def.get("@type");
                if (t != null) {
                    if (!t.isString()) throw bad("term '" + k + "': @type must be a string");
                    String tv = t.getAsString().value();
                    if (tv.equals("@vocab") || tv.equals("@json") || tv.equals("@none")) throw bad("term '" + k + "': @type " + tv + " is not supported");
                    coercion = tv.equals("@id") ? "@id" : expand(tv);
                }
            } else {
                throw bad("term '" + k + "' must be a string or an object");
            }
            Term term = new Term(k, iri, coercion);
            if (termByIri.putIfAbsent(iri, term) != null) {
                throw bad("two terms for <" + iri + ">: '" + termByIri.get(iri).name() + "' and '" + k + "'");
            }
            termByName.put(k, term);
        });
    }

    private String expand(String value) {
        int colon = value.indexOf(':');
        if (colon > 0) {
            String ns = namespaceByPrefix.get(value.substring(0, colon));
            if (ns != null) return ns + value.substring(colon + 1);
        }
        if (!isAbsolute(value)) throw bad("'" + value + "' is neither a compact IRI nor an absolute IRI");
        return value;
    }

    private static boolean isAbsolute(String v) {
        int colon = v.indexOf(':');
        return colon > 0 && v.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*");
    }

    private SijillException bad(String problem) {
        return new SijillException(SijillException.Kind.INVALID_DATA, "JSON-LD context " + url + ": " + problem);
    }
}
