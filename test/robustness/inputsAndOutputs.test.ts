/**
 * What the CLI does with the paths it is given and the places it writes (issue 14): a report
 * file that is also an input, special files (FIFOs, /dev/zero) named as drafts or packs, a
 * closed or full standard output, unreadable and symlinked directories. Each must end in
 * seconds with findings or one plain line and exit 2, and never change an input.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, openSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { CLI, CONFIG_NAME, DRAFTS, RECIPIENTS_ONLY, ensureBuilt, runCli, tempProject } from "../integrations/helpers.js";

vi.setConfig({ testTimeout: 60_000 });
beforeAll(ensureBuilt, 120_000);

const lookalike = readFileSync(join(DRAFTS, "lookalike.eml"), "utf8");
const clean = readFileSync(join(DRAFTS, "clean.eml"), "utf8");

describe("-o onto an input", () => {
  it.each([
    ["the file itself", ["-o", "draft.eml", "draft.eml"]],
    ["a draft inside a walked directory", ["-o", "drafts/a.eml", "drafts"]],
    ["a symlink to an input", ["-o", "report.txt", "draft.eml"]],
  ])("is refused before anything is written: %s", async (_, args) => {
    const dir = tempProject({ [CONFIG_NAME]: RECIPIENTS_ONLY, "draft.eml": lookalike, "drafts/a.eml": clean, "drafts/notes.md": "Notes for Karen.\n" });
    symlinkSync(join(dir, "draft.eml"), join(dir, "report.txt"));
    const r = await runCli(args, { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^draftlint: -o \S+: is one of the inputs \(\S+\); not overwriting it$/)]);
    expect(readFileSync(join(dir, "draft.eml"), "utf8")).toBe(lookalike);
    expect(readFileSync(join(dir, "drafts/notes.md"), "utf8")).toBe("Notes for Karen.\n");
    expect(readFileSync(join(dir, "drafts/a.eml"), "utf8")).toBe(clean);
  });

  it("still writes a report file that is not an input", async () => {
    const dir = tempProject({ [CONFIG_NAME]: RECIPIENTS_ONLY, "draft.eml": lookalike, "report.json": "old" });
    const r = await runCli(["-f", "json", "-o", "report.json", "draft.eml"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, "report.json"), "utf8")).files[0].file).toBe("draft.eml");
  });
});

describe("special files as inputs", () => {
  it.each(["/dev/zero", "/dev/urandom", "fifo.eml"])("%s is refused as not a file, in seconds, and the other inputs still linted", async (input) => {
    const dir = tempProject({ [CONFIG_NAME]: RECIPIENTS_ONLY, "draft.eml": lookalike, "walked/a.eml": clean });
    execFileSync("mkfifo", [join(dir, "fifo.eml")]);
    execFileSync("mkfifo", [join(dir, "walked", "b.eml")]);
    const r = await runCli(["-f", "json", input, "draft.eml"], { cwd: dir });
    expect(r.code).toBe(2);
    const files = JSON.parse(r.stdout).files;
    expect(files.find((f: any) => f.file === "draft.eml").findings.map((f: any) => f.ruleId)).toContain("lookalike-domain");
    const refused = files.filter((f: any) => f.error);
    expect(refused).toHaveLength(1);
    expect(refused[0].error.message).toMatch(/^a (FIFO|device), not a file: not read$/);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("a FIFO found by a directory walk is not a draft: passed over, not waited on", async () => {
    const dir = tempProject({ [CONFIG_NAME]: RECIPIENTS_ONLY, "walked/a.eml": clean });
    execFileSync("mkfifo", [join(dir, "walked", "b.eml")]);
    const r = await runCli(["-f", "json", "walked"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files.map((f: any) => f.file)).toEqual(["walked/a.eml"]);
  });

  it("endless standard input is a file error, not a process that grows without end", () => {
    const r = spawnSync(process.execPath, [CLI, "-"], { stdio: [openSync("/dev/zero", "r"), "pipe", "pipe"], timeout: 60_000, encoding: "utf8" });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toEqual(["draftlint: standard input is over 64 MB: save it to a file to lint it"]);
  });
});

describe("standard output", () => {
  it("closed early (| head): the exit code still says there were errors", async () => {
    const files = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`d${i}.eml`, lookalike]));
    const dir = tempProject({ [CONFIG_NAME]: RECIPIENTS_ONLY, ...files });
    const child = spawn(process.execPath, [CLI, "-f", "json", "."], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (c) => (stderr += c));
    const code = await new Promise((resolve) => child.on("close", resolve));
    expect(code).toBe(1);
    expect(stderr).toBe("");
  });

  it("a full disk (> /dev/full): one line, exit 2", () => {
    const dir = tempProject({ [CONFIG_NAME]: RECIPIENTS_ONLY, "draft.eml": lookalike });
    const r = spawnSync(process.execPath, [CLI, "draft.eml"], { cwd: dir, stdio: ["ignore", openSync("/dev/full", "w"), "pipe"], encoding: "utf8", timeout: 30_000 });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toEqual(["draftlint: cannot write the report to standard output (no space left on the device)"]);
  });
});

describe("directory walks", () => {
  it("files under a symlinked directory (and a symlink loop) are linted once, by their own path", async () => {
    const dir = tempProject({ [CONFIG_NAME]: RECIPIENTS_ONLY, "drafts/ok/a.eml": lookalike, "drafts/real/r.eml": lookalike });
    symlinkSync("../real", join(dir, "drafts", "ok", "link"));
    symlinkSync("..", join(dir, "drafts", "real", "loop"));
    const r = await runCli(["-f", "json", "drafts"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).files.map((f: any) => f.file)).toEqual(["drafts/ok/a.eml", "drafts/real/r.eml"]);
  });

  // As root every directory is readable: the walk then runs as nobody.
  const asRoot = process.getuid?.() === 0;
  it("an unreadable subdirectory is reported (exit 2, one line), not skipped", () => {
    const dir = tempProject({ "drafts/a.eml": clean, "drafts/private/s.eml": lookalike, "drafts/archive/old/x.eml": lookalike, ".linterrc.json": JSON.stringify({ packs: ["recipients"], ignorePatterns: ["drafts/archive/**"] }) });
    execFileSync("chmod", ["-R", "a+rX", dir]);
    chmodSync(join(dir, "drafts", "private"), 0);
    chmodSync(join(dir, "drafts", "archive", "old"), 0);
    try {
      const r = spawnSync(process.execPath, [CLI, "-f", "json", "drafts"], {
        cwd: dir,
        encoding: "utf8",
        timeout: 30_000,
        env: { ...process.env, NO_COLOR: "1" },
        ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
      });
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split("\n")).toEqual(["draftlint: drafts/private: permission denied: this directory was not walked"]);
      expect(JSON.parse(r.stdout).files.map((f: any) => [f.file, f.error?.code ?? null])).toEqual([
        ["drafts/private", "read-error"],
        ["drafts/a.eml", null],
      ]);
    } finally {
      chmodSync(join(dir, "drafts", "private"), 0o755);
      chmodSync(join(dir, "drafts", "archive", "old"), 0o755);
    }
  });
});
