package org.w3id.sijill.server.observatory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.sijill.server.it.RealDataServer;

/**
 * A new user downloads the 22 × topics matrix and opens it in a spreadsheet: LibreOffice Calc
 * (Debian's {@code libreoffice-calc-nogui}, installed by {@code scripts/install-test-tools}) opens
 * the CSV download as UTF-8 (what its import dialog picks from the byte-order mark) and converts it
 * to HTML, and the Arabic headings and state names come out intact, the mark itself not showing;
 * the {@code .xlsx} download opens too.
 */
class LibreOfficeTest {
    static final Path SOFFICE = Path.of("/usr/bin/soffice");

    @RegisterExtension
    static final RealDataServer SERVER = new RealDataServer();

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        assertTrue(Files.isExecutable(SOFFICE), "LibreOffice is installed at " + SOFFICE + " (scripts/install-test-tools)");
    }

    /** @return the converted file */
    Path convert(Path in, String to, String ext) throws IOException, InterruptedException {
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        List<String> cmd = new java.util.ArrayList<>(List.of(SOFFICE.toString(), "-env:UserInstallation=file://" + dir.resolve("profile"),
                "--headless"));
        // Calc's CSV import dialog preselects UTF-8 when the file starts with a byte-order mark; a
        // headless conversion has no dialog, so it is given that choice: comma, double quote,
        // UTF-8 (76), from line 1.
        if (in.toString().endsWith(".csv")) cmd.add("--infilter=CSV:44,34,76,1");
        cmd.addAll(List.of("--convert-to", to, "--outdir", out.toString(), in.toString()));
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true).redirectOutput(dir.resolve("soffice.log").toFile()).start();
        assertTrue(p.waitFor(240, TimeUnit.SECONDS), "LibreOffice finished in time");
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("soffice.log")));
        String name = in.getFileName().toString();
        Path result = out.resolve(name.substring(0, name.lastIndexOf('.')) + "." + ext);
        assertTrue(Files.exists(result), "converted: " + Files.readString(dir.resolve("soffice.log")));
        return result;
    }

    @Test
    void theArabicMatrixCsvOpensInLibreOfficeWithArabicIntact() throws Exception {
        HttpResponse<byte[]> csv = SERVER.getBytes("/matrix?format=csv&lang=ar");
        assertEquals(200, csv.statusCode());
        String disposition = csv.headers().firstValue("Content-Disposition").orElseThrow();
        String fileName = disposition.substring(disposition.indexOf("filename=\"") + 10, disposition.length() - 1);
        Path file = dir.resolve(fileName);
        Files.write(file, csv.body());
        Path html = convert(file, "html", "html");
        Document doc = Jsoup.parse(html.toFile(), StandardCharsets.UTF_8.name());
        List<Element> rows = doc.select("table tr");
        assertEquals(23, rows.size(), "a heading row and the 22 states");
        List<String> heading = rows.get(0).select("td, th").eachText();
        assertEquals("الرمز الدولي", heading.get(0));
        assertEquals("الدولة", heading.get(1));
        assertTrue(heading.contains("الجرائم الإلكترونية"), heading.toString());
        assertEquals(2 + 11 + 7, heading.size(), "two state columns, the 11 topics, five treaties, the latest GCI score, the first strategy");
        assertTrue(heading.contains("المؤشر العالمي للأمن السيبراني، آخر إصدار"), heading.toString());
        String somalia = rows.stream().map(Element::text).filter(t -> t.startsWith("SO")).findFirst().orElseThrow();
        assertTrue(somalia.contains("غير مدرجة في المواد المتاحة"), "a treaty no source names for Somalia, in Arabic: " + somalia);
        String lebanon = rows.stream().map(Element::text).filter(t -> t.startsWith("LB")).findFirst().orElseThrow();
        assertTrue(lebanon.contains("لبنان"), lebanon);
        assertTrue(lebanon.contains("تشريع نافذ"), "statuses in Arabic: " + lebanon);
    }

    @Test
    void theXlsxMatrixOpensInLibreOffice() throws Exception {
        HttpResponse<byte[]> xlsx = SERVER.getBytes("/matrix?format=xlsx&lang=ar&asOf=2019");
        assertEquals(200, xlsx.statusCode());
        Path file = dir.resolve("sijill-matrix-2019-ar.xlsx");
        Files.write(file, xlsx.body());
        Path html = convert(file, "html", "html");
        Document doc = Jsoup.parse(html.toFile(), StandardCharsets.UTF_8.name());
        String sy = doc.select("tr").eachText().stream().filter(t -> t.startsWith("SY")).findFirst().orElseThrow();
        assertTrue(sy.contains("سوريا"), sy);
        assertTrue(sy.contains("مشروع تشريع"), "as of 2019 Syria had draft legislation: " + sy);
    }
}
