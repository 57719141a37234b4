/**
 * `draftlint-sendmail`, driven as mutt and scripts drive sendmail, with a fake sendmail that
 * records its arguments and writes its standard input to a file: a clean message must arrive
 * byte for byte (binary, 8-bit, CRLF, ~50 MB), a flagged one must never reach it.
 */
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { CONFIG_NAME, DRAFTS, RECIPIENTS_ONLY, ROOT, SENDMAIL_BIN, ensureBuilt, run, tempProject } from "./helpers.js";
import { hiddenRecipients, parseSendmailArgs } from "../../src/integrations/sendmailWrapper.js";
import { lint } from "../../src/index.js";

// Every test here starts real processes (node, git, npm): allow for a busy machine.
vi.setConfig({ testTimeout: 30_000 });

const FAKE_SENDMAIL = `#!/bin/sh
# Records what a real sendmail would have been given.
out="$FAKE_SENDMAIL_OUT"
printf '%s\\n' "$@" > "$out.argv"
printf '%s %s\\n' "$(stat -L -c %a /proc/self/fd/0)" "$(readlink /proc/self/fd/0)" > "$out.stdin-stat" 2>/dev/null
cat > "$out.stdin"
exit "\${FAKE_SENDMAIL_EXIT:-0}"
`;

interface Setup {
  dir: string;
  out: string;
  env: NodeJS.ProcessEnv;
}

/**
 * A project with `config` and a fake sendmail; `userConfig` is written as the user-level config
 * ($XDG_CONFIG_HOME/draftlint/config.yaml), which is always this project's own, never the real one.
 */
function setup(config: string = RECIPIENTS_ONLY, configName = CONFIG_NAME, userConfig?: string): Setup {
  const files: Record<string, string> = { [configName]: config, "fake-sendmail": FAKE_SENDMAIL };
  if (userConfig !== undefined) files["xdg/draftlint/config.yaml"] = userConfig;
  const dir = tempProject(files, "draftlint-sendmail-it-");
  chmodSync(join(dir, "fake-sendmail"), 0o755);
  const out = join(dir, "sent");
  return {
    dir,
    out,
    env: { DRAFTLINT_SENDMAIL: join(dir, "fake-sendmail"), FAKE_SENDMAIL_OUT: out, DRAFTLINT_FORCE: "", DRAFTLINT_SENDMAIL_ACTIVE: "", XDG_CONFIG_HOME: join(dir, "xdg") },
  };
}

function wrapper(s: Setup, args: string[], input: Buffer | string, env: NodeJS.ProcessEnv = {}) {
  return run(process.execPath, [SENDMAIL_BIN, ...args], { cwd: s.dir, env: { ...s.env, ...env }, input });
}

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const clean = readFileSync(join(DRAFTS, "clean.eml"));
const lookalike = readFileSync(join(DRAFTS, "lookalike.eml"));
const stokePark = readFileSync(join(DRAFTS, "stoke-park.eml"));

/** A clean message whose body is 8-bit (Latin-1 and UTF-8 bytes, no transfer encoding). */
function eightBit(): Buffer {
  return Buffer.concat([
    Buffer.from(clean.toString("latin1").replace("Content-Type: text/plain; charset=utf-8", "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit").split("\n\nHi Karen,")[0], "latin1"),
    Buffer.from("\n\nHi Karen,\n\nThe caf\u00e9 r\u00e9servation is for Ren\u00e9e \u2014 na\u00efve r\u00e9sum\u00e9 \u{1F382}.\n", "utf8"),
    Buffer.from([0x4c, 0x61, 0x74, 0x69, 0x6e, 0x31, 0x3a, 0x20, 0xe9, 0xe8, 0xff, 0x0a]),
  ]);
}

/**
 * RFC 3030 BINARYMIME: text first, then an attachment of raw bytes (every byte value, NUL and
 * bare CR included), as a MUA with binary support may hand to sendmail.
 */
function binaryMime(bytes: Buffer): Buffer {
  const head = [
    "From: Emma Wright <emma.wright@stokepark.com>",
    "To: Karen Smith <karen.smith@stokepark.com>",
    "Subject: Floor plan",
    "MIME-Version: 1.0",
    'Content-Type: multipart/mixed; boundary="b1"',
    "",
    "--b1",
    "Content-Type: text/plain; charset=utf-8",
    "",
    "Hi Karen, the floor plan is attached.",
    "x".repeat(9000), // the text part runs past the first 8 KB, as a long note would
    "--b1",
    "Content-Type: application/octet-stream; name=plan.bin",
    "Content-Disposition: attachment; filename=plan.bin",
    "Content-Transfer-Encoding: binary",
    "",
    "",
  ].join("\r\n");
  return Buffer.concat([Buffer.from(head), bytes, Buffer.from("\r\n--b1--\r\n")]);
}

/** A message of about `megabytes` MB: a text part and a big base64 attachment, CRLF lines. */
function largeMessage(megabytes: number): Buffer {
  const raw = randomBytes(Math.floor((megabytes * 1024 * 1024 * 3) / 4));
  const b64 = raw.toString("base64").replace(/.{76}/g, "$&\r\n");
  return Buffer.concat([
    Buffer.from(
      [
        "From: Emma Wright <emma.wright@stokepark.com>",
        "To: Karen Smith <karen.smith@stokepark.com>",
        "Subject: Photos from the open day",
        "MIME-Version: 1.0",
        'Content-Type: multipart/mixed; boundary="big"',
        "",
        "--big",
        "Content-Type: text/plain; charset=utf-8",
        "",
        "Hi Karen, the photos from the open day are attached.",
        "--big",
        "Content-Type: application/zip; name=photos.zip",
        "Content-Disposition: attachment; filename=photos.zip",
        "Content-Transfer-Encoding: base64",
        "",
        "",
      ].join("\r\n"),
    ),
    Buffer.from(b64),
    Buffer.from("\r\n--big--\r\n"),
  ]);
}

beforeAll(ensureBuilt, 120_000);

describe("parsing sendmail's command line", () => {
  it("separates options, option values and envelope recipients", () => {
    expect(parseSendmailArgs(["-oem", "-oi", "-f", "me@acme.com", "--", "a@x.com", "b@y.com"])).toMatchObject({ extractRecipients: false, recipients: ["a@x.com", "b@y.com"], passThrough: false, unlintable: null });
    expect(parseSendmailArgs(["-t", "-i", "-Fme", "-fme@acme.com"])).toMatchObject({ extractRecipients: true, recipients: [] });
    expect(parseSendmailArgs(["-bv", "a@x.com"]).passThrough).toBe(true);
    expect(parseSendmailArgs(["-N", "never", "a@x.com"]).recipients).toEqual(["a@x.com"]);
    // getopt groups flags: -ti is -t -i, and a value may be attached or the next argument.
    expect(parseSendmailArgs(["-ti", "a@x.com"])).toMatchObject({ extractRecipients: true, recipients: ["a@x.com"] });
    expect(parseSendmailArgs(["-b", "s"]).unlintable).toBe("-bs");
    expect(parseSendmailArgs(["-bS"]).unlintable).toBe("-bS");
  });

  it("takes out its own --draftlint- options, and passes everything else on", () => {
    const parsed = parseSendmailArgs(["--draftlint-sendmail=/usr/bin/msmtp", "--draftlint-config", "my.yaml", "--account=work", "-t"]);
    expect(parsed).toMatchObject({ sendmail: "/usr/bin/msmtp", config: "my.yaml", sendmailArgv: ["--account=work", "-t"], recipients: [] });
  });

  it("treats envelope recipients that no header names as hidden (Bcc)", () => {
    expect(hiddenRecipients(clean, ["karen.smith@STOKEPARK.com", "auditor@example.org"])).toEqual(["auditor@example.org"]);
  });
});

describe("draftlint-sendmail", () => {
  it.each([
    ["--help", /^usage: draftlint-sendmail /],
    ["--version", /^draftlint-sendmail \d+\.\d+\.\d+/],
  ])("answers %s at once, without waiting for a message on standard input", async (flag, expected) => {
    // Standard input stays open: the old wrapper sat waiting on it for a message.
    const child = spawn(process.execPath, [SENDMAIL_BIN, flag], { stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    child.stdout.on("data", (d) => (stdout += d));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    child.stdin.destroy();
    expect(code).toBe(0);
    expect(stdout).toMatch(expected);
  });

  it("passes a clean message through byte for byte, with the same arguments, and exits with sendmail's code", async () => {
    const s = setup();
    const args = ["-oem", "-oi", "-f", "emma.wright@stokepark.com", "--", "karen.smith@stokepark.com"];
    const r = await wrapper(s, args, clean, { FAKE_SENDMAIL_EXIT: "0" });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(readFileSync(`${s.out}.stdin`).equals(clean)).toBe(true);
    expect(readFileSync(`${s.out}.argv`, "utf8")).toBe(args.join("\n") + "\n");
  });

  it("returns the real sendmail's exit code", async () => {
    const s = setup();
    const r = await wrapper(s, ["-t"], clean, { FAKE_SENDMAIL_EXIT: "75" });
    expect(r.code).toBe(75);
    expect(readFileSync(`${s.out}.stdin`).equals(clean)).toBe(true);
  });

  it("spools to a private file (0600) that is gone afterwards", async () => {
    const s = setup();
    await wrapper(s, ["-t"], clean);
    const [mode, path] = readFileSync(`${s.out}.stdin-stat`, "utf8").trim().split(" ");
    expect(mode).toBe("600");
    expect(path).toMatch(/draftlint-sendmail-/);
    expect(existsSync(path)).toBe(false);
  });

  it.each([
    ["CRLF line ends", () => Buffer.from(clean.toString("latin1").replace(/\n/g, "\r\n"), "latin1")],
    ["8-bit body (Latin-1 and UTF-8 bytes)", eightBit],
    ["binary MIME part (every byte value)", () => binaryMime(Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 256)))],
    ["no final newline, trailing spaces and a lone dot line", () => Buffer.from(clean.toString("latin1").replace("Emma\n", "Emma  \n.\n..\nEmma"), "latin1")],
  ])("keeps a message with %s identical", async (_, make) => {
    const s = setup();
    const message = make();
    const r = await wrapper(s, ["-i", "karen.smith@stokepark.com"], message);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(sha(readFileSync(`${s.out}.stdin`))).toBe(sha(message));
  });

  it("keeps a ~50 MB message identical", async () => {
    const s = setup();
    const message = largeMessage(50);
    expect(message.length).toBeGreaterThan(49 * 1024 * 1024);
    const r = await wrapper(s, ["-t"], message);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const sent = readFileSync(`${s.out}.stdin`);
    expect(sent.length).toBe(message.length);
    expect(sha(sent)).toBe(sha(message));
  }, 120_000);

  it("refuses a message with lint errors: report on stderr, exit 1, sendmail never runs", async () => {
    const s = setup();
    const r = await wrapper(s, ["-t"], lookalike);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("lookalike-domain");
    expect(r.stderr).toContain("not sent");
    expect(existsSync(`${s.out}.argv`)).toBe(false);
    expect(existsSync(`${s.out}.stdin`)).toBe(false);
  });

  it("sends anyway with DRAFTLINT_FORCE=1, unchanged", async () => {
    const s = setup();
    const r = await wrapper(s, ["-t"], lookalike, { DRAFTLINT_FORCE: "1" });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("DRAFTLINT_FORCE");
    expect(readFileSync(`${s.out}.stdin`).equals(lookalike)).toBe(true);
  });

  it("lints envelope recipients that no header names as Bcc (mutt drops the Bcc header)", async () => {
    const s = setup();
    const r = await wrapper(s, ["-oi", "--", "karen.smith@stokepark.com", "auditor@stokeprak.com"], clean);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("auditor@stokeprak.com");
    expect(existsSync(`${s.out}.stdin`)).toBe(false);
    // With -t the recipients are the message's own headers: the same message goes.
    const t = await wrapper(s, ["-t"], clean);
    expect(t.code).toBe(0);
  });

  it("refuses the Stoke Park draft when the team blocks outsiders on internal threads", async () => {
    const s = setup(JSON.stringify({ packs: ["recipients"], rules: { "external-cc-on-internal-thread": "error" } }));
    const r = await wrapper(s, ["-t"], stokePark);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("pauline.bailey@gmail.com");
    expect(existsSync(`${s.out}.stdin`)).toBe(false);
  });

  it("decides on the Stoke Park draft exactly as the library does with the default packs", async () => {
    const s = setup(JSON.stringify({}));
    const expected = await lint(stokePark, { config: {}, cwd: s.dir, input: "eml" }).catch(() => null);
    const r = await wrapper(s, ["-t"], stokePark);
    if (!expected || expected.error) {
      // The built-in packs failed to load (a pack being edited): the wrapper must refuse too.
      expect(r.code).toBe(2);
    } else if (expected.findings.some((f) => f.severity === "error")) {
      expect(r.code).toBe(1);
      expect(existsSync(`${s.out}.stdin`)).toBe(false);
    } else {
      expect(r.code).toBe(0);
      expect(readFileSync(`${s.out}.stdin`).equals(stokePark)).toBe(true);
    }
  });

  it("refuses with one line when its config is broken", async () => {
    const s = setup(JSON.stringify({ internalDomain: ["typo.com"] }));
    const r = await wrapper(s, ["-t"], clean);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^draftlint-sendmail: .*internalDomain.*not sent/);
    expect(existsSync(`${s.out}.stdin`)).toBe(false);
  });

  it("sends unchecked when draftlint fails and the user config says onFailure: send", async () => {
    const s = setup(RECIPIENTS_ONLY, CONFIG_NAME, JSON.stringify({ onFailure: "send", internalDomain: ["typo.com"] }));
    const r = await wrapper(s, ["-t"], clean);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("sending unchecked");
    expect(readFileSync(`${s.out}.stdin`).equals(clean)).toBe(true);
  });

  it("refuses a message it cannot read (binary from the first byte), or sends it unchanged with onFailure: send", async () => {
    const garbage = Buffer.concat([Buffer.from([0, 1, 2, 3, 0xff]), randomBytes(2048)]);
    const refused = setup();
    const r = await wrapper(refused, ["-t"], garbage);
    expect(r.code).toBe(2);
    expect(existsSync(`${refused.out}.stdin`)).toBe(false);
    const sending = setup(RECIPIENTS_ONLY, CONFIG_NAME, JSON.stringify({ onFailure: "send" }));
    const s = await wrapper(sending, ["-t"], garbage);
    expect(s.code).toBe(0);
    expect(readFileSync(`${sending.out}.stdin`).equals(garbage)).toBe(true);
  });

  it("uses the user config's `sendmail` when DRAFTLINT_SENDMAIL is not set", async () => {
    const s = setup();
    mkdirSync(join(s.dir, "xdg", "draftlint"), { recursive: true });
    writeFileSync(join(s.dir, "xdg", "draftlint", "config.yaml"), JSON.stringify({ sendmail: join(s.dir, "fake-sendmail") }));
    const r = await wrapper(s, ["-t"], clean, { DRAFTLINT_SENDMAIL: "" });
    expect(r.code).toBe(0);
    expect(readFileSync(`${s.out}.stdin`).equals(clean)).toBe(true);
  });

  it("stops instead of calling itself when the configured sendmail is the wrapper", async () => {
    const s = setup();
    symlinkSync(SENDMAIL_BIN, join(s.dir, "sendmail-loop"));
    const r = await wrapper(s, ["-t"], clean, { DRAFTLINT_SENDMAIL: join(s.dir, "sendmail-loop") });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("itself");
  });

  it("says so when the real sendmail cannot be run", async () => {
    const s = setup();
    const r = await wrapper(s, ["-t"], clean, { DRAFTLINT_SENDMAIL: join(ROOT, "no-such-sendmail") });
    expect(r.code).toBe(69);
    expect(r.stderr).toContain("cannot run");
  });
});
