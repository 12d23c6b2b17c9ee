package org.w3id.sijill.ontology;

import java.io.StringWriter;
import java.nio.file.Path;
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
 * OWL API once, as N-Triples, so in-memory copies are checked exactly like files.
 *
 * <pre>{@code
 * OwlChecks owl = OwlChecks.load(ontologyModel);
 * List<String> problems = owl.dlProfileProblems();
 * problems.addAll(owl.reasonerProblems());
 * }</pre>
 */
public final class OwlChecks {

    private final OWLOntology ontology;
    private final List<String> loadProblems;

    private OwlChecks(OWLOntology ontology, List<String> loadProblems) {
        this.ontology = ontology;
        this.loadProblems = List.copyOf(loadProblems);
    }

    /** @return the model loaded into the OWL API (problems loading it are reported by both checks) */
    public static OwlChecks load(Model model) {
        List<String> problems = new ArrayList<>();
        OWLOntology ont = toOwl(model, problems);
        return new OwlChecks(ont, problems);
    }

    /**
     * Loads a file straight into the OWL API, choosing the parser by content as Protégé does (no
     * Jena in between): a check that the file itself is readable by OWL tools.
     */
    public static OwlChecks load(Path file) {
        List<String> problems = new ArrayList<>();
        OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
        try {
            OWLOntology ont = manager.loadOntologyFromOntologyDocument(file.toFile());
            unparsed(manager, ont, problems);
            return new OwlChecks(ont, problems);
        } catch (OWLOntologyCreationException | OWLParserException e) {
            problems.add(file + ": the OWL API cannot load it: " + e.getMessage());
            return new OwlChecks(null, problems);
        }
    }

    /** @return the number of logical and annotation axioms, 0 when the model did not load */
    public int axiomCount() {
        return ontology == null ? 0 : ontology.getAxiomCount();
    }

    /**
     * @return one message per triple the OWL parser could not turn into an axiom and per OWL 2 DL
     *         profile violation; empty when the model is OWL 2 DL
     */
    public List<String> dlProfileProblems() {
        List<String> problems = new ArrayList<>(loadProblems);
        if (ontology == null) return problems;
        for (OWLProfileViolation v : new OWL2DLProfile().checkOntology(ontology).getViolations()) {
            problems.add("not OWL 2 DL: " + v.toString().replace('\n', ' '));
        }
        return problems;
    }

    /** @return a message when HermiT finds the model inconsistent, and one per unsatisfiable class */
    public List<String> reasonerProblems() {
        List<String> problems = new ArrayList<>(loadProblems);
        if (ontology == null) return problems;
        Configuration config = new Configuration();
        // xsd:date, xsd:gYear and xsd:gYearMonth are outside the OWL 2 datatype map HermiT implements;
        // they only occur as property ranges here, which do not bear on class satisfiability.
        config.ignoreUnsupportedDatatypes = true;
        config.throwInconsistentOntologyException = false;
        OWLReasoner reasoner = new ReasonerFactory().createReasoner(ontology, config);
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

    private static void unparsed(OWLOntologyManager manager, OWLOntology ont, List<String> problems) {
        OWLDocumentFormat format = manager.getOntologyFormat(ont);
        if (format != null && format.getOntologyLoaderMetaData().orElse(null) instanceof RDFParserMetaData meta) {
            meta.getUnparsedTriples().forEach(t -> problems.add("not OWL: triple the OWL API cannot read as an axiom: "
                    + t.getSubject() + " " + t.getPredicate() + " " + t.getObject()));
        }
    }

    private static OWLOntology toOwl(Model model, List<String> problems) {
        StringWriter turtle = new StringWriter();
        // N-Triples is Turtle without prefixes: the OWL API Turtle parser predates the SPARQL-style PREFIX Jena writes
        RDFDataMgr.write(turtle, model, Lang.NTRIPLES);
        OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
        try {
            OWLOntology ont = manager.loadOntologyFromOntologyDocument(
                    new StringDocumentSource(turtle.toString(), "urn:sijill:check", new TurtleDocumentFormat(), null));
            unparsed(manager, ont, problems);
            return ont;
        } catch (OWLOntologyCreationException | OWLParserException e) {
            problems.add("the OWL API cannot load it: " + e.getMessage());
            return null;
        }
    }
}
