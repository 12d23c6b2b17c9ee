package org.w3id.sijill.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * The release a server answers from now, and the folder it lives in. It changes when the server
 * switches to a newly published release (live reload); modules read {@link #get()} per request
 * (ETags, {@code Last-Modified}, the landing page) and may {@link #onChange listen} to redo
 * per-release work after a switch (e.g. writing missing dumps). State that must change in the
 * same instant as the data (the full-text index kept in the release folder) {@link #follow}s the
 * release instead: it is prepared before the switch and put in place while requests are held.
 *
 * <pre>{@code
 * ServedRelease served = site.served();
 * served.onChange(release -> writeMissingDumps(served.folder()));
 * served.follow((release, folder, data) -> index.switchTo(ReleaseTextIndex.open(release, folder, data, ontology)));
 * }</pre>
 */
public final class ServedRelease {

    private record State(Release release, Path folder) {}

    private final AtomicReference<State> state;
    private final List<Consumer<Release>> listeners = new CopyOnWriteArrayList<>();
    private final List<Follower> followers = new CopyOnWriteArrayList<>();

    /**
     * Per-release state that changes in the same instant as the data, e.g. the full-text index of
     * the release: {@link #prepare} opens the new release's part while the old release is still
     * served; the {@link Step} it returns is applied while requests are held, right after the data
     * is switched.
     */
    @FunctionalInterface
    public interface Follower {
        /**
         * @param release the release about to be served
         * @param folder  its folder
         * @param data    its store, open but not yet served
         * @return the prepared step
         * @throws org.w3id.sijill.core.SijillException when the release cannot be followed: the server then stays on the old release
         */
        Step prepare(Release release, Path folder, DatasetGraph data);
    }

    /** The prepared switch of one {@link Follower}. */
    public interface Step {
        /** Puts the prepared state in place. Runs while requests are held: quick, and it must not fail. */
        void apply();

        /** Tidies up after the switch, once requests run again (e.g. lets go of the old release's state). */
        default void afterSwitch() {
            // most steps have nothing to tidy
        }

        /** Gives the prepared state up: the switch is not made. */
        void discard();
    }

    /** @param release the release served first, @param folder its folder (the real path of the store) */
    public ServedRelease(Release release, Path folder) {
        this.state = new AtomicReference<>(new State(Objects.requireNonNull(release), Objects.requireNonNull(folder)));
    }

    /** @return the release served now */
    public Release get() { return state.get().release(); }

    /** @return the folder of the release served now (the real path, not the link) */
    public Path folder() { return state.get().folder(); }

    /** @param listener called, on the switching thread, after every switch to a new release */
    public void onChange(Consumer<Release> listener) { listeners.add(Objects.requireNonNull(listener)); }

    /** @param follower prepared and applied on every switch to a new release, in step with the data */
    public void follow(Follower follower) { followers.add(Objects.requireNonNull(follower)); }

    /**
     * Prepares every follower for a switch to {@code release}. When one cannot follow, the steps
     * already prepared are discarded and its failure is thrown.
     */
    List<Step> prepare(Release release, Path folder, DatasetGraph data) {
        List<Step> steps = new ArrayList<>();
        try {
            for (Follower f : followers) steps.add(f.prepare(release, folder, data));
        } catch (RuntimeException e) {
            discard(steps, e);
            throw e;
        }
        return steps;
    }

    /** Discards prepared steps; a step that fails to discard is added to {@code cause}. */
    static void discard(List<Step> steps, RuntimeException cause) {
        for (Step s : steps) {
            try {
                s.discard();
            } catch (RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
    }

    /** Records a switch (the data is already switched) and tells the listeners. */
    void switchedTo(Release release, Path folder) {
        state.set(new State(release, folder));
        for (Consumer<Release> l : listeners) l.accept(release);
    }
}
