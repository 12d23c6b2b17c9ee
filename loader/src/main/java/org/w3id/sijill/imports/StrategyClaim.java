package org.w3id.sijill.imports;

import java.util.List;

/**
 * One country's row of a national-cybersecurity-strategy dataset, restated.
 *
 * @param iso2          the country (ISO 3166-1 alpha-2)
 * @param hasStrategy   whether the dataset records a strategy ({@code cyb_strategy} = 1)
 * @param firstDate     the first strategy's date as precise as the dataset gives it ({@code YYYY},
 *                      {@code YYYY-MM} or {@code YYYY-MM-DD}), or {@code null}
 * @param sourceDate    the dataset's own {@code DATE} cell ({@code YYYYMMDD} or {@code NA})
 * @param strategyCount the dataset's {@code total_strategies}, or {@code null} when it gives none
 * @param notes         the dataset's caveats for this row, kept as notes (never resolved)
 */
public record StrategyClaim(String iso2, boolean hasStrategy, String firstDate, String sourceDate, Integer strategyCount,
                            List<String> notes) {
    public StrategyClaim {
        notes = List.copyOf(notes);
    }
}
