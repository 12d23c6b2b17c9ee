package org.w3id.sijill.imports;

import java.util.List;

/**
 * One cell of the UNCTAD tracker restated: a country's status for one law category, with the
 * instruments the tracker cites for it (in the tracker's order, possibly none).
 *
 * @param iso2        ISO 3166-1 alpha-2 code of the country (upper case)
 * @param m49         UN M49 code as the tracker keys it (three digits)
 * @param category    the tracker category
 * @param status      the tracker status
 * @param instruments the cited instruments
 */
public record TrackerClaim(String iso2, String m49, UnctadCategory category, UnctadStatus status,
                           List<CitedInstrument> instruments) {
    public TrackerClaim {
        instruments = List.copyOf(instruments);
    }
}
