package org.w3id.sijill.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.Map;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.exec.QueryExec;
import org.junit.jupiter.api.Test;
import org.w3id.sijill.core.ProjectPaths;

/** Each {@code *-violation} check finds the fault it is written for in a small broken graph. */
class ViolationChecksTest {
    private static final String PREFIXES = """
            @prefix sijill: <https://w3id.org/sijill/ontology#> .
            @prefix prov: <http://www.w3.org/ns/prov#> .
            @prefix dcterms: <http://purl.org/dc/terms/> .
            @prefix owl: <http://www.w3.org/2002/07/owl#> .
            @prefix id: <https://w3id.org/sijill/id/> .
            """;

    private final NamedQueryCatalog catalog = NamedQueryCatalog.load(ProjectPaths.locate().queries());

    private long violations(String check, String turtle) {
        Dataset ds = DatasetFactory.create();
        RDFParser.create().source(new StringReader(PREFIXES + turtle)).lang(Lang.TURTLE).parse(ds.getDefaultModel());
        try (QueryExec exec = QueryExec.dataset(ds.asDatasetGraph()).query(catalog.get(check).bind(Map.of())).build()) {
            return exec.select().materialize().rewindable().size();
        }
    }

    @Test
    void entityWithoutSource() {
        assertEquals(1, violations("entity-without-source-violation",
                "id:country\\/EG a sijill:Country . id:org\\/itu a sijill:Organization ; prov:wasDerivedFrom id:document\\/x ."));
    }

    @Test
    void evidenceFromAnotherDocument() {
        assertEquals(1, violations("evidence-outside-source-violation", """
                id:org\\/x prov:wasDerivedFrom id:document\\/a ;
                    sijill:evidence [ prov:value "q" ; prov:wasQuotedFrom id:document\\/b\\/p\\/1 ] .
                id:document\\/b\\/p\\/1 dcterms:isPartOf id:document\\/b .
                id:org\\/y prov:wasDerivedFrom id:document\\/b ;
                    sijill:evidence [ prov:value "q" ; prov:wasQuotedFrom id:document\\/b\\/p\\/1 ] .
                """));
    }

    @Test
    void palestinianTerritoryIsNotSameAsTheState() {
        assertEquals(1, violations("closematch-not-sameas-violation",
                "id:country\\/PS owl:sameAs <http://sws.geonames.org/6254930/> ."));
    }

    @Test
    void everyCheckIsCovered() {
        long checks = catalog.all().stream().filter(NamedQuery::isViolationCheck).count();
        assertEquals(3, checks, "a new *-violation query needs its own case here");
    }
}
