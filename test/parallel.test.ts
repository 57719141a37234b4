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
});
