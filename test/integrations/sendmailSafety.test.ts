/**
 * `draftlint-sendmail` under attack and accident (issue 14): signals at every stage, a full disk,
 * endless standard input, SMTP mode, recipients hidden on the command line, and a repository's
 * config naming its own "sendmail". A spy sendmail records whether it ran and what it received;
 * every test also checks that no copy of the draft is left in the spool directory.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { CONFIG_NAME, DRAFTS, RECIPIENTS_ONLY, SENDMAIL_BIN, ensureBuilt, run, tempProject } from "./helpers.js";

vi.setConfig({ testTimeout: 60_000 });
beforeAll(ensureBuilt, 120_000);

/** Records its arguments and standard input; with SPY_HOLD it then waits, and records a TERM. */
const SPY_SENDMAIL = `#!/bin/sh
out="$SPY_OUT"
trap 'echo TERM > "$out.signal"; exit 7' TERM
printf '%s\\n' "$@" > "$out.argv"
cat > "$out.stdin"
touch "$out.ready"
if [ -n "$SPY_HOLD" ]; then while :; do sleep 0.1; done; fi
exit 0
`;

const clean = readFileSync(join(DRAFTS, "clean.eml"));
const lookalike = readFileSync(join(DRAFTS, "lookalike.eml"));

interface Project {
  dir: string;
  spy: string;
  out: string;
  spoolRoot: string;
  env: NodeJS.ProcessEnv;
}

function project(files: Record<string, string | Buffer> = {}, userConfig?: object): Project {
  const dir = tempProject({ [CONFIG_NAME]: RECIPIENTS_ONLY, spy: SPY_SENDMAIL, ...files }, "draftlint-sendmail-safety-");
  chmodSync(join(dir, "spy"), 0o755);
  const spoolRoot = join(dir, "tmp");
  mkdirSync(spoolRoot);
  const xdg = join(dir, "xdg");
  mkdirSync(join(xdg, "draftlint"), { recursive: true });
  if (userConfig) writeFileSync(join(xdg, "draftlint", "config.yaml"), JSON.stringify(userConfig));
  const out = join(dir, "sent");
  return {
    dir,
    spy: join(dir, "spy"),
    out,
    spoolRoot,
    env: { ...process.env, NO_COLOR: "1", SPY_OUT: out, TMPDIR: spoolRoot, XDG_CONFIG_HOME: xdg, DRAFTLINT_SENDMAIL: join(dir, "spy"), DRAFTLINT_FORCE: "", DRAFTLINT_SENDMAIL_ACTIVE: "" },
  };
}

const spoolLeft = (p: Project) => readdirSync(p.spoolRoot);
const sent = (p: Project) => (existsSync(`${p.out}.stdin`) ? readFileSync(`${p.out}.stdin`) : null);

function start(p: Project, args: string[], env: NodeJS.ProcessEnv = {}): { child: ChildProcess; done: Promise<{ code: number | null; stderr: string }> } {
  const child = spawn(process.execPath, [SENDMAIL_BIN, ...args], { cwd: p.dir, env: { ...p.env, ...env }, stdio: ["pipe", "ignore", "pipe"] });
  const err: Buffer[] = [];
  child.stderr!.on("data", (c) => err.push(c));
  child.stdin!.on("error", () => {});
  const done = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on("close", (code) => resolve({ code, stderr: Buffer.concat(err).toString("utf8") })));
  return { child, done };
}

async function until(condition: () => boolean, what: string, seconds = 30): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The size of the one spooled message so far, or -1 when there is none. */
function spooledBytes(p: Project): number {
  const [dir] = spoolLeft(p);
  try {
    return statSync(join(p.spoolRoot, dir, "message")).size;
  } catch {
    return -1;
  }
}

describe("draftlint-sendmail and signals", () => {
  it.each([
    ["SIGINT", 130],
    ["SIGTERM", 143],
    ["SIGHUP", 129],
  ] as const)("%s while the message is still arriving: nothing sent, no copy left", async (signal, code) => {
    const p = project();
    const { child, done } = start(p, ["-t"]);
    child.stdin!.write(clean.subarray(0, 200));
    await until(() => spooledBytes(p) > 0, "the spool to start");
    child.kill(signal);
    const r = await done;
    expect(r.code).toBe(code);
    expect(sent(p)).toBeNull();
    expect(spoolLeft(p)).toEqual([]);
  });

  it("SIGINT while linting a 1 MB draft: nothing is sent, no copy left, exit 130", async () => {
    const p = project({ [CONFIG_NAME]: JSON.stringify({}) });
    const sentence = "I know this probably doesn't sound very nice, but they are not the type of people we want here. ";
    const body = sentence.repeat(Math.ceil((1 << 20) / sentence.length));
    const draft = Buffer.from(`${clean.toString("utf8").split("\n\n")[0]}\n\n${body}`);
    const { child, done } = start(p, ["-t"], { DRAFTLINT_FORCE: "1" });
    child.stdin!.end(draft);
    // The whole message is spooled: the wrapper is linting it now (about a second of work).
    await until(() => spooledBytes(p) === draft.length, "the message to be spooled");
    child.kill("SIGINT");
    const r = await done;
    expect(r.code).toBe(130);
    expect(sent(p)).toBeNull();
    expect(spoolLeft(p)).toEqual([]);
  });

  it("SIGTERM while sendmail runs is passed to it and waited for; its exit code is the wrapper's", async () => {
    const p = project();
    const { child, done } = start(p, ["-t"], { SPY_HOLD: "1" });
    child.stdin!.end(clean);
    await until(() => existsSync(`${p.out}.ready`), "the spy sendmail to read the message");
    // The draft is on no disk while sendmail reads it: it reads from a descriptor.
    expect(spoolLeft(p)).toEqual([]);
    child.kill("SIGTERM");
    const r = await done;
    expect(readFileSync(`${p.out}.signal`, "utf8").trim()).toBe("TERM");
    expect(r.code).toBe(7);
    expect(sent(p)!.equals(clean)).toBe(true);
  });
});

describe("draftlint-sendmail and the spool", () => {
  it("refuses a message over maxMessageSize (user config) in seconds, even endless input, and leaves nothing", async () => {
    const p = project({}, { maxMessageSize: "1 MB" });
    const r = spawnSync(process.execPath, [SENDMAIL_BIN, "-t"], { cwd: p.dir, env: p.env, stdio: [openSync("/dev/zero", "r"), "ignore", "pipe"], timeout: 30_000 });
    expect(r.status).toBe(2);
    expect(r.stderr.toString().trim().split("\n")).toEqual(["draftlint-sendmail: the message is over 1 MB (maxMessageSize); message not sent (raise maxMessageSize in " + join(p.dir, "xdg", "draftlint", "config.yaml") + " to allow it)"]);
    expect(sent(p)).toBeNull();
    expect(spoolLeft(p)).toEqual([]);
  });

  it("has a default cap of 100 MB", async () => {
    const { DEFAULT_MAX_MESSAGE_SIZE, parseSize } = await import("../../src/integrations/sendmailSpool.js");
    expect(DEFAULT_MAX_MESSAGE_SIZE).toBe(100 << 20);
    expect(parseSize("25 MB")).toBe(25 << 20);
    expect(parseSize(2048)).toBe(2048);
  });

  // A full disk needs a small filesystem: a tmpfs, which only root may mount.
  const canMount = process.getuid?.() === 0 && spawnSync("mount", ["--version"]).status === 0;
  it.runIf(canMount)("a full disk (ENOSPC) while spooling: one line, exit 75, nothing sent, nothing left", async () => {
    const p = project();
    const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", "size=256k", "tmpfs", p.spoolRoot]);
    if (mounted.status !== 0) return;
    try {
      const big = Buffer.concat([clean, Buffer.alloc(1 << 20, "x")]);
      const r = await run(process.execPath, [SENDMAIL_BIN, "-t"], { cwd: p.dir, env: p.env, input: big });
      expect(r.code).toBe(75);
      expect(r.stderr.trim().split("\n")).toEqual(["draftlint-sendmail: cannot spool the message: no space left on the device; message not sent"]);
      expect(sent(p)).toBeNull();
      expect(spoolLeft(p)).toEqual([]);
    } finally {
      spawnSync("umount", [p.spoolRoot]);
    }
  });
});

describe("draftlint-sendmail: no way past the lint", () => {
  it("refuses -bs (an SMTP session on standard input) rather than pass it through unlinted", async () => {
    const p = project();
    const session = `HELO x\r\nMAIL FROM:<emma.wright@stokepark.com>\r\nRCPT TO:<karen@stokeprak.com>\r\nDATA\r\n${lookalike.toString()}\r\n.\r\nQUIT\r\n`;
    for (const args of [["-bs"], ["-b", "s"], ["-bS"]]) {
      const r = await run(process.execPath, [SENDMAIL_BIN, ...args], { cwd: p.dir, env: p.env, input: session });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^draftlint-sendmail: -b[sS] reads SMTP commands from standard input, which draftlint cannot lint; nothing sent/);
      expect(sent(p)).toBeNull();
    }
  });

  it("with -t, lints recipients given on the command line too (Postfix and msmtp deliver to them)", async () => {
    const p = project();
    const r = await run(process.execPath, [SENDMAIL_BIN, "-t", "karen.smith@stokeprak.com"], { cwd: p.dir, env: p.env, input: clean });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("karen.smith@stokeprak.com");
    expect(sent(p)).toBeNull();
    const grouped = await run(process.execPath, [SENDMAIL_BIN, "-ti", "karen.smith@stokeprak.com"], { cwd: p.dir, env: p.env, input: clean });
    expect(grouped.code).toBe(1);
    expect(sent(p)).toBeNull();
  });
});

describe("draftlint-sendmail: which sendmail", () => {
  it("never runs a sendmail named by a project config found from the working directory", async () => {
    const evil = `#!/bin/sh\ncat > "${"$"}SPY_OUT.evil"\n`;
    const p = project({ "evil.sh": evil });
    chmodSync(join(p.dir, "evil.sh"), 0o755);
    writeFileSync(join(p.dir, CONFIG_NAME), JSON.stringify({ packs: ["recipients"], sendmail: "./evil.sh" }));
    writeFileSync(join(p.dir, "xdg", "draftlint", "config.yaml"), JSON.stringify({ sendmail: p.spy }));
    const r = await run(process.execPath, [SENDMAIL_BIN, "-t"], { cwd: p.dir, env: { ...p.env, DRAFTLINT_SENDMAIL: "" }, input: clean });
    expect(r.code).toBe(0);
    expect(existsSync(`${p.out}.evil`)).toBe(false);
    expect(sent(p)!.equals(clean)).toBe(true);
    expect(r.stderr).toContain("not using sendmail: ./evil.sh");
  });

  it("finds the user config wherever it is started, with XDG_CONFIG_HOME or under HOME", async () => {
    const p = project();
    writeFileSync(join(p.dir, "xdg", "draftlint", "config.yaml"), `sendmail: ${p.spy}\npacks: [recipients]\n`);
    const elsewhere = tempProject({}, "draftlint-elsewhere-");
    const viaXdg = await run(process.execPath, [SENDMAIL_BIN, "-t"], { cwd: elsewhere, env: { ...p.env, DRAFTLINT_SENDMAIL: "" }, input: clean });
    expect(viaXdg.code).toBe(0);
    expect(sent(p)!.equals(clean)).toBe(true);

    const home = tempProject({ ".config/draftlint/config.yaml": `sendmail: ${p.spy}\npacks: [recipients]\n` }, "draftlint-home-");
    const out = join(home, "sent");
    const viaHome = await run(process.execPath, [SENDMAIL_BIN, "-t"], { cwd: elsewhere, env: { ...p.env, DRAFTLINT_SENDMAIL: "", XDG_CONFIG_HOME: "", HOME: home, SPY_OUT: out }, input: clean });
    expect(viaHome.code).toBe(0);
    expect(readFileSync(`${out}.stdin`).equals(clean)).toBe(true);
  });

  it("takes the real sendmail from --draftlint-sendmail, and does not pass that option on", async () => {
    const p = project();
    const r = await run(process.execPath, [SENDMAIL_BIN, `--draftlint-sendmail=${p.spy}`, "-oi", "-t"], { cwd: p.dir, env: { ...p.env, DRAFTLINT_SENDMAIL: "" }, input: clean });
    expect(r.code).toBe(0);
    expect(readFileSync(`${p.out}.argv`, "utf8")).toBe("-oi\n-t\n");
  });
});
