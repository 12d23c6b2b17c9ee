package org.w3id.sijill.loader;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows build progress: a progress bar per stage on a terminal (progressbar library), one plain
 * line per stage otherwise (logs, CI, tests).
 *
 * <pre>{@code
 * new StoreBuilder(paths).build(sources, store, new ConsoleProgress(System.err));
 * }</pre>
 */
public final class ConsoleProgress implements ProgressListener {
    private final PrintStream out;
    private final boolean terminal;
    private ProgressBar bar;
    private String stage;
    private long done;
    private long started;

    public ConsoleProgress(PrintStream out) {
        this(out, System.console() != null);
    }

    public ConsoleProgress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void stage(String name, long steps) {
        endStage();
        stage = name;
        done = 0;
        started = System.nanoTime();
        if (terminal && steps > 0) {
            bar = new ProgressBarBuilder().setTaskName(name).setInitialMax(steps).setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(out)).build();
        } else {
            out.println("sijill build: " + name + (steps > 0 ? " (" + steps + ")" : "") + " …");
        }
    }

    @Override
    public void step() {
        done++;
        if (bar != null) bar.step();
    }

    @Override
    public void endStage() {
        if (stage == null) return;
        if (bar != null) {
            bar.close();
            bar = null;
        } else {
            long ms = (System.nanoTime() - started) / 1_000_000;
            out.println("sijill build: " + stage + " done" + (done > 0 ? " (" + done + ")" : "") + " in " + ms + " ms");
        }
        stage = null;
    }

    /** Printed as {@code sijill build:   <part> finished in N ms (concurrent)}, one line, whole. */
    @Override
    public void partDone(String name, long millis) {
        out.println("sijill build:   " + name + " finished in " + millis + " ms (concurrent)");
        out.flush();
    }

    @Override
    public void note(String line) {
        out.println("sijill: " + line);
        out.flush();
    }
}
