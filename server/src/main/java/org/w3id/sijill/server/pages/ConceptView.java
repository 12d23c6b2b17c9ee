package org.w3id.sijill.server.pages;

import java.util.List;
import org.apache.jena.rdf.model.Resource;

/**
 * The concept layout: the things that point to a concept (laws with that topic, organizations of
 * that stakeholder group, concepts of that scheme, …), one row per property.
 *
 * <pre>{@code
 * ConceptView c = ConceptView.build(new ValueRenderer(describer.describe(iri, 100, 0).model(), terms, lang), iri);
 * }</pre>
 *
 * @param members rows of members, by property
 */
public record ConceptView(List<PropertyView> members) {

    /** @return the members of {@code conceptIri} found in the renderer's model */
    public static ConceptView build(ValueRenderer values, String conceptIri) {
        Resource c = values.description().createResource(conceptIri);
        return new ConceptView(values.properties(c, true, 0));
    }

    /** @return true when nothing points to the concept */
    public boolean isEmpty() { return members.isEmpty(); }
}
