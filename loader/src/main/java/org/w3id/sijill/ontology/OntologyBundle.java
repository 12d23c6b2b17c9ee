package org.w3id.sijill.ontology;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.RiotParseException;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.w3id.sijill.core.SijillException;

/**
 * The files of the {@code ontology/} folder, parsed: the ontology {@code sijill.ttl}, the concept
 * schemes {@code schemes/*.ttl}, the SHACL shapes {@code shapes/*.ttl}, and the examples
 * {@code examples/valid/*.ttl}, {@code examples/invalid/*.ttl} with the manifest
 * {@code examples/invalid/manifest.ttl} that says which shape each invalid example breaks.
 * Files are keyed by their path relative to the folder ({@code schemes/law-topic.ttl}). A file
 * that does not parse is left out and its error, with line and column, is kept in
 * {@link #parseProblems()}. The models are in memory and may be swapped, which is how tests
 * check that a broken copy is caught.
 *
 * <pre>{@code
 * OntologyBundle bundle = OntologyBundle.load(ProjectPaths.locate().ontology());
 * Model ontology = bundle.ontology();
 * }</pre>
 */
public record OntologyBundle(
        Model ontology,
        Map<String, Model> schemes,
        Map<String, Model> shapes,
        Map<String, Model> validExamples,
        Map<String, Model> invalidExamples,
        Model invalidManifest,
        List<String> parseProblems) {

    /** The ontology file inside the folder. */
    public static final String ONTOLOGY_FILE = "sijill.ttl";
    /** The manifest of invalid examples inside {@code examples/invalid/}. */
    public static final String MANIFEST_FILE = "manifest.ttl";

    public OntologyBundle {
        schemes = Collections.unmodifiableMap(new TreeMap<>(schemes));
        shapes = Collections.unmodifiableMap(new TreeMap<>(shapes));
        validExamples = Collections.unmodifiableMap(new TreeMap<>(validExamples));
        invalidExamples = Collections.unmodifiableMap(new TreeMap<>(invalidExamples));
        parseProblems = List.copyOf(parseProblems);
    }

    /**
     * Reads and parses every file of an ontology folder.
     *
     * @param dir the {@code ontology/} folder
     * @return the bundle; parse errors are in {@link #parseProblems()}, never thrown
     * @throws SijillException (environment) when the folder or a subfolder cannot be listed
     */
    public static OntologyBundle load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "no ontology folder at " + dir);
        }
        List<String> problems = new ArrayList<>();
        Model ontology = parse(dir, ONTOLOGY_FILE, problems);
        if (ontology == null) ontology = ModelFactory.createDefaultModel();
        Map<String, Model> schemes = parseAll(dir, "schemes", problems);
        Map<String, Model> shapes = parseAll(dir, "shapes", problems);
        Map<String, Model> valid = parseAll(dir, "examples/valid", problems);
        Map<String, Model> invalid = parseAll(dir, "examples/invalid", problems);
        Model manifest = invalid.remove("examples/invalid/" + MANIFEST_FILE);
        if (manifest == null) manifest = ModelFactory.createDefaultModel();
        return new OntologyBundle(ontology, schemes, shapes, valid, invalid, manifest, problems);
    }

    /** @return a copy of this bundle with another ontology model */
    public OntologyBundle withOntology(Model other) {
        return new OntologyBundle(other, schemes, shapes, validExamples, invalidExamples, invalidManifest, parseProblems);
    }

    /** @return a copy of this bundle with other shapes files */
    public OntologyBundle withShapes(Map<String, Model> other) {
        return new OntologyBundle(ontology, schemes, other, validExamples, invalidExamples, invalidManifest, parseProblems);
    }

    /** @return a copy of this bundle with other concept-scheme files */
    public OntologyBundle withSchemes(Map<String, Model> other) {
        return new OntologyBundle(ontology, other, shapes, validExamples, invalidExamples, invalidManifest, parseProblems);
    }

    /** @return every example, the valid ones first, keyed by path ({@code examples/invalid/x.ttl}; not the manifest) */
    public Map<String, Model> examples() {
        Map<String, Model> all = new java.util.LinkedHashMap<>(validExamples);
        all.putAll(invalidExamples);
        return Collections.unmodifiableMap(all);
    }

    /** @return all shapes files merged into one model */
    public Model allShapes() {
        return union(shapes.values());
    }

    /** @return the ontology and all concept schemes merged into one model */
    public Model ontologyAndSchemes() {
        Model m = ModelFactory.createDefaultModel().add(ontology);
        schemes.values().forEach(m::add);
        return m;
    }

    static Model union(Iterable<Model> models) {
        Model m = ModelFactory.createDefaultModel();
        models.forEach(m::add);
        return m;
    }

    private static Map<String, Model> parseAll(Path dir, String sub, List<String> problems) {
        Map<String, Model> out = new TreeMap<>();
        Path folder = dir.resolve(sub);
        if (!Files.isDirectory(folder)) {
            problems.add(sub + "/: folder missing");
            return out;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".ttl")).sorted().toList()) {
                String rel = sub + "/" + f.getFileName();
                Model m = parse(dir, rel, problems);
                if (m != null) out.put(rel, m);
            }
        } catch (IOException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "cannot list " + folder + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static Model parse(Path dir, String rel, List<String> problems) {
        Path file = dir.resolve(rel);
        if (!Files.isRegularFile(file)) {
            problems.add(rel + ": file missing");
            return null;
        }
        Model m = ModelFactory.createDefaultModel();
        try {
            RDFParser.source(file).lang(Lang.TURTLE).base(file.toUri().toString())
                    .errorHandler(ErrorHandlerFactory.errorHandlerExceptions()).parse(m);
            return m;
        } catch (RiotParseException e) {
            problems.add(rel + ":" + e.getLine() + ":" + e.getCol() + ": " + e.getOriginalMessage());
            return null;
        } catch (RiotException e) {
            problems.add(rel + ": does not parse as Turtle: " + e.getMessage());
            return null;
        }
    }
}
