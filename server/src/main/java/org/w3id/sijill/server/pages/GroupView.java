package org.w3id.sijill.server.pages;

import java.util.List;

/**
 * A titled section of properties on a page.
 *
 * <pre>{@code
 * GroupView g = new GroupView(PropertyGroup.LEGAL, rows);
 * }</pre>
 *
 * @param group which section
 * @param properties its rows
 */
public record GroupView(PropertyGroup group, List<PropertyView> properties) {
    /** @return the message key of the section heading */
    public String messageKey() { return group.messageKey(); }
}
