package org.w3id.sijill.imports;

import java.util.Optional;

/**
 * The five law categories of the UNCTAD Global Cyberlaw Tracker, each with the column label the
 * tracker uses and the {@code law-topic} notation Sijill files it under (UNCTAD folds electronic
 * signatures into Electronic Transactions).
 *
 * <pre>{@code
 * UnctadCategory c = UnctadCategory.fromLabel("Cybercrime").orElseThrow();
 * c.lawTopic(); // "cybercrime"
 * }</pre>
 */
public enum UnctadCategory {
    ELECTRONIC_TRANSACTIONS("Electronic Transactions", "e-transactions"),
    CONSUMER_PROTECTION("Consumer Protection", "consumer-protection"),
    PRIVACY_AND_DATA_PROTECTION("Privacy and Data Protection", "personal-data-protection"),
    CYBERCRIME("Cybercrime", "cybercrime"),
    INDIRECT_TAXATION("Indirect Taxation", "indirect-taxation");

    private final String label;
    private final String lawTopic;

    UnctadCategory(String label, String lawTopic) {
        this.label = label;
        this.lawTopic = lawTopic;
    }

    /** @return the column header / JSON key the tracker uses */
    public String label() { return label; }

    /** @return the notation of the concept in Sijill's {@code law-topic} scheme */
    public String lawTopic() { return lawTopic; }

    /** @return the category whose tracker label is {@code label}, if any */
    public static Optional<UnctadCategory> fromLabel(String label) {
        for (UnctadCategory c : values()) {
            if (c.label.equals(label)) return Optional.of(c);
        }
        return Optional.empty();
    }
}
