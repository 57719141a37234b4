/**
 * Large runs lint on a worker thread while this one reads and parses the drafts ahead of it and
 * prints: parsed messages go to the worker in batches, and results come back by index so the
 * report is in input order, the same as a run on one thread.
 *
 * Memory stays flat whatever the folder's size (SPEC §8: under 200 MB): each worker's heap is
 * capped, a batch a worker runs out of memory on is linted again by one worker with a larger heap
 * while the others are stopped, and only a few batches are handed out ahead of the file being
 * printed, so a slow file never lets the others pile up finished results on the main thread.
 */
import { existsSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { Worker, type ResourceLimits } from "node:worker_threads";
import type { FileResult } from "../types.js";
import type { FileLinterSettings, PreparedDraft } from "./fileLinter.js";
import { mapInOrder } from "./mapInOrder.js";
import type { ArchiveJob, ArchiveMessage, WorkerBatch, WorkerDone, WorkerSetup } from "./lintWorker.js";
import { builtinModelDir, shareWordTable } from "../tone/model/wordTable.js";
import { prestart, takePrestarted } from "./prestartedWorkers.js";

/** Below this many files, starting workers (about a cold start each) costs more than it saves. */
export const PARALLEL_THRESHOLD = 200;
const BATCH_SIZE = 10;
/**
 * Batches handed out, per worker, beyond the one whose results are being printed. One slow draft
 * holds up the printing, not the other worker: at 2 batches of 25 the other worker sat idle and
 * 5,000 real messages took 22 s instead of 14. What waits is finished results, a few KB each.
 */
const BATCHES_AHEAD_PER_WORKER = 16;

/** Batches read and parsed on this thread beyond the one a worker is given next. */
const PREPARED_AHEAD = 2;

/**
 * The linting worker's heap. A worker holds about 34 MB for good once warm (compiled code, the
 * packs, the tone model's words and projections, the NLP's lexicon) and a few drafts on top. At a
 * cap near that, V8 collects all the time: two workers capped at 48 MB took 8.0 s on 5,000 real
 * messages and peaked at 229 MB; one capped at 80 MB (young generation 16 MB) took 6.9 s and
 * peaked at 194-201 MB (medians of paired runs on 2 cores; SPEC §8 asks for under 200). One
 * thread already keeps about 1.4 cores busy (V8 marks and compiles on helper threads), and every
 * further worker adds about 50 MB (a second one, with the word table shared and these limits:
 * 228 MB against 180, 7.5 s wall against 8.3; capped at 40 MB to fit, it collected all the time,
 * 23 s of CPU for 207 MB), so one worker is the default whatever the cores;
 * DRAFTLINT_WORKERS=N asks for more (on 10,000 small generated drafts two workers were 14% faster,
 * at 192 MB against 146). A draft that needs more (1 MB of text, SPEC §8, in tone analysis) is
 * linted again on a worker of its own with ALONE_LIMITS.
 *
 * The young generation is 8 MB, not 16: the worker's scavenges cost about the same in all (1.7 s
 * of GC on 5,000 real messages either way: their cost is what survives, not how often they run),
 * and the run peaked at 179-183 MB instead of 189-191 (one worker, single runs on a loaded
 * machine). The old generation's cap is not what the worker's GC time depends on: at 96 or 112 MB
 * the run took the same CPU (12.5-12.9 s) at the same peak.
 */
const WORKER_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 80, maxYoungGenerationSizeMb: 8 };

/** WORKER_LIMITS, with DRAFTLINT_WORKER_HEAP_MB (a whole number of MB, at least 32) for the old generation. */
function workerLimits(): ResourceLimits {
  const asked = Number(process.env.DRAFTLINT_WORKER_HEAP_MB);
  return Number.isInteger(asked) && asked >= 32 ? { ...WORKER_LIMITS, maxOldGenerationSizeMb: asked } : WORKER_LIMITS;
}

/** The one worker that retries a batch a capped worker ran out of memory on, with no other running. */
const ALONE_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 8 };
/**
 * The worker streaming an mbox archive: one message at a time, capped so a 1 GB archive stays
 * under 200 MB (on the main thread V8 let the heap grow past it).
 */
const ARCHIVE_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 8 };

/** The bundled worker script beside the CLI in dist/ (worker.cjs); none when running from source (tests). */
function workerScript(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  if (basename(dir) === "chunks") dir = dirname(dir);
  const script = join(dir, "worker.cjs");
  return existsSync(script) ? script : null;
}

/**
 * What each worker starts from. The tone model's word table (4.7 MB) is read here once and
 * shared, not read again by every worker: a second worker then costs that much less.
 */
function workerSetup(settings: FileLinterSettings): WorkerSetup {
  return { settings, wordTable: shareWordTable(builtinModelDir()) };
}

/**
 * Starts the capped workers of a run whose files are not counted yet (lintCommand: a large
 * folder), so that they boot while this thread walks it; lintInWorkers takes them.
 */
export function prestartWorkers(settings: FileLinterSettings): void {
  const script = workerScript();
  if (!script || process.env.DRAFTLINT_WORKERS === "0") return;
  const count = Math.min(Number(process.env.DRAFTLINT_WORKERS) || 1, 8);
  prestart(settings, count, () => new Worker(script, { workerData: workerSetup(settings), resourceLimits: workerLimits() }));
}

export function workerCount(files: number): number {
  if (files < PARALLEL_THRESHOLD || process.env.DRAFTLINT_WORKERS === "0" || !workerScript()) return 0;
  const wanted = Number(process.env.DRAFTLINT_WORKERS) || 1;
  return Math.max(0, Math.min(wanted, 8, Math.ceil(files / BATCH_SIZE)));
}

/**
 * Starts linting `paths` on worker threads and returns each path's results as a promise, in the
 * order given, so the caller can print file by file while the workers run ahead. A worker that
 * dies (a draft that overflows its heap) has its batch retried alone (runAlone).
 *
 * This thread reads and parses each batch (`prepareHere`) a little ahead of the workers, which
 * get the messages and only lint them: with the one default worker, this thread otherwise sat
 * idle while the worker did everything (on 5,000 real messages reading and parsing is about a
 * quarter of the work).
 */
export function lintInWorkers(
  paths: string[],
  settings: FileLinterSettings,
  count: number,
  lintHere: (path: string) => Promise<FileResult>,
  prepareHere: (path: string) => Promise<PreparedDraft | FileResult | null>,
): (index: number) => Promise<FileResult[]> {
  // A file's slot lives from the first of (its result comes back, it is asked for) to the second:
  // holding one per path kept every result of the run alive.
  keepHeapsSmall();
  const slots = new Map<number, ResultSlot>();
  const slot = (index: number) => {
    let found = slots.get(index);
    if (!found) {
      let resolve!: (r: FileResult[]) => void;
      const promise = new Promise<FileResult[]>((r) => (resolve = r));
      slots.set(index, (found = { promise, resolve, delivered: false, asked: false }));
    }
    return found;
  };
  const deliver = (index: number, result: FileResult) => {
    const s = slot(index);
    s.resolve([result]);
    s.delivered = true;
    if (s.asked) slots.delete(index);
  };
  const batches: WorkerBatch[] = [];
  for (let i = 0; i < paths.length; i += BATCH_SIZE) {
    batches.push({ items: paths.slice(i, i + BATCH_SIZE).map((path, k) => ({ index: i + k, path })) });
  }
  const script = workerScript()!;
  const setup = workerSetup(settings);
  let nextBatch = 0;
  let printedBatch = 0;
  /**
   * Batches read and parsed here, by number: a file whose result is known already (a read or
   * parse error) is delivered at once and left out; a file too large to read whole keeps only its
   * path, and the worker streams it.
   */
  const prepared = new Map<number, Promise<WorkerBatch>>();
  // One batch is read at a time, in order, a few files at once: every file in flight is garbage
  // that survives this thread's scavenges, and so grows its heap, which no flag caps.
  let lastPrepared: Promise<unknown> = Promise.resolve();
  const prepare = (n: number): Promise<WorkerBatch> => {
    let found = prepared.get(n);
    if (!found) {
      found = lastPrepared.then(() => mapInOrder(batches[n].items, 4, async ({ index, path }) => {
        const draft = await prepareHere(path);
        if (draft && "findings" in draft) {
          deliver(index, draft);
          return null;
        }
        return draft ? { index, path, prepared: draft } : { index, path };
      })).then((items) => ({ items: items.filter((item) => item !== null) }));
      lastPrepared = found;
      prepared.set(n, found);
    }
    return found;
  };
  /** Hands batch `n` to `post` once read, and starts reading the ones after it. */
  const preparedFor = (n: number, post: (batch: WorkerBatch) => void) => {
    const batch = prepare(n);
    prepared.delete(n);
    for (let k = n + 1; k <= n + PREPARED_AHEAD && k < batches.length; k++) prepare(k);
    void batch.then(post);
  };
  const ahead = count * BATCHES_AHEAD_PER_WORKER;
  /** Capped workers alive, and those of them waiting for a batch. */
  let capped = 0;
  const idle: Array<(batch: number | null) => void> = [];
  /** Batches a capped worker ran out of memory on, to be linted again by a worker on its own. */
  const retries: WorkerBatch[] = [];
  let aloneRunning = false;

  function handOut() {
    if (retries.length) {
      // The retry runs with no capped worker beside it: their heaps, on top of its own, are what
      // would break the run's memory bound. Each stops when its current batch is done.
      idle.splice(0).forEach((stop) => stop(null));
      if (capped === 0 && !aloneRunning) runAlone(retries.shift()!);
      return;
    }
    while (idle.length && nextBatch < batches.length && nextBatch < printedBatch + ahead) idle.shift()!(nextBatch++);
    if (nextBatch >= batches.length) idle.splice(0).forEach((stop) => stop(null));
  }

  function startCapped() {
    const worker = takePrestarted(settings) ?? new Worker(script, { workerData: setup, resourceLimits: workerLimits() });
    capped++;
    let current: WorkerBatch | null = null;
    let stopped = false;
    const ready = (n: number | null) => {
      if (n === null) {
        capped--;
        void worker.terminate();
        return;
      }
      preparedFor(n, (batch) => {
        if (stopped) {
          // The worker died while this batch was being read: it is linted again like its own.
          retries.push(batch);
          handOut();
          return;
        }
        current = batch;
        worker.postMessage(batch);
      });
    };
    worker.on("message", (done: WorkerDone) => {
      for (const { index, result } of done) deliver(index, result);
      current = null;
      idle.push(ready);
      handOut();
    });
    worker.on("error", (err) => {
      debugLine(`a worker stopped (${err.message}); its batch is linted again by a worker on its own`);
      stopped = true;
      capped--;
      if (idle.includes(ready)) idle.splice(idle.indexOf(ready), 1);
      if (current) retries.push(current);
      current = null;
      handOut();
    });
    idle.push(ready);
  }

  /**
   * Lints a batch on one worker with a larger heap while no other worker runs; capped workers
   * start again after it. A batch that fails even there is linted on this thread with `lintHere`,
   * so each of its files still gets its own result or file error.
   */
  function runAlone(batch: WorkerBatch) {
    aloneRunning = true;
    const worker = new Worker(script, { workerData: setup, resourceLimits: ALONE_LIMITS });
    const next = () => {
      aloneRunning = false;
      if (!retries.length) for (let w = 0; w < count && nextBatch < batches.length; w++) startCapped();
      handOut();
    };
    worker.on("message", (done: WorkerDone) => {
      for (const { index, result } of done) deliver(index, result);
      void worker.terminate();
      next();
    });
    worker.on("error", (err) => {
      debugLine(`the worker on its own stopped too (${err.message}); this thread lints the batch`);
      void Promise.all(batch.items.map(async ({ index, path }) => deliver(index, await lintHere(path)))).then(next);
    });
    worker.postMessage(batch);
  }

  for (let w = 0; w < count; w++) startCapped();
  handOut();
  return (index) => {
    const batch = Math.floor(index / BATCH_SIZE);
    if (batch > printedBatch) {
      printedBatch = batch;
      handOut();
    }
    const s = slot(index);
    s.asked = true;
    if (s.delivered) slots.delete(index);
    return s.promise;
  };
}

/**
 * Reading and parsing here grows this thread's heap, which no resource limit caps (the process's
 * flags are set before it starts): 5,000 real messages peaked at 248-251 MB against 183-186 MB
 * with the worker doing it all. Two of V8's flags are read each time a heap grows, so setting them
 * now holds: the young generation stays the size it has (a semi-space that doubled up to 16 MB
 * held the messages in flight, and much garbage, for longer), and the old generation grows by 30%
 * of what survived a full collection instead of up to 4 times. They apply to the worker's heap
 * too, which its limits bound anyway. Then 193-210 MB, and still less CPU than before (the worker
 * collects the parser's garbage no more).
 */
function keepHeapsSmall(): void {
  setFlagsFromString("--semi-space-growth-factor=1");
  setFlagsFromString("--heap-growing-percent=30");
}

function debugLine(text: string): void {
  if (process.env.DEBUG?.includes("draftlint")) process.stderr.write(`draftlint: ${text}\n`);
}

interface ResultSlot {
  promise: Promise<FileResult[]>;
  resolve: (r: FileResult[]) => void;
  delivered: boolean;
  asked: boolean;
}

/**
 * An mbox archive streamed on a worker thread, whose capped heap keeps a 1 GB archive's run
 * under 200 MB (on the main thread V8 let the heap grow past it). Each message's result is
 * passed to `emit` in order as it comes. Without the bundled worker (running from source) the
 * archive is linted here with `lintHere`; if the worker fails part way, `lintHere` goes on from
 * the message after the last one printed.
 */
export async function lintArchiveInWorker(
  path: string,
  settings: FileLinterSettings,
  emit: (result: FileResult) => void,
  lintHere: (path: string, emit: (result: FileResult) => void) => Promise<void>,
): Promise<void> {
  const script = workerScript();
  if (!script || process.env.DRAFTLINT_WORKERS === "0") return lintHere(path, emit);
  let printed = 0;
  const setup = workerSetup(settings);
  const finished = await new Promise<boolean>((resolve) => {
    const worker = new Worker(script, { workerData: setup, resourceLimits: ARCHIVE_LIMITS });
    worker.on("message", (message: ArchiveMessage) => {
      if ("result" in message) {
        printed++;
        emit(message.result);
      } else {
        void worker.terminate();
        resolve(true);
      }
    });
    worker.on("error", (err) => {
      debugLine(`the archive's worker stopped (${err.message}); this thread goes on`);
      resolve(false);
    });
    worker.postMessage({ archive: path } satisfies ArchiveJob);
  });
  if (finished) return;
  let seen = 0;
  await lintHere(path, (result) => {
    if (seen++ >= printed) emit(result);
  });
}
