package org.w3id.sijill.imports;

/**
 * One ITU Global Cybersecurity Index score as a transcription gives it.
 *
 * @param iso2    the country (ISO 3166-1 alpha-2)
 * @param edition the edition (its year: 2014, 2017, 2018, 2020, 2024)
 * @param score   the score exactly as transcribed (a decimal numeral)
 * @param scale   the score-scale notation of the edition ({@code zero-to-one} before 2020, {@code zero-to-hundred} from 2020)
 */
public record GciScore(String iso2, int edition, String score, String scale) {
    /** The first edition published on the 0–100 scale. */
    public static final int FIRST_PERCENT_EDITION = 2020;

    /** @return the score-scale notation of an edition */
    public static String scaleOf(int edition) {
        return edition < FIRST_PERCENT_EDITION ? "zero-to-one" : "zero-to-hundred";
    }

    /** @return the top of the edition's scale */
    public static int maxOf(int edition) {
        return edition < FIRST_PERCENT_EDITION ? 1 : 100;
    }
}
