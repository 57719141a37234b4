/**
 * Workers started before a run knows it needs them. A worker takes about a cold start to boot
 * (its isolate, the bundled chunks, the packs); started only once the folder has been walked and
 * every file sniffed, that came on top of the walk, about 0.2 s of each run over a large folder.
 * Started as the walk begins, it boots on the other core meanwhile; a run that turns out to need
 * none terminates it unused.
 */
import type { Worker } from "node:worker_threads";

interface Waiting {
  /** The settings it was started with: only a run with these very settings may take it. */
  key: object;
  worker: Worker;
  failed: boolean;
}

const waiting: Waiting[] = [];

export function prestart(key: object, count: number, start: () => Worker): void {
  for (let i = 0; i < count; i++) {
    const entry: Waiting = { key, worker: start(), failed: false };
    // Unreferenced until taken: a run that ends early (a usage or config error) never waits on it.
    entry.worker.unref();
    entry.worker.once("error", () => (entry.failed = true));
    waiting.push(entry);
  }
}

/** A started worker for `key`'s run, referenced again, or null when none is left. */
export function takePrestarted(key: object): Worker | null {
  while (waiting.length) {
    const entry = waiting.shift()!;
    if (entry.key === key && !entry.failed) {
      entry.worker.ref();
      return entry.worker;
    }
    void entry.worker.terminate();
  }
  return null;
}

/** Stops the workers no run took. */
export function releasePrestarted(): void {
  for (const entry of waiting.splice(0)) void entry.worker.terminate();
}
