package org.w3id.sijill.server.observatory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Draws the choropleth of the Arab League states as SVG on the server: an equirectangular
 * projection (scaled by the cosine of the region's middle latitude) of the {@link WorldAtlas}
 * outlines in the region's box, the League states filled by a class per state and linked, the
 * other countries grey. States too small to see at this scale (Bahrain, Comoros) get a marker
 * circle. Each state is a focusable link with a title, so the map works from the keyboard.
 *
 * <pre>{@code
 * List<MapRenderer.Shape> shapes = new MapRenderer(WorldAtlas.load()).shapes(Map.of("422", "status-enacted"), ...);
 * }</pre>
 */
public final class MapRenderer {
    /** The region: longitudes and latitudes of the box drawn. */
    static final double LON_MIN = -18.5;
    static final double LON_MAX = 61;
    static final double LAT_MIN = -13.5;
    static final double LAT_MAX = 38.5;
    /** Width of the drawing in SVG units. */
    public static final double WIDTH = 1000;
    private static final double K = WIDTH / ((LON_MAX - LON_MIN) * Math.cos(Math.toRadians((LAT_MIN + LAT_MAX) / 2)));
    /** Height of the drawing in SVG units. */
    public static final double HEIGHT = Math.round((LAT_MAX - LAT_MIN) * K);
    /** Below this size (SVG units) a state also gets a marker circle. */
    private static final double SMALL = 9;

    private final WorldAtlas atlas;

    public MapRenderer(WorldAtlas atlas) {
        this.atlas = atlas;
    }

    /**
     * A country on the map.
     *
     * @param m49 its UN M49 code
     * @param path the SVG path data
     * @param marker the marker circle's centre and radius {cx, cy, r}, or null
     */
    public record Shape(String m49, String path, double[] marker) {
        public String markerX() { return fmt(marker[0]); }
        public String markerY() { return fmt(marker[1]); }
        public String markerR() { return fmt(marker[2]); }
    }

    /** @return the shapes of the given countries (in that order), and of the others in the box as {@code background} */
    public List<Shape> shapes(List<String> m49s) {
        List<Shape> out = new ArrayList<>();
        for (String id : m49s) {
            List<double[][]> rings = atlas.rings().get(id);
            if (rings != null) out.add(shape(id, rings));
        }
        return out;
    }

    /** @return the other countries that show in the box */
    public List<Shape> background(Set<String> except) {
        List<Shape> out = new ArrayList<>();
        for (Map.Entry<String, List<double[][]>> e : atlas.rings().entrySet()) {
            if (except.contains(e.getKey()) || !inBox(e.getValue())) continue;
            Shape s = shape(e.getKey(), e.getValue());
            out.add(new Shape(s.m49(), s.path(), null));
        }
        return out;
    }

    private static boolean inBox(List<double[][]> rings) {
        for (double[][] r : rings) for (double[] p : r) {
            if (p[0] >= LON_MIN && p[0] <= LON_MAX && p[1] >= LAT_MIN && p[1] <= LAT_MAX) return true;
        }
        return false;
    }

    private static Shape shape(String id, List<double[][]> rings) {
        StringBuilder d = new StringBuilder();
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (double[][] ring : rings) {
            String last = null;
            int written = 0;
            for (double[] p : ring) {
                double x = (p[0] - LON_MIN) * K;
                double y = (LAT_MAX - p[1]) * K;
                String pt = fmt(x) + "," + fmt(y);
                if (pt.equals(last)) continue;
                d.append(written == 0 ? "M" : "L").append(pt);
                last = pt;
                written++;
                minX = Math.min(minX, x); maxX = Math.max(maxX, x);
                minY = Math.min(minY, y); maxY = Math.max(maxY, y);
            }
            if (written > 0) d.append('Z');
        }
        double size = Math.max(maxX - minX, maxY - minY);
        double[] marker = size < SMALL ? new double[] {(minX + maxX) / 2, (minY + maxY) / 2, 7} : null;
        return new Shape(id, d.toString(), marker);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
