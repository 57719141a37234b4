#!/usr/bin/env node
// Hostile inputs (SPEC §9 "never hang, never crash"): writes each into a temporary folder, runs the
// built CLI on it, and prints the time, exit code and outcome. Every one must end in findings or a
// clean file error (exit ≤ 2, no stack trace) within seconds. test/robustness/hostile.test.ts
// runs the same inputs as tests.
//
//   node scripts/stress.mjs            (after npm run build)
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const HEAD = "From: Ann Example <ann@acme.com>\r\nTo: Bob Jones <bob@acme.com>\r\nSubject: Test\r\n";

/** name → file contents; each is one hostile shape SPEC §9 names (or one close to it). */
export function hostileInputs() {
  const words = "the quarterly report is ready for review and ".repeat(1 << 18); // ~11.5 MB
  const nested = (() => {
    let body = "Content-Type: text/plain\r\n\r\nThe innermost part.\r\n";
    for (let i = 999; i >= 0; i--) {
      body = `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n${body}\r\n--b${i}--\r\n`;
    }
    return body;
  })();
  const recipients = Array.from({ length: 10000 }, (_, i) => `Person ${i} <p${i}@example${i % 97}.com>`).join(",\r\n ");
  return {
    "long-line-10mb.eml": `${HEAD}\r\n${words.slice(0, 10 << 20)}\r\n`,
    "recipients-10000.eml": `From: Ann Example <ann@acme.com>\r\nTo: ${recipients}\r\nSubject: Everyone\r\n\r\nHello all.\r\n`,
    "nested-1000.eml": `From: Ann Example <ann@acme.com>\r\nTo: Bob Jones <bob@acme.com>\r\nSubject: Deep\r\nMIME-Version: 1.0\r\n${nested}`,
    "header-over-1mb.eml": `${HEAD}X-Long: ${"a".repeat(1200 * 1024)}\r\n\r\nShort body.\r\n`,
    "subject-over-1mb.eml": `From: Ann Example <ann@acme.com>\r\nTo: Bob Jones <bob@acme.com>\r\nSubject: ${"word ".repeat(250 * 1024)}\r\n\r\nShort body.\r\n`,
    "unclosed-boundary.eml": `${HEAD}MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="never"\r\n\r\n--never\r\nContent-Type: text/plain\r\n\r\nThe text part.\r\n--never\r\nContent-Type: application/pdf; name="a.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n`,
    "truncated-base64.eml": `${HEAD}MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\nSGVsbG8gQm9iLCB0aGUgcmVwb3J0IGlzIHJlYWR5Lg==\r\nSGVsbG8gQm9i`,
    "unknown-charset.eml": `${HEAD}MIME-Version: 1.0\r\nContent-Type: text/plain; charset=x-no-such-charset\r\nContent-Transfer-Encoding: 8bit\r\n\r\nHello Bob, the report is ready.\r\n`,
    "unknown-charset-header.eml": `From: =?x-unknown?Q?Ann?= <ann@acme.com>\r\nTo: Bob <bob@acme.com>\r\nSubject: =?x-unknown?B?SGVsbG8=?=\r\n\r\nHello.\r\n`,
    "nul-bytes.eml": `${HEAD}\r\nHello\u0000Bob,\u0000 the report\u0000 is ready.\r\n`,
    "nul-bytes.txt": "\u0000\u0001\u0002binary\u0000data",
    "empty.eml": "",
    "only-headers.eml": HEAD,
    "crlf-soup.eml": `${HEAD}\r\n${"\r\r\n\n\r".repeat(100000)}`,
    "many-parts-2000.eml": `${HEAD}MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="s"\r\n\r\n${Array.from({ length: 2000 }, (_, i) => `--s\r\nContent-Type: text/plain\r\n\r\nPart ${i}.\r\n`).join("")}--s--\r\n`,
    "quote-depth.eml": `${HEAD}\r\n${Array.from({ length: 20000 }, (_, i) => `${">".repeat(i % 300)} line ${i}`).join("\r\n")}\r\n`,
  };
}

export function writeHostileInputs(dir) {
  const inputs = hostileInputs();
  for (const [name, text] of Object.entries(inputs)) writeFileSync(join(dir, name), text, "latin1");
  return Object.keys(inputs);
}

/** Runs the built CLI on one file: exit code, time, JSON result (when there is one), stderr. */
export function runCli(file, { timeout = 60000 } = {}) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "draftlint.js"), file, "-f", "json", "--no-color"], {
    encoding: "utf8",
    timeout,
    maxBuffer: 256 << 20,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  let report = null;
  try {
    report = JSON.parse(r.stdout);
  } catch {
    /* reported below */
  }
  return { status: r.status, signal: r.signal, ms, report, stderr: r.stderr ?? "", stdout: r.stdout ?? "" };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = mkdtempSync(join(tmpdir(), "draftlint-stress-"));
  let failed = 0;
  try {
    for (const name of writeHostileInputs(dir)) {
      const r = runCli(join(dir, name));
      const file = r.report?.files?.[0];
      const outcome = file?.error ? `file error: ${file.error.code}` : file ? `${file.findings.length} findings, ${file.recipients.length} recipients` : "no report";
      const stack = /\n\s+at /.test(r.stderr);
      const ok = r.status !== null && r.status <= 2 && !stack && file;
      if (!ok) failed++;
      console.log(`${ok ? "ok  " : "FAIL"} ${name.padEnd(28)} ${(r.ms / 1000).toFixed(2).padStart(6)} s  exit ${r.status ?? r.signal}  ${outcome}${stack ? "  (stack trace!)" : ""}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.exitCode = failed ? 1 : 0;
}
