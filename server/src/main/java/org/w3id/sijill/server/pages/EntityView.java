package org.w3id.sijill.server.pages;

import java.util.List;

/**
 * What every entity page shows, whatever its type: its name, types, property sections (outgoing
 * and incoming), and where its facts come from.
 *
 * <pre>{@code
 * EntityView v = new EntityViewBuilder(renderer).build(iri, incomingPage);
 * }</pre>
 *
 * @param iri the canonical IRI
 * @param path the path after {@code /id/}, e.g. {@code country/LB}
 * @param title the name in the page language (possibly a fallback)
 * @param otherTitle the name in the other page language, or null when there is none
 * @param types the resource's classes
 * @param pageType the layout
 * @param keyFacts the rows the layout of {@code pageType} shows first (removed from {@code groups})
 * @param groups outgoing property sections, in {@link PropertyGroup} order
 * @param incoming incoming property rows (things that point here)
 * @param evidence quotes supporting the resource's facts
 * @param sources the sources it is derived from
 */
public record EntityView(String iri, String path, Label title, Label otherTitle, List<ValueView> types, PageType pageType,
                         List<PropertyView> keyFacts, List<GroupView> groups, List<PropertyView> incoming, List<EvidenceView> evidence,
                         List<SourceView> sources) {}
