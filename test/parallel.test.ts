// A large run is split over worker threads; the report must be exactly the one-thread report.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const BIN = new URL("../bin/draftlint.js", import.meta.url).pathname;

function draft(i: number): string {
  const outsider = i % 3 === 0 ? `Cc: guest${i}@gmail.com\n` : "";
  const body = i % 5 === 0 ? "Honestly the couple are a pair of clowns." : `Room ${i} is ready for Thursday.`;
  return `From: ops@hotel.example\nTo: desk@hotel.example\n${outsider}Subject: Room ${i}\n\n${body}\n`;
}

describe("worker threads", () => {
  it("give the same report, in the same order, as one thread", () => {
    const dir = mkdtempSync(join(tmpdir(), "draftlint-parallel-"));
    for (let i = 0; i < 240; i++) writeFileSync(join(dir, `d${String(i).padStart(3, "0")}.eml`), draft(i));
    const run = (workers: string) =>
      spawnSync(process.execPath, [BIN, dir, "-f", "json"], { env: { ...process.env, DRAFTLINT_WORKERS: workers }, encoding: "utf8" });
    const one = run("0");
    const two = run("2");
    expect(one.status).toBe(1);
    expect(two.status).toBe(1);
    expect(two.stdout).toBe(one.stdout);
    const report = JSON.parse(one.stdout);
    expect(report.files).toHaveLength(240);
    expect(report.summary.errors).toBeGreaterThan(0);
  }, 60_000);

  it("lint a draft too large for a capped worker's heap again on a worker of its own, with the same report", () => {
    const dir = mkdtempSync(join(tmpdir(), "draftlint-parallel-large-"));
    for (let i = 0; i < 200; i++) writeFileSync(join(dir, `d${String(i).padStart(3, "0")}.eml`), draft(i));
    // 333,000 short lines: the message's line tables and the rules' work per line outgrow a
    // 32 MB heap. (The main thread reads and parses now, so what overflows must be in linting: a
    // 3.5 MB HTML export did in its conversion to text, and a 1 MB address book in tone analysis
    // before tone read only a body's first 100,000 characters.)
    let text = "";
    for (let i = 0; text.length < 1_000_000; i++) text += `x${i % 10}\n`;
    writeFileSync(join(dir, "d100b.eml"), `From: ops@hotel.example\nTo: desk@hotel.example\nSubject: Price list\n\n${text}`);
    const run = (workers: string) =>
      spawnSync(process.execPath, [BIN, dir, "-f", "json"], { env: { ...process.env, DRAFTLINT_WORKERS: workers, DRAFTLINT_WORKER_HEAP_MB: "32", DEBUG: "draftlint" }, encoding: "utf8" });
    const one = run("0");
    const two = run("2");
    expect(two.stderr).toContain("linted again by a worker on its own");
    expect(two.stderr).not.toContain("this thread lints the batch");
    expect(two.status).toBe(one.status);
    expect(two.stdout).toBe(one.stdout);
    expect(JSON.parse(two.stdout).files).toHaveLength(201);
  }, 120_000);

  it("stop the workers started for a large folder when the run needs none", () => {
    // 210 entries start a worker as the walk begins; none of them is a draft, so the run ends
    // with its usage error and must not wait on that worker.
    const dir = mkdtempSync(join(tmpdir(), "draftlint-parallel-none-"));
    for (let i = 0; i < 210; i++) writeFileSync(join(dir, `notes${i}.txt`), "not a draft\n");
    const run = spawnSync(process.execPath, [BIN, dir], { encoding: "utf8", timeout: 30_000 });
    expect(run.signal).toBeNull();
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("no drafts found");
  }, 60_000);
});
