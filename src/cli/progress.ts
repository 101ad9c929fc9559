import cliProgress from "cli-progress";

/** A run shorter than this shows no bar at all: a flash of a bar is noise. */
const DELAY_MS = 800;

/** Show progress only to a person watching standard error, and never with --quiet. */
export function wantsProgress(stream: { isTTY?: boolean }, quiet: boolean): boolean {
  return Boolean(stream.isTTY) && !quiet && !process.env.CI;
}

/**
 * A progress bar on `stream` that appears only once the run has lasted DELAY_MS and is not
 * done; `stop` clears it before the report is printed.
 */
export function progressBar(stream: NodeJS.WriteStream): {
  onProgress: (done: number, total: number) => void;
  stop: () => void;
} {
  const started = Date.now();
  let bar: cliProgress.SingleBar | undefined;
  return {
    onProgress(done, total) {
      if (!bar) {
        if (done >= total || Date.now() - started < DELAY_MS) return;
        bar = new cliProgress.SingleBar(
          {
            stream,
            format: "asyncshift {bar} {value}/{total} files | {eta_formatted} left",
            clearOnComplete: true,
            hideCursor: true,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, done);
      }
      bar.update(done);
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}
