package org.w3id.sijill.loader;

import java.nio.file.Path;
import java.util.List;
import org.w3id.sijill.core.SourceDataException;

/**
 * Splits the text of a source document into citable {@link Passage}s. The strategy is named in
 * the {@code segmentation} column of {@code documents.csv}: {@code lines} ({@link LineSplitter})
 * or {@code report-paragraphs} ({@link ReportParagraphSplitter}).
 *
 * <pre>{@code
 * List<Passage> passages = PassageSplitter.forStrategy("lines", file, 3).split(text);
 * }</pre>
 */
public interface PassageSplitter {

    /** @return the passages of the text, in document order with ordinals 1, 2, … */
    List<Passage> split(String text);

    /**
     * @param file and {@code line}: where the strategy is named, for the error message
     * @return the splitter of the named strategy
     */
    static PassageSplitter forStrategy(String name, Path file, long line) {
        return switch (name) {
            case "lines" -> new LineSplitter();
            case "report-paragraphs" -> new ReportParagraphSplitter();
            default -> throw new SourceDataException(file, line, "segmentation",
                    "unknown segmentation '" + name + "' (known: lines, report-paragraphs)");
        };
    }
}
