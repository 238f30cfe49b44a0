package org.radiotwin.cli;

import java.util.function.DoubleConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on stderr for long work, or nothing with --quiet. */
final class Progress implements AutoCloseable {

  private static final int STEPS = 1000;

  private final ProgressBar bar;

  private Progress(ProgressBar bar) {
    this.bar = bar;
  }

  static Progress start(String task, boolean quiet) {
    if (quiet) {
      return new Progress(null);
    }
    return new Progress(
        new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(STEPS)
            .setStyle(ProgressBarStyle.ASCII)
            .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
            .setUpdateIntervalMillis(250)
            .build());
  }

  /** A listener of the fraction done in [0, 1]; safe to call from several threads. */
  DoubleConsumer listener() {
    return f -> {
      if (bar != null) {
        synchronized (this) {
          long target = Math.round(Math.max(0, Math.min(1, f)) * STEPS);
          if (target > bar.getCurrent()) {
            bar.stepTo(target);
          }
        }
      }
    };
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.stepTo(STEPS);
      bar.close();
    }
  }
}
