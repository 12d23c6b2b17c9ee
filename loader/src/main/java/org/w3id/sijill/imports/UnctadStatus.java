package org.w3id.sijill.imports;

import java.util.Optional;

/**
 * The status values of the UNCTAD Global Cyberlaw Tracker and the {@code legal-status} notation
 * Sijill records for each.
 *
 * <pre>{@code
 * UnctadStatus.fromLabel("Draft Legislation").orElseThrow().legalStatus(); // "draft"
 * }</pre>
 */
public enum UnctadStatus {
    LEGISLATION("Legislation", "enacted"),
    DRAFT_LEGISLATION("Draft Legislation", "draft"),
    NO_LEGISLATION("No Legislation", "none"),
    NO_DATA("No Data", "no-data");

    private final String label;
    private final String legalStatus;

    UnctadStatus(String label, String legalStatus) {
        this.label = label;
        this.legalStatus = legalStatus;
    }

    /** @return the value as the tracker writes it */
    public String label() { return label; }

    /** @return the notation of the concept in Sijill's {@code legal-status} scheme */
    public String legalStatus() { return legalStatus; }

    /** @return whether a claim with this status may cite instruments (legislation or a draft) */
    public boolean citesLegislation() { return this == LEGISLATION || this == DRAFT_LEGISLATION; }

    /** @return the status whose tracker label is {@code label} (surrounding blanks ignored), if any */
    public static Optional<UnctadStatus> fromLabel(String label) {
        String l = label == null ? "" : label.strip();
        for (UnctadStatus s : values()) {
            if (s.label.equals(l)) return Optional.of(s);
        }
        return Optional.empty();
    }
}
