package org.w3id.sijill.loader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.sparql.graph.GraphFactory;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.core.SourceDataException;

/**
 * The ontology files a build uses: {@code sijill.ttl}, the concept schemes {@code schemes/*.ttl}
 * and the SHACL shapes {@code shapes/*.ttl}, each read as Turtle with syntax errors reported by
 * file and line.
 *
 * <pre>{@code
 * OntologyFiles onto = new OntologyFiles(Path.of("ontology"));
 * Graph ontologyAndSchemes = onto.ontologyAndSchemes();
 * }</pre>
 */
public record OntologyFiles(Path dir) {

    /** @return {@code sijill.ttl} */
    public Path ontology() { return dir.resolve("sijill.ttl"); }

    /** @return the concept-scheme files, sorted */
    public List<Path> schemes() { return list(dir.resolve("schemes")); }

    /** @return the shapes files, sorted */
    public List<Path> shapes() { return list(dir.resolve("shapes")); }

    /** @return the ontology and the concept schemes in one graph */
    public Graph ontologyAndSchemes() {
        if (!Files.isRegularFile(ontology())) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "no ontology at " + ontology());
        }
        Graph g = GraphFactory.createDefaultGraph();
        parse(ontology(), g);
        for (Path p : schemes()) parse(p, g);
        return g;
    }

    /** @return all shapes in one graph */
    public Graph shapesGraph() {
        Graph g = GraphFactory.createDefaultGraph();
        for (Path p : shapes()) parse(p, g);
        return g;
    }

    /** @return every file of the ontology folder that a build reads, in a stable order */
    public List<Path> all() {
        List<Path> all = new ArrayList<>();
        all.add(ontology());
        all.addAll(schemes());
        all.addAll(shapes());
        return all;
    }

    static void parse(Path file, Graph into) {
        try {
            RDFParser.source(file).lang(Lang.TURTLE).parse(into);
        } catch (RiotException e) {
            throw new SourceDataException(file, 0, null, "Turtle syntax error: " + e.getMessage());
        }
    }

    private static List<Path> list(Path folder) {
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".ttl")).sorted().toList();
        } catch (IOException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "cannot list " + folder + ": " + e.getMessage(), e);
        }
    }
}
