package org.w3id.sijill.imports;

import java.util.List;

/**
 * The result of reading the tracker: the claims, and notes on what could not be restated as given
 * (for the person running the import to read).
 *
 * @param claims the claims, one per chosen country and category
 * @param notes  human-readable notes, possibly none
 */
public record TrackerImport(List<TrackerClaim> claims, List<String> notes) {
    public TrackerImport {
        claims = List.copyOf(claims);
        notes = List.copyOf(notes);
    }
}
