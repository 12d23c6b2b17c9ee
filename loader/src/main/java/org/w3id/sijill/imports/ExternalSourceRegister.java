package org.w3id.sijill.imports;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.w3id.sijill.core.SourceDataException;
import org.w3id.sijill.dump.ExternalSource;

/**
 * Looks up the date of an external source in the register {@code sources/external-sources.csv}
 * (read by {@link ExternalSource#read}), so that imported claims carry the as-of date the
 * register states rather than one typed into code.
 *
 * <pre>{@code
 * LocalDate asOf = ExternalSourceRegister.date(Path.of("sources/external-sources.csv"), "unctad-cyberlaw-tracker-2026");
 * }</pre>
 */
public final class ExternalSourceRegister {
    private ExternalSourceRegister() {}

    /** @return the full date ({@code YYYY-MM-DD}) the register gives for {@code slug} */
    public static LocalDate date(Path register, String slug) {
        ExternalSource source = ExternalSource.read(register).stream().filter(s -> s.slug().equals(slug)).findFirst()
                .orElseThrow(() -> new SourceDataException(register, 0, "slug", "no external source '" + slug + "'"));
        try {
            return LocalDate.parse(source.date());
        } catch (DateTimeParseException e) {
            throw new SourceDataException(register, source.line(), "date",
                    "'" + source.date() + "' is not a full date (YYYY-MM-DD), so it cannot be an as-of date");
        }
    }
}
