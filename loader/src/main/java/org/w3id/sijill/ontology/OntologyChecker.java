package org.w3id.sijill.ontology;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.parser.ShaclParseException;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.XSD;
import org.w3id.sijill.vocab.SIJILL;

/**
 * Runs the named checks of the ontology folder and reports each with its problems. The same
 * checks back the JUnit tests and {@code sijill validate-ontology}:
 * <ol>
 *   <li>{@value #PARSE}: every file parses as Turtle;</li>
 *   <li>{@value #HEADER}: the owl:Ontology header (titles en/ar, description, licence, dates,
 *       version IRI and info, VANN prefix and namespace);</li>
 *   <li>{@value #TERM_ANNOTATIONS}: every {@code sijill:} term has rdfs:label @en and @ar (in Arabic
 *       script), skos:definition @en and rdfs:isDefinedBy the ontology;</li>
 *   <li>{@value #DECLARED_TERMS}: every {@code sijill:} IRI used in any file is declared in the ontology;</li>
 *   <li>{@value #VOCABULARY_CLASS}: every constant of the vocabulary class is declared with the right
 *       kind, and every term of the ontology has a constant;</li>
 *   <li>{@value #OWL2_DL}: the ontology, and the ontology with the schemes, are in the OWL 2 DL
 *       profile (OWL API);</li>
 *   <li>{@value #REASONER}: HermiT finds the ontology with the schemes consistent and no class unsatisfiable;</li>
 *   <li>{@value #SCHEMES}: scheme and concept IRIs follow the notation, top concepts agree, mapped
 *       concepts exist, the contract schemes have exactly the contract notations;</li>
 *   <li>{@value #SCHEMES_CONFORM}: the schemes conform to the shapes;</li>
 *   <li>{@value #SHAPES}: the shapes parse, are named, every targeted shape is broken by an
 *       invalid example, every helper shape is used, every class of the ontology is targeted;</li>
 *   <li>{@value #VALID_EXAMPLES}: each valid example conforms;</li>
 *   <li>{@value #INVALID_EXAMPLES}: each invalid example fails with exactly the shape its manifest
 *       entry names.</li>
 * </ol>
 *
 * <pre>{@code
 * OntologyCheckReport report = new OntologyChecker().check(ProjectPaths.locate().ontology());
 * report.failed().forEach(r -> r.problems().forEach(System.out::println));
 * }</pre>
 */
public final class OntologyChecker {

    public static final String PARSE = "parse";
    public static final String HEADER = "ontology-header";
    public static final String TERM_ANNOTATIONS = "term-annotations";
    public static final String DECLARED_TERMS = "declared-terms";
    public static final String VOCABULARY_CLASS = "vocabulary-class";
    public static final String OWL2_DL = "owl2-dl-profile";
    public static final String REASONER = "reasoner";
    public static final String SCHEMES = "concept-schemes";
    public static final String SCHEMES_CONFORM = "schemes-conform";
    public static final String SHAPES = "shapes";
    public static final String VALID_EXAMPLES = "valid-examples";
    public static final String INVALID_EXAMPLES = "invalid-examples";

    /** The namespace of the SHACL shapes. */
    public static final String SHAPES_NS = SIJILL.SHAPES_NS;
    /** The namespace of the invalid-examples manifest terms ({@code file}, {@code breaks}). */
    public static final String MANIFEST_NS = "https://w3id.org/sijill/shapes/examples#";
    public static final Property MANIFEST_FILE = ResourceFactory.createProperty(MANIFEST_NS + "file");
    public static final Property MANIFEST_BREAKS = ResourceFactory.createProperty(MANIFEST_NS + "breaks");

    /** The notations of the concept schemes fixed by the design contract. */
    public static final Map<String, Set<String>> CONTRACT_NOTATIONS = Map.of(
            "law-topic", Set.of("cybercrime", "personal-data-protection", "e-transactions", "e-signature", "e-commerce",
                    "consumer-protection", "child-online-protection", "access-to-information", "cybersecurity",
                    "intellectual-property", "indirect-taxation"),
            "legal-status", Set.of("enacted", "draft", "none", "no-data"),
            "stakeholder-group", Set.of("government", "private-sector", "civil-society", "technical-community",
                    "academia", "intergovernmental"),
            "recommendation-category", Set.of("legislative-framework", "regional-international-cooperation",
                    "national-frameworks"),
            "arab-igf-5-theme", Set.of("meaningful-access", "cybersecurity-privacy-trust-peace",
                    "digital-transformation-internet-economy", "institutional-empowerment", "social-human-impact",
                    "gender-equality", "capacity-building", "legislative-frameworks"));

    private static final Pattern ARABIC = Pattern.compile("[\\u0600-\\u06FF]");
    private static final Resource ONTOLOGY = ResourceFactory.createResource(SIJILL.ONTOLOGY_IRI);
    private static final String VANN = "http://purl.org/vocab/vann/";
    private static final List<Resource> TERM_TYPES = List.of(OWL2.Class, OWL2.ObjectProperty, OWL2.DatatypeProperty, OWL2.AnnotationProperty,
            OWL2.NamedIndividual);
    private static final List<Property> MATCHES = List.of(SKOS.closeMatch, SKOS.exactMatch, SKOS.broadMatch, SKOS.narrowMatch, SKOS.relatedMatch);

    private final List<Class<?>> vocabularyClasses;

    /** A checker that compares the ontology with {@link SIJILL}. */
    public OntologyChecker() {
        this(List.of(SIJILL.class));
    }

    /** @param vocabularyClasses the Java classes whose public static Resource/Property constants mirror the ontology */
    public OntologyChecker(List<Class<?>> vocabularyClasses) {
        this.vocabularyClasses = List.copyOf(vocabularyClasses);
    }

    /** Loads the folder and checks it. */
    public OntologyCheckReport check(Path ontologyDir) {
        return check(OntologyBundle.load(ontologyDir));
    }

    /** Runs every check on the bundle; a check that fails unexpectedly reports that as its problem. */
    public OntologyCheckReport check(OntologyBundle b) {
        return check(b, CHECKS);
    }

    /** The names of all checks, in the order they run. */
    public static final List<String> CHECKS = List.of(PARSE, HEADER, TERM_ANNOTATIONS, DECLARED_TERMS, VOCABULARY_CLASS,
            OWL2_DL, REASONER, SCHEMES, SCHEMES_CONFORM, SHAPES, VALID_EXAMPLES, INVALID_EXAMPLES);

    /**
     * Runs the named checks only.
     *
     * @param names some of {@link #CHECKS}
     * @throws IllegalArgumentException for a name that is not a check
     */
    public OntologyCheckReport check(OntologyBundle b, Collection<String> names) {
        for (String n : names) {
            if (!CHECKS.contains(n)) throw new IllegalArgumentException("no ontology check named '" + n + "'; checks: " + CHECKS);
        }
        // each model goes into the OWL API once, for both the profile and the reasoner
        Map<Model, OwlChecks> owl = new IdentityHashMap<>();
        Model ontologyAndSchemes = b.ontologyAndSchemes();
        Function<Model, OwlChecks> owlOf = m -> owl.computeIfAbsent(m, OwlChecks::load);
        Map<String, String> descriptions = new LinkedHashMap<>();
        Map<String, Function<OntologyBundle, List<String>>> checks = new LinkedHashMap<>();
        add(descriptions, checks, PARSE, "ontology, schemes, shapes and examples parse as Turtle", bb -> bb.parseProblems());
        add(descriptions, checks, HEADER, "owl:Ontology header: titles en/ar, description, licence, dates, version, VANN", this::header);
        add(descriptions, checks, TERM_ANNOTATIONS, "every sijill: term has rdfs:label @en and @ar, skos:definition @en, rdfs:isDefinedBy", this::termAnnotations);
        add(descriptions, checks, DECLARED_TERMS, "every sijill: IRI used in ontology, schemes, shapes and examples is declared", this::declaredTerms);
        add(descriptions, checks, VOCABULARY_CLASS, "the Java vocabulary class and the ontology declare the same terms", this::vocabularyClass);
        add(descriptions, checks, OWL2_DL, "ontology (alone and with the schemes) is in the OWL 2 DL profile", bb -> owl2dl(owlOf.apply(bb.ontology()), owlOf.apply(ontologyAndSchemes)));
        add(descriptions, checks, REASONER, "HermiT: ontology with the schemes consistent, no unsatisfiable class",
                bb -> owlOf.apply(ontologyAndSchemes).reasonerProblems().stream().map(s -> "sijill.ttl + schemes: " + s).toList());
        add(descriptions, checks, SCHEMES, "concept schemes: IRIs from notations, top concepts, mappings, contract notations", this::schemes);
        add(descriptions, checks, SCHEMES_CONFORM, "concept schemes conform to the shapes", this::schemesConform);
        add(descriptions, checks, SHAPES, "shapes parse, are named, used, exercised by invalid examples, and cover every class", this::shapes);
        add(descriptions, checks, VALID_EXAMPLES, "each examples/valid/*.ttl conforms to the shapes", this::validExamples);
        add(descriptions, checks, INVALID_EXAMPLES, "each examples/invalid/*.ttl fails with exactly the shape its manifest entry names", this::invalidExamples);
        List<CheckResult> results = new ArrayList<>();
        for (var e : checks.entrySet()) {
            if (!names.contains(e.getKey())) continue;
            List<String> problems;
            long start = System.nanoTime();
            try {
                problems = e.getValue().apply(b);
            } catch (RuntimeException ex) {
                problems = List.of("the check could not run: " + ex);
            }
            results.add(new CheckResult(e.getKey(), descriptions.get(e.getKey()), problems, (System.nanoTime() - start) / 1_000_000));
        }
        return new OntologyCheckReport(results);
    }

    private static void add(Map<String, String> d, Map<String, Function<OntologyBundle, List<String>>> c, String name,
                            String description, Function<OntologyBundle, List<String>> fn) {
        d.put(name, description);
        c.put(name, fn);
    }

    // ------------------------------------------------------------------------------------------
    // header and terms

    private List<String> header(OntologyBundle b) {
        Model m = b.ontology();
        List<String> p = new ArrayList<>();
        if (!m.contains(ONTOLOGY, RDF.type, OWL2.Ontology)) {
            return List.of("sijill.ttl: no <" + SIJILL.ONTOLOGY_IRI + "> a owl:Ontology");
        }
        requireLang(m, ONTOLOGY, DCTerms.title, "en", p);
        requireLang(m, ONTOLOGY, DCTerms.title, "ar", p);
        requireLang(m, ONTOLOGY, DCTerms.description, "en", p);
        for (Property prop : List.of(DCTerms.license, DCTerms.created, DCTerms.modified, OWL2.versionIRI, OWL2.versionInfo)) {
            if (!m.contains(ONTOLOGY, prop)) p.add("ontology header: missing " + m.shortForm(prop.getURI()));
        }
        Property prefix = m.createProperty(VANN + "preferredNamespacePrefix");
        Property uri = m.createProperty(VANN + "preferredNamespaceUri");
        if (!m.contains(ONTOLOGY, prefix, "sijill")) p.add("ontology header: vann:preferredNamespacePrefix must be \"sijill\"");
        if (!m.contains(ONTOLOGY, uri, SIJILL.NS)) p.add("ontology header: vann:preferredNamespaceUri must be \"" + SIJILL.NS + "\"");
        if (!m.contains(ONTOLOGY, DCTerms.license, m.createResource("https://creativecommons.org/licenses/by/4.0/"))) {
            p.add("ontology header: dcterms:license must be <https://creativecommons.org/licenses/by/4.0/>");
        }
        return p;
    }

    private List<String> termAnnotations(OntologyBundle b) {
        Model m = b.ontology();
        List<String> p = new ArrayList<>();
        Map<Resource, Resource> terms = declaredTerms(m);
        if (terms.isEmpty()) return List.of("sijill.ttl declares no sijill: term");
        for (Resource t : terms.keySet()) {
            String name = "sijill:" + t.getLocalName();
            requireLang(m, t, RDFS.label, "en", p);
            requireLang(m, t, RDFS.label, "ar", p);
            requireLang(m, t, SKOS.definition, "en", p);
            for (Statement s : m.listStatements(t, RDFS.label, (RDFNode) null).toList()) {
                if (s.getObject().isLiteral() && "ar".equals(s.getLiteral().getLanguage())
                        && !ARABIC.matcher(s.getString()).find()) {
                    p.add(name + ": rdfs:label @ar \"" + s.getString() + "\" is not in Arabic script");
                }
            }
            if (!m.contains(t, RDFS.isDefinedBy, ONTOLOGY)) p.add(name + ": missing rdfs:isDefinedBy <" + SIJILL.ONTOLOGY_IRI + ">");
        }
        // a reader tells terms apart by their labels (the ontology page, the property rows of every page)
        Map<String, String> byLabel = new HashMap<>();
        for (Resource t : terms.keySet()) {
            for (Statement s : m.listStatements(t, RDFS.label, (RDFNode) null).toList()) {
                if (!s.getObject().isLiteral()) continue;
                String key = s.getLiteral().getLanguage() + "\u0000" + s.getString().strip();
                String other = byLabel.putIfAbsent(key, "sijill:" + t.getLocalName());
                if (other != null) {
                    p.add("sijill:" + t.getLocalName() + ": rdfs:label @" + s.getLiteral().getLanguage() + " \"" + s.getString()
                            + "\" is also the label of " + other);
                }
            }
        }
        return p;
    }

    private static void requireLang(Model m, Resource s, Property prop, String lang, List<String> p) {
        boolean found = m.listStatements(s, prop, (RDFNode) null).toList().stream()
                .anyMatch(st -> st.getObject().isLiteral() && lang.equals(st.getLiteral().getLanguage())
                        && !st.getString().isBlank());
        if (!found) {
            String name = s.getURI().startsWith(SIJILL.NS) ? "sijill:" + s.getLocalName() : "<" + s.getURI() + ">";
            p.add(name + ": missing " + m.shortForm(prop.getURI()) + " @" + lang);
        }
    }

    /** @return the sijill: terms the model declares, with their declared type (the first of class, object, datatype, annotation property) */
    static Map<Resource, Resource> declaredTerms(Model m) {
        Map<Resource, Resource> out = new LinkedHashMap<>();
        for (Resource type : TERM_TYPES) {
            for (Resource s : m.listSubjectsWithProperty(RDF.type, type).toList()) {
                if (s.isURIResource() && s.getURI().startsWith(SIJILL.NS)) out.putIfAbsent(s, type);
            }
        }
        return out;
    }

    private List<String> declaredTerms(OntologyBundle b) {
        Set<String> declared = new HashSet<>();
        declaredTerms(b.ontology()).keySet().forEach(r -> declared.add(r.getURI()));
        List<String> p = new ArrayList<>();
        Map<String, Model> files = new LinkedHashMap<>();
        files.put(OntologyBundle.ONTOLOGY_FILE, b.ontology());
        files.putAll(b.schemes());
        files.putAll(b.shapes());
        files.putAll(b.examples());
        for (var f : files.entrySet()) {
            Set<String> undeclared = new TreeSet<>();
            f.getValue().getGraph().find().forEach(t -> {
                for (Node n : List.of(t.getSubject(), t.getPredicate(), t.getObject())) {
                    if (n.isURI() && n.getURI().startsWith(SIJILL.NS) && !declared.contains(n.getURI())) undeclared.add(n.getURI());
                }
            });
            undeclared.forEach(u -> p.add(f.getKey() + ": uses sijill:" + u.substring(SIJILL.NS.length()) + ", which the ontology does not declare"));
        }
        return p;
    }

    /** @return whether a declaration type is a kind of property (classes and individuals are Resource constants) */
    private static boolean isProperty(Resource type) {
        return type.equals(OWL2.ObjectProperty) || type.equals(OWL2.DatatypeProperty) || type.equals(OWL2.AnnotationProperty);
    }

    private List<String> vocabularyClass(OntologyBundle b) {
        Map<Resource, Resource> declared = declaredTerms(b.ontology());
        List<String> p = new ArrayList<>();
        Set<String> constants = new HashSet<>();
        for (Class<?> c : vocabularyClasses) {
            int found = 0;
            for (Field f : c.getFields()) {
                if (!Modifier.isStatic(f.getModifiers()) || !Resource.class.isAssignableFrom(f.getType())) continue;
                Resource r;
                try {
                    r = (Resource) f.get(null);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read " + c.getName() + "." + f.getName(), e);
                }
                found++;
                String name = c.getSimpleName() + "." + f.getName();
                constants.add(r.getURI());
                if (!r.getURI().equals(SIJILL.NS + f.getName())) {
                    p.add(name + " is <" + r.getURI() + ">, expected sijill:" + f.getName());
                }
                Resource type = declared.get(r);
                boolean wantProperty = Property.class.isAssignableFrom(f.getType());
                if (type == null) {
                    p.add(name + ": <" + r.getURI() + "> is not declared in the ontology");
                } else if (wantProperty ? !isProperty(type) : isProperty(type)) {
                    p.add(name + ": a " + (wantProperty ? "Property" : "Resource") + " constant, but the ontology declares it as "
                            + b.ontology().shortForm(type.getURI()));
                }
            }
            if (found == 0) p.add(c.getName() + " has no public static Resource or Property constant");
        }
        for (Resource t : declared.keySet()) {
            if (!constants.contains(t.getURI())) p.add("sijill:" + t.getLocalName() + " has no constant in the vocabulary class");
        }
        return p;
    }

    // ------------------------------------------------------------------------------------------
    // OWL

    private static List<String> owl2dl(OwlChecks ontology, OwlChecks withSchemes) {
        List<String> p = new ArrayList<>();
        ontology.dlProfileProblems().forEach(s -> p.add("sijill.ttl: " + s));
        withSchemes.dlProfileProblems().forEach(s -> p.add("sijill.ttl + schemes: " + s));
        return p;
    }

    // ------------------------------------------------------------------------------------------
    // concept schemes

    private List<String> schemes(OntologyBundle b) {
        List<String> p = new ArrayList<>();
        if (b.schemes().isEmpty()) return List.of("schemes/: no concept scheme file");
        Model all = ModelFactory.createDefaultModel();
        b.schemes().values().forEach(all::add);
        Map<String, Set<String>> notationsByScheme = new HashMap<>();
        for (var f : b.schemes().entrySet()) {
            String file = f.getKey();
            Model m = f.getValue();
            String scheme = file.substring(file.lastIndexOf('/') + 1, file.length() - ".ttl".length());
            Resource schemeIri = m.createResource(SIJILL.ID + "scheme/" + scheme);
            List<Resource> schemes = m.listSubjectsWithProperty(RDF.type, SKOS.ConceptScheme).toList();
            if (schemes.size() != 1 || !schemes.get(0).equals(schemeIri)) {
                p.add(file + ": must describe exactly one skos:ConceptScheme, <" + schemeIri.getURI() + ">, found " + schemes);
                continue;
            }
            Set<String> notations = new TreeSet<>();
            List<Resource> concepts = m.listSubjectsWithProperty(RDF.type, SKOS.Concept).toList();
            if (concepts.isEmpty()) p.add(file + ": no skos:Concept");
            for (Resource c : concepts) {
                String label = file + ": <" + c.getURI() + ">";
                if (!m.contains(c, SKOS.inScheme, schemeIri)) p.add(label + " is not skos:inScheme <" + schemeIri.getURI() + ">");
                List<RDFNode> ns = m.listObjectsOfProperty(c, SKOS.notation).toList();
                if (ns.size() != 1 || !ns.get(0).isLiteral() || !XSD.xstring.getURI().equals(ns.get(0).asLiteral().getDatatypeURI())) {
                    p.add(label + " needs exactly one plain-string skos:notation, found " + ns);
                    continue;
                }
                String notation = ns.get(0).asLiteral().getLexicalForm();
                notations.add(notation);
                String expected = SIJILL.ID + "concept/" + scheme + "/" + notation;
                if (!expected.equals(c.getURI())) p.add(label + " should be <" + expected + "> (from its notation)");
                boolean top = m.contains(c, SKOS.topConceptOf, schemeIri);
                if (top != m.contains(schemeIri, SKOS.hasTopConcept, c)) {
                    p.add(label + ": skos:topConceptOf and the scheme's skos:hasTopConcept disagree");
                }
                if (!top && !c.hasProperty(SKOS.broader)) p.add(label + " is neither a top concept nor has a skos:broader");
                for (Property match : MATCHES) {
                    for (RDFNode o : m.listObjectsOfProperty(c, match).toList()) {
                        if (!o.isURIResource() || !all.contains(o.asResource(), RDF.type, SKOS.Concept)) {
                            p.add(label + ": " + all.shortForm(match.getURI()) + " " + o + " is not a concept of any scheme");
                        }
                    }
                }
            }
            for (RDFNode o : m.listObjectsOfProperty(schemeIri, SKOS.hasTopConcept).toList()) {
                if (!m.contains(o.asResource(), RDF.type, SKOS.Concept)) p.add(file + ": top concept " + o + " is not described");
            }
            notationsByScheme.put(scheme, notations);
        }
        for (var e : CONTRACT_NOTATIONS.entrySet()) {
            Set<String> have = notationsByScheme.get(e.getKey());
            if (have == null) {
                p.add("schemes/" + e.getKey() + ".ttl: missing (a concept scheme of the design contract)");
            } else if (!have.equals(e.getValue())) {
                Set<String> missing = new TreeSet<>(e.getValue());
                missing.removeAll(have);
                Set<String> extra = new TreeSet<>(have);
                extra.removeAll(e.getValue());
                p.add("schemes/" + e.getKey() + ".ttl: notations differ from the design contract; missing " + missing + ", extra " + extra);
            }
        }
        return p;
    }

    private List<String> schemesConform(OntologyBundle b) {
        ShapeValidation v = new ShapeValidation(b.allShapes());
        ValidationReport r = v.validate(b.ontologyAndSchemes());
        return r.conforms() ? List.of() : v.describe(r).stream().map(s -> "schemes: " + s).toList();
    }

    // ------------------------------------------------------------------------------------------
    // shapes and examples

    private List<String> shapes(OntologyBundle b) {
        Model shapes = b.allShapes();
        if (b.shapes().isEmpty()) return List.of("shapes/: no shapes file");
        try {
            new ShapeValidation(shapes);
        } catch (ShaclParseException e) {
            return List.of("shapes do not parse as SHACL: " + e.getMessage());
        }
        List<String> p = new ArrayList<>();
        Set<Resource> broken = new HashSet<>();
        b.invalidManifest().listObjectsOfProperty(MANIFEST_BREAKS).forEach(o -> broken.add(o.asResource()));
        List<Property> targets = List.of(SHACL.targetClass, SHACL.targetNode, SHACL.targetObjectsOf, SHACL.targetSubjectsOf)
                .stream().map(n -> shapes.createProperty(n.getURI())).toList();
        Resource nodeShape = shapes.createResource(SHACL.NodeShape.getURI());
        Set<Resource> targetedClasses = new HashSet<>();
        for (Resource s : shapes.listSubjectsWithProperty(RDF.type, nodeShape).toList()) {
            if (!s.isURIResource() || !s.getURI().startsWith(SHAPES_NS)) {
                p.add("node shape " + s + " must be named in <" + SHAPES_NS + ">");
                continue;
            }
            String name = "shp:" + s.getURI().substring(SHAPES_NS.length());
            boolean targeted = targets.stream().anyMatch(s::hasProperty);
            if (targeted && !broken.contains(s)) p.add(name + " is not exercised: no invalid example in examples/invalid/manifest.ttl breaks it");
            if (!targeted && !shapes.contains(null, null, s)) p.add(name + " has no target and no shape uses it");
            shapes.listObjectsOfProperty(s, targets.get(0)).forEach(o -> targetedClasses.add(o.asResource()));
        }
        Model ont = b.ontology();
        for (var e : declaredTerms(ont).entrySet()) {
            if (!OWL2.Class.equals(e.getValue())) continue;
            if (superClassesAndSelf(ont, e.getKey()).stream().noneMatch(targetedClasses::contains)) {
                p.add("sijill:" + e.getKey().getLocalName() + " has no shape (sh:targetClass on it or a superclass)");
            }
        }
        return p;
    }

    private static Set<Resource> superClassesAndSelf(Model m, Resource c) {
        Set<Resource> out = new HashSet<>();
        List<Resource> todo = new ArrayList<>(List.of(c));
        while (!todo.isEmpty()) {
            Resource r = todo.remove(todo.size() - 1);
            if (!out.add(r)) continue;
            m.listObjectsOfProperty(r, RDFS.subClassOf).forEach(o -> { if (o.isURIResource()) todo.add(o.asResource()); });
        }
        return out;
    }

    private Model withOntologyAndSchemes(OntologyBundle b, Model example) {
        return b.ontologyAndSchemes().add(example);
    }

    private List<String> validExamples(OntologyBundle b) {
        if (b.validExamples().isEmpty()) return List.of("examples/valid/: no example found");
        ShapeValidation v = new ShapeValidation(b.allShapes());
        List<String> p = new ArrayList<>();
        for (var e : b.validExamples().entrySet()) {
            ValidationReport r = v.validate(withOntologyAndSchemes(b, e.getValue()));
            if (!r.conforms()) v.describe(r).forEach(s -> p.add(e.getKey() + ": " + s));
        }
        return p;
    }

    private List<String> invalidExamples(OntologyBundle b) {
        if (b.invalidExamples().isEmpty()) return List.of("examples/invalid/: no example found");
        ShapeValidation v = new ShapeValidation(b.allShapes());
        List<String> p = new ArrayList<>();
        Model manifest = b.invalidManifest();
        Map<String, Resource> breaks = new HashMap<>();
        for (Statement s : manifest.listStatements(null, MANIFEST_FILE, (RDFNode) null).toList()) {
            String file = "examples/invalid/" + s.getString();
            List<RDFNode> shapes = manifest.listObjectsOfProperty(s.getSubject(), MANIFEST_BREAKS).toList();
            if (shapes.size() != 1 || !shapes.get(0).isURIResource()) {
                p.add("examples/invalid/manifest.ttl: entry for " + s.getString() + " must name exactly one shape it breaks");
            } else if (breaks.put(file, shapes.get(0).asResource()) != null) {
                p.add("examples/invalid/manifest.ttl: more than one entry for " + s.getString());
            }
            if (!b.invalidExamples().containsKey(file)) p.add("examples/invalid/manifest.ttl: " + s.getString() + " does not exist or does not parse");
        }
        for (var e : b.invalidExamples().entrySet()) {
            Resource expected = breaks.get(e.getKey());
            if (expected == null) {
                p.add(e.getKey() + ": no entry in examples/invalid/manifest.ttl says which shape it breaks");
                continue;
            }
            ValidationReport r = v.validate(withOntologyAndSchemes(b, e.getValue()));
            Set<Node> got = v.namedShapesOf(r);
            String want = v.shortName(expected.asNode());
            if (r.conforms()) {
                p.add(e.getKey() + ": conforms, but should break " + want);
            } else if (!got.equals(Set.of(expected.asNode()))) {
                p.add(e.getKey() + ": should break only " + want + ", but breaks " + got.stream().map(v::shortName).toList());
                v.describe(r).forEach(s -> p.add(e.getKey() + ":   " + s));
            }
        }
        return p;
    }
}
