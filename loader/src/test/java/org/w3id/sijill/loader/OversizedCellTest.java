package org.w3id.sijill.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.sijill.core.SourceDataException;

/**
 * A 10 MB cell is refused with file, line and field (the limit is a setting, default 100,000
 * characters); the file is generated here rather than kept in the repository.
 */
class OversizedCellTest {

    @TempDir
    Path tmp;

    @Test
    void aTenMegabyteCellIsRefusedWithFileLineAndField() throws Exception {
        Path csv = tmp.resolve("countries.csv");
        Files.writeString(csv, "iso2,name_en,source\nEG,Egypt,test-ids\nLB," + "x".repeat(10 * 1024 * 1024) + ",test-ids\n", StandardCharsets.UTF_8);
        SourceDataException e = assertThrows(SourceDataException.class, () -> TableReader.read(csv));
        assertEquals(3, e.line());
        assertEquals("name_en", e.field());
        assertTrue(e.getMessage().contains("countries.csv:3: field 'name_en': the cell is 10485760 characters long; the limit is 100000"), e.getMessage());
    }

    @Test
    void theLimitIsASetting() throws Exception {
        Path csv = tmp.resolve("t.csv");
        Files.writeString(csv, "iso2,name_en,source\nEG,Egypt,test-ids\n", StandardCharsets.UTF_8);
        assertEquals(1, TableReader.read(csv).rows().size());
        System.setProperty(TableReader.MAX_CELL_PROPERTY, "3");
        try {
            SourceDataException e = assertThrows(SourceDataException.class, () -> TableReader.read(csv));
            assertTrue(e.getMessage().contains("t.csv:2: field 'name_en': the cell is 5 characters long; the limit is 3"), e.getMessage());
        } finally {
            System.clearProperty(TableReader.MAX_CELL_PROPERTY);
        }
    }
}
