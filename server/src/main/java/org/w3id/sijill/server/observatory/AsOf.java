package org.w3id.sijill.server.observatory;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date of {@code asOf=YYYY[-MM[-DD]]}: a year or month means its last day, so {@code asOf=2019}
 * counts every claim dated in 2019 or before.
 *
 * <pre>{@code
 * AsOf.parse("2019").date(); // 2019-12-31
 * }</pre>
 *
 * @param text the value as given
 * @param date the last day it covers
 */
public record AsOf(String text, LocalDate date) {
    private static final Pattern FORM = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    /**
     * @return the date, or null for a null or blank value
     * @throws BadRequest when the value is not a date of that form
     */
    public static AsOf parse(String value) {
        if (value == null || value.isBlank()) return null;
        String v = value.strip();
        Matcher m = FORM.matcher(v);
        if (!m.matches()) throw new BadRequest("obs.error.asof", value);
        try {
            int year = Integer.parseInt(m.group(1));
            if (m.group(2) == null) return new AsOf(v, LocalDate.of(year, 12, 31));
            YearMonth ym = YearMonth.of(year, Integer.parseInt(m.group(2)));
            if (m.group(3) == null) return new AsOf(v, ym.atEndOfMonth());
            return new AsOf(v, ym.atDay(Integer.parseInt(m.group(3))));
        } catch (DateTimeException e) {
            throw new BadRequest("obs.error.asof", value);
        }
    }

    /** @return true when a claim of that ISO date counts on this date */
    public boolean covers(String claimDate) {
        try {
            return !LocalDate.parse(claimDate.length() > 10 ? claimDate.substring(0, 10) : claimDate).isAfter(date);
        } catch (DateTimeException e) {
            return false;
        }
    }
}
