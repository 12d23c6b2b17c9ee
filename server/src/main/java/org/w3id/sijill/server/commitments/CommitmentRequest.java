package org.w3id.sijill.server.commitments;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.w3id.sijill.server.observatory.BadRequest;
import org.w3id.sijill.server.observatory.Selection;
import org.w3id.sijill.server.observatory.Snapshot;

/**
 * The parameters of a request for the treaty, score and strategy tables, checked: the states
 * ({@code country}, repeatable: ISO alpha-2 or alpha-3, M49 or IRI; none: all 22), the treaty
 * ({@code treaty}, a slug or IRI, once). Anything else is refused with its reason (400).
 *
 * <pre>{@code
 * List<Snapshot.State> states = CommitmentRequest.states(snapshot, params, List.of("country", "lang", "format"));
 * }</pre>
 */
public final class CommitmentRequest {
    private CommitmentRequest() {}

    /** @return the states the request names, or every League state */
    public static List<Snapshot.State> states(Snapshot s, Map<String, List<String>> params, List<String> allowed) {
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            if (!allowed.contains(e.getKey())) throw new BadRequest("commitments.error.param", e.getKey(), String.join(", ", allowed));
            if (e.getValue().size() > Selection.MAX_VALUES) {
                throw new BadRequest("obs.error.repeated", e.getKey(), e.getValue().size(), Selection.MAX_VALUES);
            }
            if (e.getValue().size() > 1 && !"country".equals(e.getKey())) throw new BadRequest("obs.error.once", e.getKey());
        }
        List<Snapshot.State> out = new ArrayList<>();
        for (String c : params.getOrDefault("country", List.of())) {
            Snapshot.State st = Selection.country(s, c);
            if (!out.contains(st)) out.add(st);
        }
        return out.isEmpty() ? s.states() : List.copyOf(out);
    }

    /** @return the treaty the request names, or null for every treaty */
    public static Commitments.Treaty treaty(Commitments c, Map<String, List<String>> params) {
        List<String> v = params.getOrDefault("treaty", List.of());
        if (v.isEmpty() || v.get(0) == null || v.get(0).isBlank()) return null;
        return treaty(c, v.get(0));
    }

    /** @return the treaty a slug or IRI names */
    public static Commitments.Treaty treaty(Commitments c, String raw) {
        String t = raw.strip();
        return c.treaty(t).orElseThrow(() -> new BadRequest("commitments.error.treaty", raw,
                String.join(", ", c.treaties().stream().map(Commitments.Treaty::slug).toList())));
    }
}
