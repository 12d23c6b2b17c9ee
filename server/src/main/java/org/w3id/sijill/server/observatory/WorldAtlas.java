package org.w3id.sijill.server.observatory;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3id.sijill.core.SijillException;

/**
 * Country outlines from Natural Earth (1:50m), as the npm package {@code world-atlas} 2.0.2 ships
 * them (TopoJSON, {@code countries-50m.json}); the build copies the file into the jar, so nothing
 * is fetched at run time. Decodes the quantized, delta-encoded arcs into rings of longitude and
 * latitude per country, keyed by the UN M49 code the package uses as id.
 *
 * <pre>{@code
 * Map<String, List<double[][]>> rings = WorldAtlas.load().rings(); // "422" → Lebanon's rings
 * }</pre>
 *
 * @param rings per M49 code, the country's outer and inner rings, each an array of {lon, lat}
 * @param names per M49 code, the package's English name
 */
public record WorldAtlas(Map<String, List<double[][]>> rings, Map<String, String> names) {
    /** Where the build puts the package's file in the jar. */
    public static final String RESOURCE = "/geo/world-atlas/countries-50m.json";

    private static volatile WorldAtlas loaded;

    /** @return the outlines, read once */
    public static WorldAtlas load() {
        WorldAtlas w = loaded;
        if (w == null) {
            try (InputStream in = WorldAtlas.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new SijillException(SijillException.Kind.ENVIRONMENT, "the map outlines " + RESOURCE
                            + " are not in the jar: install the npm package world-atlas (scripts/install-test-tools) and rebuild");
                }
                w = parse(JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject());
            } catch (IOException e) {
                throw new SijillException(SijillException.Kind.ENVIRONMENT, "cannot read " + RESOURCE + ": " + e.getMessage(), e);
            }
            loaded = w;
        }
        return w;
    }

    static WorldAtlas parse(JsonObject topo) {
        JsonObject transform = topo.getAsJsonObject("transform");
        double sx = transform.getAsJsonArray("scale").get(0).getAsDouble();
        double sy = transform.getAsJsonArray("scale").get(1).getAsDouble();
        double tx = transform.getAsJsonArray("translate").get(0).getAsDouble();
        double ty = transform.getAsJsonArray("translate").get(1).getAsDouble();
        List<double[][]> arcs = new ArrayList<>();
        for (JsonElement a : topo.getAsJsonArray("arcs")) {
            JsonArray pts = a.getAsJsonArray();
            double[][] out = new double[pts.size()][];
            long x = 0;
            long y = 0;
            for (int i = 0; i < pts.size(); i++) {
                JsonArray p = pts.get(i).getAsJsonArray();
                x += p.get(0).getAsLong();
                y += p.get(1).getAsLong();
                out[i] = new double[] {x * sx + tx, y * sy + ty};
            }
            arcs.add(out);
        }
        Map<String, List<double[][]>> rings = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (JsonElement g : topo.getAsJsonObject("objects").getAsJsonObject("countries").getAsJsonArray("geometries")) {
            JsonObject geom = g.getAsJsonObject();
            if (!geom.has("id") || !geom.has("arcs")) continue;
            String id = geom.get("id").getAsString();
            List<double[][]> list = rings.computeIfAbsent(id, k -> new ArrayList<>());
            if (geom.has("properties") && geom.getAsJsonObject("properties").has("name")) {
                names.put(id, geom.getAsJsonObject("properties").get("name").getAsString());
            }
            String type = geom.get("type").getAsString();
            if ("Polygon".equals(type)) {
                for (JsonElement ring : geom.getAsJsonArray("arcs")) list.add(ring(arcs, ring.getAsJsonArray()));
            } else if ("MultiPolygon".equals(type)) {
                for (JsonElement poly : geom.getAsJsonArray("arcs")) {
                    for (JsonElement ring : poly.getAsJsonArray()) list.add(ring(arcs, ring.getAsJsonArray()));
                }
            }
        }
        return new WorldAtlas(rings, names);
    }

    private static double[][] ring(List<double[][]> arcs, JsonArray indexes) {
        List<double[]> pts = new ArrayList<>();
        for (JsonElement e : indexes) {
            int i = e.getAsInt();
            double[][] arc = arcs.get(i >= 0 ? i : ~i);
            int n = arc.length;
            for (int k = 0; k < n; k++) {
                double[] p = i >= 0 ? arc[k] : arc[n - 1 - k];
                // consecutive arcs share their end point
                if (k == 0 && !pts.isEmpty()) continue;
                pts.add(p);
            }
        }
        return pts.toArray(new double[0][]);
    }
}
