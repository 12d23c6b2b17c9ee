package org.w3id.sijill.server.pages;

import java.nio.file.Path;
import java.util.Map;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** The page-test fixture: a small TriG slice of real Sijill facts, and the example queries folder. */
final class Fixture {
    private Fixture() {}

    static final String LB = "https://w3id.org/sijill/id/country/LB";
    static final String LAW_81 = "https://w3id.org/sijill/id/law/lb/2018/law-81";

    static DatasetGraph dataset() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        RDFParser.source(resource("fixture.trig")).parse(dsg);
        if (dsg.isEmpty()) throw new AssertionError("fixture.trig gave no quads");
        return dsg;
    }

    static Path resource(String name) {
        try {
            return Path.of(Fixture.class.getResource("/pages/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    static SijillPages pages(DownloadsInfo downloads) {
        return new SijillPages(dataset(), null, new ExampleQueries(resource("queries")), downloads);
    }

    static PageRequest request(PageLanguage lang, String path) {
        return new PageRequest(lang, path, Map.of(), "http://localhost:3030");
    }

    static Document parse(RenderedPage page) {
        return Jsoup.parse(page.html(), "http://localhost:3030/");
    }
}
