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
    // 1 MB of an exported address book, the shape of the real message that outgrew 48 MB in tone analysis.
    let book = "";
    for (let i = 0; book.length < 1_000_000; i++) {
      book += `#PERSON~Anne${i % 10}~~~~Surname${i}~~~~${100 + i} Main Street\nTown${i % 97}, TX~~TX~~${77000 + (i % 999)}~~~~(713) 555-${String(i % 10000).padStart(4, "0")}~~~~Bluegreen Corp.~~~~~~~~Manager~~~~~~~~`;
    }
    writeFileSync(join(dir, "d100b.eml"), `From: ops@hotel.example\nTo: desk@hotel.example\nSubject: Address book\n\n${book}\n`);
    const run = (workers: string) =>
      spawnSync(process.execPath, [BIN, dir, "-f", "json"], { env: { ...process.env, DRAFTLINT_WORKERS: workers, DRAFTLINT_WORKER_HEAP_MB: "48", DEBUG: "draftlint" }, encoding: "utf8" });
    const one = run("0");
    const two = run("2");
    expect(two.stderr).toContain("linted again by a worker on its own");
    expect(two.stderr).not.toContain("this thread lints the batch");
    expect(two.status).toBe(one.status);
    expect(two.stdout).toBe(one.stdout);
    expect(JSON.parse(two.stdout).files).toHaveLength(201);
  }, 120_000);
});
