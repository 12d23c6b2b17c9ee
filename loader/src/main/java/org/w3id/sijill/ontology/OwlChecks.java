package org.w3id.sijill.ontology;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.semanticweb.HermiT.Configuration;
import org.semanticweb.HermiT.ReasonerFactory;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.formats.TurtleDocumentFormat;
import org.semanticweb.owlapi.io.OWLParserException;
import org.semanticweb.owlapi.io.RDFParserMetaData;
import org.semanticweb.owlapi.io.StringDocumentSource;
import org.semanticweb.owlapi.model.OWLClass;
import org.semanticweb.owlapi.model.OWLDocumentFormat;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyCreationException;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileViolation;
import org.semanticweb.owlapi.reasoner.OWLReasoner;

/**
 * The checks that need an OWL tool: the OWL 2 DL profile (OWL API {@link OWL2DLProfile}) and
 * consistency and class satisfiability with the HermiT reasoner. A Jena model is handed to the
 * OWL API as Turtle, so in-memory copies are checked exactly like files.
 *
 * <pre>{@code
 * List<String> problems = OwlChecks.dlProfileProblems(ontologyModel);
 * List<String> more = OwlChecks.reasonerProblems(ontologyModel);
 * }</pre>
 */
public final class OwlChecks {
    private OwlChecks() {}

    /**
     * @param model an ontology (possibly with instance data such as concept schemes)
     * @return one message per triple the OWL parser could not turn into an axiom and per
     *         OWL 2 DL profile violation; empty when the model is OWL 2 DL
     */
    public static List<String> dlProfileProblems(Model model) {
        List<String> problems = new ArrayList<>();
        OWLOntology ont = load(model, problems);
        if (ont == null) return problems;
        for (OWLProfileViolation v : new OWL2DLProfile().checkOntology(ont).getViolations()) {
            problems.add("not OWL 2 DL: " + v.toString().replace('\n', ' '));
        }
        return problems;
    }

    /**
     * @param model an ontology (possibly with instance data)
     * @return a message when HermiT finds the model inconsistent, and one per unsatisfiable class
     */
    public static List<String> reasonerProblems(Model model) {
        List<String> problems = new ArrayList<>();
        OWLOntology ont = load(model, problems);
        if (ont == null) return problems;
        Configuration config = new Configuration();
        // xsd:date, xsd:gYear and xsd:gYearMonth are outside the OWL 2 datatype map HermiT implements;
        // they only occur as property ranges here, which do not bear on class satisfiability.
        config.ignoreUnsupportedDatatypes = true;
        config.throwInconsistentOntologyException = false;
        OWLReasoner reasoner = new ReasonerFactory().createReasoner(ont, config);
        try {
            if (!reasoner.isConsistent()) {
                problems.add("HermiT: the ontology is inconsistent");
                return problems;
            }
            for (OWLClass c : reasoner.getUnsatisfiableClasses().getEntitiesMinusBottom()) {
                problems.add("HermiT: unsatisfiable class " + c.getIRI());
            }
        } finally {
            reasoner.dispose();
        }
        return problems;
    }

    private static OWLOntology load(Model model, List<String> problems) {
        StringWriter turtle = new StringWriter();
        // N-Triples is Turtle without prefixes: the OWL API Turtle parser predates the SPARQL-style PREFIX Jena writes
        RDFDataMgr.write(turtle, model, Lang.NTRIPLES);
        OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
        try {
            OWLOntology ont = manager.loadOntologyFromOntologyDocument(
                    new StringDocumentSource(turtle.toString(), "urn:sijill:check", new TurtleDocumentFormat(), null));
            OWLDocumentFormat format = manager.getOntologyFormat(ont);
            if (format != null && format.getOntologyLoaderMetaData().orElse(null) instanceof RDFParserMetaData meta) {
                meta.getUnparsedTriples().forEach(t -> problems.add("not OWL: triple the OWL API cannot read as an axiom: "
                        + t.getSubject() + " " + t.getPredicate() + " " + t.getObject()));
            }
            return ont;
        } catch (OWLOntologyCreationException | OWLParserException e) {
            problems.add("the OWL API cannot load it: " + e.getMessage());
            return null;
        }
    }
}
