/**
 * `npm run eval:real` (scripts/eval-real.mjs) on a folder made here, never on ../shared: the
 * per-rule table per 1,000 messages, a rule's sampled findings, and a quiet exit without a folder.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const SCRIPT = fileURLToPath(new URL("../scripts/eval-real.mjs", import.meta.url));
let dir: string;

function evalReal(...args: string[]) {
  const r = spawnSync(process.execPath, [SCRIPT, ...args], { encoding: "utf8", timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "draftlint-eval-real-"));
  const mail = (to: string, body: string) => `From: sam@acme.com\nTo: ${to}\nSubject: \nMessage-ID: <${Math.random()}@acme.com>\n\n${body}\n`;
  writeFileSync(join(dir, "a.eml"), mail("tom@globex.example", "Please find attached the plan."));
  writeFileSync(join(dir, "b.eml"), mail("ana@acme.com", "Thanks, see you Friday."));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("eval:real", () => {
  it("prints findings per rule per 1,000 messages", () => {
    const { code, out } = evalReal(dir, "--internal-domain", "acme.com");
    expect(code).toBe(0);
    expect(out).toContain("2 messages");
    expect(out).toMatch(/empty-subject\s+2\s+1000\.0\s+2/);
    expect(out).toMatch(/external-recipient\s+1\s+500\.0\s+1/);
    expect(out).toMatch(/missing-attachment\s+1\s+500\.0\s+1/);
  });

  it("--rule ID --sample N prints that rule's findings to judge, with file and excerpt", () => {
    const { code, out } = evalReal(dir, "--internal-domain", "acme.com", "--rule", "missing-attachment", "--sample", "5");
    expect(code).toBe(0);
    expect(out).toContain("missing-attachment: 1 findings in 2 messages (500.0 per 1,000)");
    expect(out).toContain("a.eml");
    expect(out).toContain("│ Please find attached the plan.");
  });

  it("exits 0 with a note when the folder is absent, and 2 on a bad option", () => {
    const absent = evalReal(join(dir, "no-such-folder"));
    expect(absent.code).toBe(0);
    expect(absent.out).toContain("nothing to measure");
    expect(evalReal("--sample", "none").code).toBe(2);
  });
});
