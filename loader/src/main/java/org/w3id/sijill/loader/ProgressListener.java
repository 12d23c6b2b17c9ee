package org.w3id.sijill.loader;

/**
 * Receives the progress of a build: stages, each with an optional number of steps.
 *
 * <pre>{@code
 * builder.build(sources, store, ProgressListener.NONE);
 * builder.build(sources, store, new ConsoleProgress(System.err));
 * }</pre>
 */
public interface ProgressListener {

    /** Begins a stage; {@code steps} is 0 when the stage has no countable steps. */
    void stage(String name, long steps);

    /** One step of the current stage is done. */
    void step();

    /** The current stage is finished. */
    void endStage();

    /**
     * A part of the current stage, run at the same time as its other parts (on another thread),
     * finished after {@code millis}; may be called from any thread.
     */
    default void partDone(String name, long millis) { }

    /** A message for the operator outside the stages (e.g. leftovers of an interrupted build removed). */
    default void note(String line) { }

    /** A listener that ignores everything. */
    ProgressListener NONE = new ProgressListener() {
        @Override public void stage(String name, long steps) { }
        @Override public void step() { }
        @Override public void endStage() { }
    };
}
