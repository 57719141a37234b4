// SPEC §8: a folder of any size is linted in under 200 MB of resident memory. Peak memory is the
// kernel's own count for the whole process (main thread and workers), read when the run ends, so
// the figure does not depend on the machine's speed. Drafts with large attachments make any
// unbounded step show: with uncapped worker heaps this folder peaked at 314–337 MB, capped at 96 MB
// 176–181, capped at 48 MB (today) 167–171. The test fails at 250 MB, midway: a regression of that kind fails it by a wide margin, while a
// slower or busier machine, whose figure moves by a few MB, never does. SPEC §8's own target
// (under 200 MB) is `npm run bench`'s to measure, on real mail too.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const CLI = new URL("../dist/cli.js", import.meta.url).href;
const dir = mkdtempSync(join(tmpdir(), "draftlint-memory-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI in a fresh process and returns its exit code and peak resident memory (MB). */
function peakOf(args: string[]): { code: number; peakMb: number; stderr: string } {
  const script = `const { main } = await import(${JSON.stringify(CLI)});
const code = await main(${JSON.stringify(args)});
process.stderr.write("peak " + process.resourceUsage().maxRSS + " " + code + "\\n");`;
  // A script file, not -e: worker threads inherit the process's flags, and -e's with them.
  const runner = join(dir, "..", `draftlint-memory-${process.pid}.mjs`);
  writeFileSync(runner, script);
  const run = spawnSync(process.execPath, [runner], { encoding: "utf8", env: { ...process.env, DRAFTLINT_WORKERS: "2" } });
  rmSync(runner, { force: true });
  const m = /peak (\d+) (\d+)/.exec(run.stderr);
  if (!m) throw new Error(`no figure from the run: ${run.stderr}`);
  return { peakMb: Number(m[1]) / 1024, code: Number(m[2]), stderr: run.stderr };
}

describe("memory", () => {
  it("a folder of drafts with large attachments, linted on worker threads, stays well under the uncapped figure", () => {
    const attachment = Buffer.alloc(300 << 10, 7).toString("base64").replace(/.{76}/g, "$&\r\n");
    for (let i = 0; i < 240; i++) {
      writeFileSync(
        join(dir, `d${String(i).padStart(3, "0")}.eml`),
        `From: ops@hotel.example\r\nTo: desk@hotel.example\r\nSubject: Room ${i}\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n` +
          `--b\r\nContent-Type: text/plain\r\n\r\nRoom ${i} is ready for Thursday; the report is attached.\r\n` +
          `--b\r\nContent-Type: application/pdf; name="report.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\n${attachment}\r\n--b--\r\n`,
      );
    }
    const { code, peakMb } = peakOf([dir, "-f", "json", "-o", join(tmpdir(), `draftlint-memory-${process.pid}.json`)]);
    expect(code).toBe(0);
    expect(peakMb).toBeLessThan(250);
  }, 60_000);
});
