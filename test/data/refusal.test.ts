/**
 * Tried as a new user would: the CLI on a draft to an outsider carrying a test card number, an
 * IBAN, a National Insurance number and an AWS key exits 1 with four masked data findings; the
 * same values with a wrong check digit (or an unused prefix, a key one character short) exit 0.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

function draftlint(...args: string[]) {
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.DEBUG;
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "draftlint.js"), ...args], { cwd: ROOT, env, encoding: "utf8", timeout: 30_000 });
  return { status: r.status, stdout: r.stdout };
}

describe("data pack from the command line", () => {
  it("refuses the draft with four masked findings", () => {
    const run = draftlint("fixtures/data-to-outsider.eml");
    expect(run.status).toBe(1);
    const dataLines = run.stdout.split("\n").filter((l) => /(payment-card-number|bank-account|national-id|credential)$/.test(l.trim()));
    expect(dataLines).toHaveLength(4);
    expect(dataLines.every((l) => l.includes("error"))).toBe(true);
    expect(run.stdout).toContain("•••• •••• •••• 4242");
    expect(run.stdout).toContain("AKIA…");
    for (const raw of ["4242 4242 4242 4242", "GB82 WEST 1234 5698 7654 32", "AB 12 34 56 C", "AKIAIOSFODNN7EXAMPLE"]) expect(run.stdout).not.toContain(raw);
  });

  it("passes the same numbers with wrong check digits", () => {
    const run = draftlint("fixtures/data-wrong-check-digits.eml");
    expect(run.status).toBe(0);
    expect(run.stdout).not.toMatch(/payment-card-number|bank-account|national-id|credential/);
  });
});
