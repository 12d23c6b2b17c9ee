package org.w3id.sijill.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.vocabulary.RDF;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.search.SearchIndexDefinition;

/**
 * Loads the Fuseki assembler configuration ({@code fuseki-config/sijill.ttl}) and adapts it to one
 * run as RDF, never as text: the {@code tdb2:location} of the one TDB2 dataset is set to the store
 * directory, the {@code text:directory} of its full-text index (if the file declares one) to the
 * {@code text-index} folder inside it, and every {@code arq:queryTimeout} context value to the time limit.
 *
 * <pre>{@code
 * Model config = FusekiConfiguration.load(Path.of("fuseki-config/sijill.ttl"),
 *         Path.of("var/store"), Duration.ofSeconds(5));
 * FusekiServer.create().parseConfig(config)...
 * }</pre>
 */
public final class FusekiConfiguration {
    private FusekiConfiguration() {}

    static final String TDB2 = "http://jena.apache.org/2016/tdb#";
    static final String JA = "http://jena.hpl.hp.com/2005/11/Assembler#";
    static final String TEXT = "http://jena.apache.org/text#";

    /**
     * @param configFile the assembler file
     * @param store      the TDB2 directory to serve
     * @param timeout    the query time limit, or {@code null} to keep the file's value
     * @return the configuration model, adapted
     * @throws SijillException {@code ENVIRONMENT} naming the file when it is missing, malformed, or
     *                         does not declare exactly one {@code tdb2:DatasetTDB2}
     */
    public static Model load(Path configFile, Path store, Duration timeout) {
        if (!Files.isRegularFile(configFile)) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "Fuseki configuration not found: " + configFile);
        }
        Model model = ModelFactory.createDefaultModel();
        try {
            RDFParser.source(configFile).lang(Lang.TURTLE).parse(model);
        } catch (RiotException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, configFile + ": " + e.getMessage(), e);
        }
        Property location = model.createProperty(TDB2, "location");
        List<Resource> datasets = model.listSubjectsWithProperty(RDF.type, model.createResource(TDB2 + "DatasetTDB2")).toList();
        if (datasets.size() != 1) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT,
                    configFile + ": expected exactly one tdb2:DatasetTDB2, found " + datasets.size());
        }
        Resource dataset = datasets.get(0);
        dataset.removeAll(location);
        dataset.addProperty(location, store.toAbsolutePath().normalize().toString());

        Property directory = model.createProperty(TEXT, "directory");
        List<Resource> indexes = model.listSubjectsWithProperty(RDF.type, model.createResource(TEXT + "TextIndexLucene")).toList();
        if (indexes.size() > 1) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT,
                    configFile + ": expected at most one text:TextIndexLucene, found " + indexes.size());
        }
        for (Resource index : indexes) {
            index.removeAll(directory);
            index.addProperty(directory, store.toAbsolutePath().normalize().resolve(SearchIndexDefinition.FOLDER).toString());
        }

        if (timeout != null) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new SijillException(SijillException.Kind.BAD_INPUT, "the query time limit must be positive, got " + timeout);
            }
            Property cxtName = model.createProperty(JA, "cxtName");
            Property cxtValue = model.createProperty(JA, "cxtValue");
            List<Statement> settings = model.listStatements(null, cxtName, "arq:queryTimeout").toList();
            if (settings.isEmpty()) {
                throw new SijillException(SijillException.Kind.ENVIRONMENT,
                        configFile + ": no arq:queryTimeout context setting to apply --timeout to");
            }
            Literal millis = model.createLiteral(Long.toString(timeout.toMillis()));
            for (Statement s : settings) {
                Resource setting = s.getSubject();
                setting.removeAll(cxtValue);
                setting.addProperty(cxtValue, millis);
            }
        }
        return model;
    }
}
