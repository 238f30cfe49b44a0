package org.radiotwin.cli;

import java.util.function.DoubleConsumer;

/**
 * One stage of {@code radiotwin demo}: it runs on the shared {@link DemoContext}, adds a section to
 * the report and its numbers to {@code results.json}, and reports its progress as a fraction.
 */
interface DemoStage {

  /** Short name shown on the progress bar and used as the key in {@code results.json}. */
  String key();

  /** Section title in the report. */
  String title();

  /**
   * Runs the stage.
   *
   * @param ctx shared state of the run
   * @param progress fraction of the stage done, in [0, 1]
   */
  void run(DemoContext ctx, DoubleConsumer progress);
}
