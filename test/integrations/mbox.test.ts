/**
 * mbox archives: split on `From ` lines while streaming, `>From ` unquoted (mboxrd), one result
 * per message named `archive.mbox#N`, lines pointing into the archive, memory that does not grow
 * with the archive.
 */
import { readFileSync, createWriteStream, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { once } from "node:events";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { CONFIG_NAME, DRAFTS, RECIPIENTS_ONLY, CLI, ensureBuilt, run, runCli, tempProject } from "./helpers.js";
import { isMboxFile, looksLikeMbox, readMbox, splitArchiveMember } from "../../src/input/mbox.js";

// Every test here starts real processes (node, git, npm): allow for a busy machine.
vi.setConfig({ testTimeout: 30_000 });

const clean = readFileSync(join(DRAFTS, "clean.eml"), "latin1");
const lookalike = readFileSync(join(DRAFTS, "lookalike.eml"), "latin1");

/** Writes messages as an mboxrd writer does: a From_ line, `From `/`>From ` quoted, a blank line. */
function toMboxrd(messages: string[], eol = "\n"): string {
  return messages
    .map((m) => `From emma@stokepark.com Mon Mar  3 10:12:00 2025${eol}${m.replace(/^(>*From )/gm, ">$1")}${m.endsWith(eol) ? "" : eol}${eol}`)
    .join("");
}

async function split(input: string | Buffer, chunkSize?: number) {
  const bytes = Buffer.isBuffer(input) ? input : Buffer.from(input, "latin1");
  const chunks: Buffer[] = [];
  if (chunkSize) for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  else chunks.push(bytes);
  const out: Array<{ index: number; startLine: number; text: string }> = [];
  for await (const m of readMbox(Readable.from(chunks))) out.push({ index: m.index, startLine: m.startLine, text: m.source.toString("latin1") });
  return out;
}

beforeAll(ensureBuilt, 120_000);

describe("readMbox", () => {
  const bodies = [
    "Subject: one\n\nFrom the start of a line.\n>From already quoted once.\n>>From twice.\nNot From here.\n",
    "Subject: two\n\nSecond.\n\n\n",
    "Subject: three\n\nlast line without newline",
  ];

  it("splits on From_ lines and undoes mboxrd quoting exactly", async () => {
    const messages = await split(toMboxrd(bodies));
    expect(messages.map((m) => m.index)).toEqual([1, 2, 3]);
    expect(messages[0].text).toBe(bodies[0]);
    expect(messages[1].text).toBe(bodies[1]);
    // The writer added the final newline; the reader cannot know it was absent.
    expect(messages[2].text).toBe(bodies[2] + "\n");
    expect(messages.map((m) => m.startLine)).toEqual([2, 10, 17]);
  });

  it("gives the same messages whatever the chunk boundaries (1, 7 and 4096 bytes)", async () => {
    const archive = toMboxrd(bodies, "\r\n".slice(1)) + toMboxrd(bodies.map((b) => b.replace(/\n/g, "\r\n")), "\r\n");
    const whole = await split(archive);
    expect(whole).toHaveLength(6);
    for (const size of [1, 7, 4096]) expect(await split(archive, size)).toEqual(whole);
    expect(whole[3].text).toBe(bodies[0].replace(/\n/g, "\r\n"));
  });

  it("needs a blank line before a separator: an unquoted From in a body does not split", async () => {
    const archive = "From a@b Mon Mar  3 10:12:00 2025\nSubject: x\n\nline\nFrom here on it is body\n\nFrom b@c Mon Mar  3 10:12:00 2025\nSubject: y\n\nz\n";
    const messages = await split(archive);
    expect(messages).toHaveLength(2);
    expect(messages[0].text).toContain("From here on it is body");
  });

  it("keeps text before the first separator as a message, and ignores an empty archive", async () => {
    expect(await split("")).toEqual([]);
    expect(await split("\n\n")).toEqual([]);
    const messages = await split("Subject: stray\n\nbody\n\nFrom a@b Mon Mar  3 10:12:00 2025\nSubject: y\n\nz\n");
    expect(messages.map((m) => [m.index, m.text.split("\n")[0]])).toEqual([
      [1, "Subject: stray"],
      [2, "Subject: y"],
    ]);
  });

  it("recognises archives by extension or by a From_ line followed by a header", async () => {
    expect(looksLikeMbox(Buffer.from("From a@b Mon Mar  3 10:12:00 2025\nSubject: x\n"))).toBe(true);
    expect(looksLikeMbox(Buffer.from("From now on, we will reply within a day.\nThanks\n"))).toBe(false);
    const dir = tempProject({ "export": toMboxrd(bodies), "note.txt": "From now on, all rotas go here.\n" });
    expect(await isMboxFile(join(dir, "export"))).toBe(true);
    expect(await isMboxFile(join(dir, "note.txt"))).toBe(false);
    expect(await isMboxFile(join(dir, "anything.mbox"))).toBe(true);
    expect(splitArchiveMember("a/archive.mbox#12")).toEqual({ path: "a/archive.mbox", member: 12 });
    expect(splitArchiveMember("draft.eml")).toEqual({ path: "draft.eml", member: null });
  });
});

describe("linting an mbox", () => {
  it("gives one result per message: an mbox of 22 drafts gives 22 results", async () => {
    const drafts = Array.from({ length: 22 }, (_, i) => ((i + 1) % 5 === 0 ? lookalike : clean));
    const dir = tempProject({ [CONFIG_NAME]: RECIPIENTS_ONLY, "archive.mbox": toMboxrd(drafts) });
    const r = await runCli(["-f", "json", "archive.mbox"], { cwd: dir });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.files).toHaveLength(22);
    expect(report.files.map((f: any) => f.file)).toEqual(drafts.map((_, i) => `archive.mbox#${i + 1}`));
    const flagged = report.files.filter((f: any) => f.findings.some((x: any) => x.ruleId === "lookalike-domain")).map((f: any) => f.file);
    expect(flagged).toEqual(["archive.mbox#5", "archive.mbox#10", "archive.mbox#15", "archive.mbox#20"]);
    // Lines point into the archive: message 5's header finding at its To: line.
    const archiveLines = readFileSync(join(dir, "archive.mbox"), "latin1").split("\n");
    const fifthFrom = archiveLines.map((l, i) => (l.startsWith("From ") ? i + 1 : 0)).filter(Boolean)[4];
    const finding = report.files[4].findings.find((x: any) => x.ruleId === "lookalike-domain");
    const toLine = archiveLines.findIndex((l, i) => i >= fifthFrom && /^To:/i.test(l)) + 1;
    expect(finding.location.fileLine).toBe(toLine);
    expect(report.summary).toMatchObject({ files: 22, errors: 4, fileErrors: 0 });
  });

  it("walks .mbox files in directories and lints an archive without the extension", async () => {
    const dir = tempProject({ [CONFIG_NAME]: RECIPIENTS_ONLY, "mail/a.mbox": toMboxrd([clean, clean]), "export": toMboxrd([lookalike]) });
    const r = await runCli(["-f", "json", "mail", "export"], { cwd: dir });
    const files = JSON.parse(r.stdout).files.map((f: any) => f.file);
    expect(files).toEqual(["mail/a.mbox#1", "mail/a.mbox#2", "export#1"]);
  });

  it("uses memory that does not grow with the archive (500 KB messages, 20 MB vs 120 MB)", async () => {
    const dir = tempProject({ [CONFIG_NAME]: RECIPIENTS_ONLY });
    const message = (i: number) =>
      clean.replace("Subject: Rota", `Subject: Rota ${i}`).replace("Emma\n", `Emma\n${"Rota line with a few words in it, repeated to make a long draft.\n".repeat(7_500)}`);
    const write = async (name: string, count: number) => {
      const out = createWriteStream(join(dir, name));
      for (let i = 0; i < count; i++) if (!out.write(toMboxrd([message(i)]))) await once(out, "drain");
      out.end();
      await once(out, "finish");
    };
    await write("small.mbox", 40);
    await write("large.mbox", 240);
    const maxRss = async (archive: string) => {
      // The CLI in-process, reporting its own peak resident memory when it exits.
      const script = `process.argv = [process.argv[0], ${JSON.stringify(CLI)}, "-f", "json", ${JSON.stringify(archive)}];
        process.on("exit", () => process.stderr.write("MAXRSS " + process.resourceUsage().maxRSS + "\\n"));
        await import(${JSON.stringify(CLI)});`;
      const r = await run(process.execPath, ["--input-type=module", "-e", script], { cwd: dir });
      expect(JSON.parse(r.stdout).files.length).toBeGreaterThan(0);
      return Number(/MAXRSS (\d+)/.exec(r.stderr)![1]) / 1024;
    };
    const small = await maxRss("small.mbox");
    const large = await maxRss("large.mbox");
    console.log(`mbox peak RSS: ${small.toFixed(0)} MB for 40 messages (~20 MB), ${large.toFixed(0)} MB for 240 messages (~120 MB)`);
    expect(large).toBeLessThan(200);
    expect(large - small).toBeLessThan(60); // garbage collection is lazy; 100 MB more archive must not mean 100 MB more memory
  }, 120_000);
});

describe("a message too large to hold", () => {
  it("is spilled to a private file, linted streaming, removed after; the messages around it unchanged", async () => {
    const big = `${lookalike.split("\n\n")[0]}\n\nHi Karen, TODO.\n${`${"x".repeat(99)}\n`.repeat(200_000)}`;
    const archive = toMboxrd([clean, big, lookalike]);
    const dir = tempProject({ [CONFIG_NAME]: RECIPIENTS_ONLY, "sent.mbox": archive, tmp: "" });
    const spoolRoot = join(dir, "spool");
    mkdirSync(spoolRoot);
    const r = await run(process.execPath, ["--max-old-space-size=200", CLI, "-f", "json", "sent.mbox"], { cwd: dir, env: { TMPDIR: spoolRoot } });
    expect(r.stderr).toBe("");
    const files = JSON.parse(r.stdout).files;
    expect(files.map((f: any) => [f.file, f.error])).toEqual([
      ["sent.mbox#1", null],
      ["sent.mbox#2", null],
      ["sent.mbox#3", null],
    ]);
    expect(files[1].findings.map((f: any) => f.ruleId)).toEqual(["external-recipient", "lookalike-domain", "body-too-long"]);
    // The third message's header findings point at its To: line in the archive (1-based).
    const lines = archive.split("\n");
    const thirdFrom = lines.findIndex((line, i) => line.startsWith("From emma") && lines.slice(0, i).filter((l) => l.startsWith("From emma")).length === 2);
    const thirdTo = lines.findIndex((line, i) => i > thirdFrom && /^To:/i.test(line)) + 1;
    expect(files[2].findings.map((f: any) => f.location.fileLine)).toEqual([thirdTo, thirdTo]);
    expect(readdirSync(spoolRoot)).toEqual([]);
  }, 60_000);
});
