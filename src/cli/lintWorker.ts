/**
 * A worker thread of a large run: lints the batches of drafts the main thread sends and posts the
 * results back by index, so the report keeps the order of the inputs. (Archives stay on the main
 * thread, which streams them message by message.)
 */
import { parentPort, workerData } from "node:worker_threads";
import type { FileResult } from "../types.js";
import { createFileLinter, type FileLinterSettings } from "./fileLinter.js";
import { mapInOrder } from "./mapInOrder.js";

export interface WorkerBatch {
  items: Array<{ index: number; path: string }>;
}

export type WorkerDone = Array<{ index: number; result: FileResult }>;

const linter = createFileLinter(workerData as FileLinterSettings);

parentPort?.on("message", async (batch: WorkerBatch) => {
  // A few files in flight at once, so one file's read overlaps another's linting.
  const results: WorkerDone = await mapInOrder(batch.items, 4, async ({ index, path }) => ({ index, result: await linter.lint(path) }));
  parentPort!.postMessage(results);
});
