package org.w3id.sijill.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.w3id.sijill.core.ProjectPaths;
import org.w3id.sijill.vocab.SIJILL;

/**
 * Runs every ontology check on the project's {@code ontology/} folder and expects each to pass;
 * then breaks an in-memory copy (a label, a shape, a vocabulary constant, the DL profile, the
 * consistency, an undeclared term) and expects the matching check to fail with a clear message.
 */
class OntologyCheckerTest {

    static final List<String> CHECKS = OntologyChecker.CHECKS;

    static OntologyBundle bundle;
    static OntologyCheckReport report;

    @BeforeAll
    static void checkTheRealFolder() {
        bundle = OntologyBundle.load(ProjectPaths.locate().ontology());
        report = new OntologyChecker().check(bundle);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("CHECKS")
    void checkPasses(String name) {
        CheckResult r = report.result(name).orElseThrow(() -> new AssertionError("check " + name + " did not run"));
        assertTrue(r.passed(), () -> name + " failed:\n  " + String.join("\n  ", r.problems()));
    }

    @Test
    void everyCheckRanAndFilesWereFound() {
        assertEquals(CHECKS, report.results().stream().map(CheckResult::name).toList());
        assertTrue(bundle.schemes().size() >= 5, "concept schemes found: " + bundle.schemes().keySet());
        assertTrue(bundle.shapes().size() >= 1, "shapes files found: " + bundle.shapes().keySet());
        assertTrue(bundle.validExamples().size() >= 1, "valid examples found: " + bundle.validExamples().keySet());
        assertTrue(bundle.invalidExamples().size() >= 1, "invalid examples found: " + bundle.invalidExamples().keySet());
        assertTrue(bundle.invalidManifest().listStatements(null, OntologyChecker.MANIFEST_BREAKS, (Resource) null).toList().size()
                >= bundle.invalidExamples().size(), "every invalid example has a manifest entry");
        assertTrue(bundle.ontology().size() > 500, "the ontology has " + bundle.ontology().size() + " triples");
    }

    @Test
    void theOntologyFileOpensDirectlyInTheOwlApiAsInProtege() {
        OwlChecks owl = OwlChecks.load(ProjectPaths.locate().ontology().resolve(OntologyBundle.ONTOLOGY_FILE));
        assertEquals(List.of(), owl.dlProfileProblems());
        assertTrue(owl.axiomCount() > 500, "axioms read: " + owl.axiomCount());
    }

    @Test
    void removingAnArabicLabelFailsTermAnnotations() {
        Model broken = copy(bundle.ontology());
        Literal ar = broken.createLiteral("دولة", "ar");
        assertTrue(broken.contains(SIJILL.Country, RDFS.label, ar), "the ontology labels sijill:Country \"دولة\"@ar");
        broken.remove(SIJILL.Country, RDFS.label, ar);
        CheckResult r = only(bundle.withOntology(broken), OntologyChecker.TERM_ANNOTATIONS);
        assertFalse(r.passed());
        assertTrue(r.problems().contains("sijill:Country: missing rdfs:label @ar"), () -> String.join("\n", r.problems()));
    }

    @Test
    void twoTermsWithOneLabelFailTermAnnotations() {
        Model broken = copy(bundle.ontology());
        broken.add(SIJILL.refArea, RDFS.label, "الدولة المعنية", "ar");
        assertTrue(broken.contains(SIJILL.participant, RDFS.label, broken.createLiteral("الدولة المعنية", "ar")));
        CheckResult r = only(bundle.withOntology(broken), OntologyChecker.TERM_ANNOTATIONS);
        assertFalse(r.passed());
        assertTrue(r.problems().stream().anyMatch(x -> x.contains("\"الدولة المعنية\" is also the label of")), () -> String.join("\n", r.problems()));
    }

    @Test
    void anEnglishTextTaggedArabicFailsTermAnnotations() {
        Model broken = copy(bundle.ontology());
        broken.removeAll(SIJILL.Law, RDFS.label, null);
        broken.add(SIJILL.Law, RDFS.label, "Law", "en").add(SIJILL.Law, RDFS.label, "Law", "ar");
        CheckResult r = only(bundle.withOntology(broken), OntologyChecker.TERM_ANNOTATIONS);
        assertTrue(r.problems().contains("sijill:Law: rdfs:label @ar \"Law\" is not in Arabic script"), () -> String.join("\n", r.problems()));
    }

    @Test
    void removingAShapeConstraintLeavesItsInvalidExampleConformingAndFailsTheCheck() {
        Map<String, Model> shapes = new HashMap<>();
        bundle.shapes().forEach((k, v) -> shapes.put(k, copy(v)));
        Model actors = shapes.get("shapes/actors.ttl");
        Resource countryShape = actors.createResource(SIJILL.SHAPES_NS + "CountryShape");
        Statement arabicLabel = actors.listStatements(countryShape, actors.createProperty(SHACL.property.getURI()), (Resource) null).toList()
                .stream().filter(s -> s.getResource().hasProperty(actors.createProperty(SHACL.message.getURI()),
                        "a country needs an rdfs:label in Arabic (@ar, in Arabic script)"))
                .findFirst().orElseThrow(() -> new AssertionError("CountryShape has no Arabic-label constraint"));
        actors.remove(arabicLabel);
        CheckResult r = only(bundle.withShapes(shapes), OntologyChecker.INVALID_EXAMPLES);
        assertTrue(r.problems().contains("examples/invalid/country-without-arabic-label.ttl: conforms, but should break shp:CountryShape"),
                () -> String.join("\n", r.problems()));
    }

    @Test
    void aShapeWithoutInvalidExampleFailsTheShapesCheck() {
        Map<String, Model> shapes = new HashMap<>(bundle.shapes());
        Model extra = ModelFactory.createDefaultModel();
        Resource s = extra.createResource(SIJILL.SHAPES_NS + "UntestedShape");
        extra.add(s, RDF.type, extra.createResource(SHACL.NodeShape.getURI()))
                .add(s, extra.createProperty(SHACL.targetClass.getURI()), SIJILL.Court);
        shapes.put("shapes/extra.ttl", extra);
        CheckResult r = only(bundle.withShapes(shapes), OntologyChecker.SHAPES);
        assertTrue(r.problems().stream().anyMatch(p -> p.startsWith("shp:UntestedShape is not exercised")), () -> String.join("\n", r.problems()));
    }

    /** A vocabulary class with a constant the ontology does not declare. */
    static final class BrokenVocabulary {
        public static final Resource Ghost = SIJILL.resource("Ghost");
        public static final org.apache.jena.rdf.model.Property country = SIJILL.property("Country");
    }

    @Test
    void aConstantTheOntologyLacksFailsTheVocabularyCheck() {
        CheckResult r = new OntologyChecker(List.of(SIJILL.class, BrokenVocabulary.class))
                .check(bundle, List.of(OntologyChecker.VOCABULARY_CLASS)).results().get(0);
        assertTrue(r.problems().contains("BrokenVocabulary.Ghost: <https://w3id.org/sijill/ontology#Ghost> is not declared in the ontology"),
                () -> String.join("\n", r.problems()));
        assertTrue(r.problems().contains("BrokenVocabulary.country is <https://w3id.org/sijill/ontology#Country>, expected sijill:country"),
                () -> String.join("\n", r.problems()));
        assertTrue(r.problems().contains("BrokenVocabulary.country: a Property constant, but the ontology declares it as owl:Class"),
                () -> String.join("\n", r.problems()));
    }

    @Test
    void aTermWithoutConstantFailsTheVocabularyCheck() {
        Model broken = copy(bundle.ontology());
        broken.add(SIJILL.resource("Observatory"), RDF.type, OWL2.Class);
        CheckResult r = only(bundle.withOntology(broken), OntologyChecker.VOCABULARY_CLASS);
        assertTrue(r.problems().contains("sijill:Observatory has no constant in the vocabulary class"), () -> String.join("\n", r.problems()));
    }

    @Test
    void punningAPropertyFailsTheDlProfile() {
        Model broken = copy(bundle.ontology());
        broken.add(SIJILL.iso2, RDF.type, OWL2.ObjectProperty);
        CheckResult r = only(bundle.withOntology(broken), OntologyChecker.OWL2_DL);
        assertTrue(r.problems().stream().anyMatch(p -> p.startsWith("sijill.ttl: not OWL 2 DL: Cannot pun between properties")),
                () -> String.join("\n", r.problems()));
    }

    @Test
    void anUnsatisfiableClassFailsTheReasonerCheck() {
        Model broken = copy(bundle.ontology());
        broken.add(SIJILL.Regulator, OWL2.disjointWith, SIJILL.GovernmentBody);
        CheckResult r = only(bundle.withOntology(broken), OntologyChecker.REASONER);
        assertTrue(r.problems().contains("sijill.ttl + schemes: HermiT: unsatisfiable class " + SIJILL.Regulator.getURI()),
                () -> String.join("\n", r.problems()));
    }

    @Test
    void aMisspeltTermInAShapeFailsTheDeclaredTermsCheck() {
        Map<String, Model> shapes = new HashMap<>(bundle.shapes());
        Model extra = ModelFactory.createDefaultModel();
        extra.add(extra.createResource(), extra.createProperty(SHACL.path.getURI()), SIJILL.resource("jurisdicton"));
        shapes.put("shapes/typo.ttl", extra);
        CheckResult r = only(bundle.withShapes(shapes), OntologyChecker.DECLARED_TERMS);
        assertTrue(r.problems().contains("shapes/typo.ttl: uses sijill:jurisdicton, which the ontology does not declare"),
                () -> String.join("\n", r.problems()));
    }

    @Test
    void aConceptWhoseIriDisagreesWithItsNotationFailsTheSchemesCheck() {
        Map<String, Model> schemes = new HashMap<>(bundle.schemes());
        Model lt = copy(schemes.get("schemes/law-topic.ttl"));
        Resource c = SIJILL.concept("law-topic", "cybercrime");
        lt.removeAll(c, org.apache.jena.vocabulary.SKOS.notation, null).add(c, org.apache.jena.vocabulary.SKOS.notation, "cyber-crime");
        schemes.put("schemes/law-topic.ttl", lt);
        CheckResult r = only(bundle.withSchemes(schemes), OntologyChecker.SCHEMES);
        assertTrue(r.problems().stream().anyMatch(p -> p.contains("should be <https://w3id.org/sijill/id/concept/law-topic/cyber-crime>")),
                () -> String.join("\n", r.problems()));
        assertTrue(r.problems().stream().anyMatch(p -> p.contains("notations differ from the design contract; missing [cybercrime], extra [cyber-crime]")),
                () -> String.join("\n", r.problems()));
    }

    @Test
    void unknownCheckNameIsRejected() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new OntologyChecker().check(bundle, List.of("spelling")));
        assertTrue(e.getMessage().contains("no ontology check named 'spelling'"));
    }

    private static CheckResult only(OntologyBundle b, String check) {
        OntologyCheckReport r = new OntologyChecker().check(b, List.of(check));
        assertEquals(1, r.results().size());
        return r.results().get(0);
    }

    private static Model copy(Model m) {
        return ModelFactory.createDefaultModel().add(m).setNsPrefixes(m.getNsPrefixMap());
    }
}
