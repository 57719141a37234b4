/**
 * A worker thread of a large run: lints the batches of drafts the main thread sends and posts the
 * results back by index, so the report keeps the order of the inputs; or streams one mbox
 * archive, posting each message's result as it is made.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { FileResult } from "../types.js";
import { createFileLinter, type FileLinterSettings, type PreparedDraft } from "./fileLinter.js";
import { mapInOrder } from "./mapInOrder.js";
import { adoptWordTable, type SharedWordTable } from "../tone/model/wordTable.js";

/** What a worker starts from: the run's settings, and the tone model's word table the main thread read. */
export interface WorkerSetup {
  settings: FileLinterSettings;
  wordTable: SharedWordTable;
}

export interface WorkerBatch {
  /** `prepared`: the draft as the main thread read and parsed it; without, the worker reads the path. */
  items: Array<{ index: number; path: string; prepared?: PreparedDraft }>;
}

export type WorkerDone = Array<{ index: number; result: FileResult }>;

/** One archive, linted message by message: a `{ result }` for each, then `{ end: true }`. */
export interface ArchiveJob {
  archive: string;
}
export type ArchiveMessage = { result: FileResult } | { end: true };

const setup = workerData as WorkerSetup;
adoptWordTable(setup.wordTable);
const linter = createFileLinter(setup.settings);

parentPort?.on("message", async (job: WorkerBatch | ArchiveJob) => {
  if ("archive" in job) {
    await linter.lintArchive(job.archive, (result) => parentPort!.postMessage({ result } satisfies ArchiveMessage));
    parentPort!.postMessage({ end: true } satisfies ArchiveMessage);
    return;
  }
  // A few files in flight at once, so one file's read overlaps another's linting.
  const results: WorkerDone = await mapInOrder(job.items, 4, async ({ index, path, prepared }) => ({
    index,
    result: await (prepared ? linter.lintPrepared(path, prepared) : linter.lint(path)),
  }));
  parentPort!.postMessage(results);
});
