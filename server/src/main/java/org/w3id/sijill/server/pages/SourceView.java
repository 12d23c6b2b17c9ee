package org.w3id.sijill.server.pages;

import java.util.List;

/**
 * A source a resource is derived from ({@code prov:wasDerivedFrom}): a document of the project or
 * an external source such as the UNCTAD tracker, with what the data says about it.
 *
 * <pre>{@code
 * SourceView s = new SourceView(link, date, publisher, notes, homepage);
 * }</pre>
 *
 * @param link link to the source's own page
 * @param date its date, or null
 * @param publisher its publisher, or null
 * @param notes other literal statements about it (e.g. an acknowledgement text), in page order
 * @param seeAlso its address on the web, or null
 */
public record SourceView(ValueView link, ValueView date, ValueView publisher, List<Label> notes, ValueView seeAlso) {}
