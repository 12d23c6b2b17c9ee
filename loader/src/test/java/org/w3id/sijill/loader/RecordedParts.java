package org.w3id.sijill.loader;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A {@link ProgressListener} for tests that records the names of the parts reported as done, from
 * any thread.
 *
 * <pre>{@code
 * RecordedParts parts = new RecordedParts();
 * builder.build(sources, store, parts);
 * assertTrue(parts.done.contains("building the text index"));
 * }</pre>
 */
final class RecordedParts implements ProgressListener {
    final List<String> done = Collections.synchronizedList(new ArrayList<>());
    @Override public void stage(String name, long steps) { }
    @Override public void step() { }
    @Override public void endStage() { }
    @Override public void partDone(String name, long millis) { done.add(name); }
}
