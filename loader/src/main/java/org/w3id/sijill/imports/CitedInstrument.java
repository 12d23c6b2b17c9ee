package org.w3id.sijill.imports;

/**
 * An instrument the tracker cites for a claim: its title as the tracker gives it (HTML line breaks
 * and entities resolved, blanks folded) and its link, or {@code null} when the tracker gives none
 * (it writes {@code #}).
 *
 * @param title the title, never blank
 * @param link  the address of the instrument, or {@code null}
 */
public record CitedInstrument(String title, String link) {
}
