/**
 * Large runs use every core (SPEC §8: 1,500 drafts a second on 2 cores): paths go to worker
 * threads in batches, and results come back by index so the report is in input order, the same
 * as a run on one thread.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { FileResult } from "../types.js";
import type { FileLinterSettings } from "./fileLinter.js";
import type { WorkerBatch } from "./lintWorker.js";

/** Below this many files, starting workers (about a cold start each) costs more than it saves. */
export const PARALLEL_THRESHOLD = 200;
const BATCH_SIZE = 25;

/** The bundled worker script beside the CLI in dist/; none when running from source (tests). */
function workerScript(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  if (basename(dir) === "chunks") dir = dirname(dir);
  const script = join(dir, "worker.js");
  return existsSync(script) ? script : null;
}

export function workerCount(files: number): number {
  if (files < PARALLEL_THRESHOLD || process.env.DRAFTLINT_WORKERS === "0" || !workerScript()) return 0;
  const wanted = Number(process.env.DRAFTLINT_WORKERS) || availableParallelism();
  return Math.max(0, Math.min(wanted, 8, Math.ceil(files / BATCH_SIZE)));
}

/**
 * Starts linting `paths` on worker threads at once and returns each path's results as a promise,
 * in the order given, so the caller can print file by file while the workers run ahead.
 */
export function lintInWorkers(paths: string[], settings: FileLinterSettings, count: number): (index: number) => Promise<FileResult[]> {
  const settle: Array<{ resolve: (r: FileResult[]) => void; reject: (e: unknown) => void }> = [];
  const results = paths.map(() => new Promise<FileResult[]>((resolve, reject) => settle.push({ resolve, reject })));
  const batches: WorkerBatch[] = [];
  for (let i = 0; i < paths.length; i += BATCH_SIZE) {
    batches.push({ items: paths.slice(i, i + BATCH_SIZE).map((path, k) => ({ index: i + k, path })) });
  }
  const script = workerScript()!;
  for (let w = 0; w < count; w++) {
    const worker = new Worker(script, { workerData: settings });
    const feed = () => {
      const batch = batches.shift();
      if (batch) worker.postMessage(batch);
      else void worker.terminate();
    };
    worker.on("message", (done: Array<{ index: number; result: FileResult }>) => {
      for (const { index, result } of done) settle[index].resolve([result]);
      feed();
    });
    // A worker that dies takes its batch with it: say so for each of those files.
    worker.on("error", (err) => settle.forEach((s) => s.reject(err)));
    feed();
  }
  return (index) => results[index];
}
