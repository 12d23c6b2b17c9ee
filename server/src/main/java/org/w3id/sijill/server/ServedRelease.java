package org.w3id.sijill.server;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The release a server answers from now, and the folder it lives in. It changes when the server
 * switches to a newly published release (live reload); modules read {@link #get()} per request
 * (ETags, {@code Last-Modified}, the landing page) and may {@link #onChange listen} to redo
 * per-release work (e.g. writing missing dumps, reopening an index kept in the release folder).
 *
 * <pre>{@code
 * ServedRelease served = site.served();
 * served.onChange(release -> reopenIndex(served.folder().resolve("index")));
 * }</pre>
 */
public final class ServedRelease {

    private record State(Release release, Path folder) {}

    private final AtomicReference<State> state;
    private final List<Consumer<Release>> listeners = new CopyOnWriteArrayList<>();

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

    /** Records a switch (the data is already switched) and tells the listeners. */
    void switchedTo(Release release, Path folder) {
        state.set(new State(release, folder));
        for (Consumer<Release> l : listeners) l.accept(release);
    }
}
