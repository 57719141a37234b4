/**
 * A counter on stderr for long runs ("draftlint: 1,200/5,000 files"), so 10 seconds of linting are
 * not 10 seconds of silence. Only for a person at a terminal: off when stderr is not a TTY, in CI
 * (the CI variable every CI service sets), with --quiet, and for a machine format on stdout. It redraws one line in place and
 * wipes it before any report text reaches the same terminal, and at the end.
 */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface Progress {
  /** One more file done. */
  tick(): void;
  /** Wipes the counter line (before report text is printed, and at the end). */
  clear(): void;
}

export interface ProgressSettings {
  total: number;
  stream: ProgressStream;
  env: NodeJS.ProcessEnv;
  quiet: boolean;
  /** Milliseconds since some fixed point (injected so tests need no clock). */
  now?: () => number;
}

/** Runs shorter than this many files never show a counter. */
export const PROGRESS_MIN_FILES = 100;
/** At most this often a redraw, so the counter costs nothing next to the linting. */
const REDRAW_MS = 100;

const NO_PROGRESS: Progress = { tick() {}, clear() {} };

export function progressEnabled(settings: Omit<ProgressSettings, "now">): boolean {
  const ci = settings.env.CI !== undefined && settings.env.CI !== "" && settings.env.CI !== "false" && settings.env.CI !== "0";
  return settings.stream.isTTY === true && !ci && !settings.quiet && settings.total >= PROGRESS_MIN_FILES;
}

export function createProgress(settings: ProgressSettings): Progress {
  if (!progressEnabled(settings)) return NO_PROGRESS;
  const { total, stream } = settings;
  const now = settings.now ?? (() => performance.now());
  const totalText = total.toLocaleString("en");
  let done = 0;
  let shown = false;
  let drawnAt = -Infinity;
  return {
    tick() {
      done++;
      const t = now();
      if (t - drawnAt < REDRAW_MS && done < total) return;
      drawnAt = t;
      stream.write(`\r\x1b[Kdraftlint: ${done.toLocaleString("en")}/${totalText} files`);
      shown = true;
    },
    clear() {
      if (!shown) return;
      stream.write("\r\x1b[K");
      shown = false;
    },
  };
}
