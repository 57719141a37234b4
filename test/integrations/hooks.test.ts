/**
 * git hooks, installed by the real CLI into real repositories and run by real git: a flagged
 * message stops `git send-email --dry-run` and a flagged staged template stops `git commit`.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, lstatSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { CONFIG_NAME, DRAFTS, RECIPIENTS_ONLY, ensureBuilt, run, runCli, tempProject } from "./helpers.js";
import { buildHookScript, installHook, messageForSendEmail } from "../../src/integrations/gitHooks.js";

// Every test here starts real processes (node, git, npm): allow for a busy machine.
vi.setConfig({ testTimeout: 30_000 });

/** Each repository sees only its own config: no global or system hooksPath leaks in. */
const GIT_ENV: NodeJS.ProcessEnv = {
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_AUTHOR_NAME: "Emma Wright",
  GIT_AUTHOR_EMAIL: "emma.wright@stokepark.com",
  GIT_COMMITTER_NAME: "Emma Wright",
  GIT_COMMITTER_EMAIL: "emma.wright@stokepark.com",
};

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd, env: { ...process.env, ...GIT_ENV }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

function newRepo(files: Record<string, string> = {}): string {
  const dir = tempProject({ [CONFIG_NAME]: RECIPIENTS_ONLY, ...files }, "draftlint-hooks-it-");
  git(dir, "init", "-q", "-b", "main");
  return dir;
}

function gitSendEmailAvailable(): boolean {
  try {
    const execPath = execFileSync("git", ["--exec-path"], { encoding: "utf8" }).trim();
    if (!existsSync(join(execPath, "git-send-email"))) return false;
    execFileSync("perl", ["-MNet::SMTP", "-e", "1"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}
const hasSendEmail = gitSendEmailAvailable();
if (!hasSendEmail) {
  console.warn("SKIPPED: `git send-email` is not installed (Debian: apt-get install git-email; .ci/deps.sh does it): the send-email hook tests do not run.");
}

beforeAll(ensureBuilt, 120_000);

describe("hooks install", () => {
  it("writes an executable hook into the repository's hooks directory", async () => {
    const repo = newRepo();
    const r = await runCli(["hooks", "install", "sendemail-validate"], { cwd: repo, env: GIT_ENV });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const hook = join(repo, ".git", "hooks", "sendemail-validate");
    expect(statSync(hook).mode & 0o111).toBe(0o111);
    expect(readFileSync(hook, "utf8")).toMatch(/^#!\/bin\/sh\n# Installed by draftlint/);
    // Installing again is a no-op, not an overwrite.
    const again = await runCli(["hooks", "install", "sendemail-validate"], { cwd: repo, env: GIT_ENV });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("already installed");
  });

  it("honours core.hooksPath", async () => {
    const repo = newRepo();
    git(repo, "config", "core.hooksPath", "githooks");
    const r = await runCli(["hooks", "install", "pre-commit"], { cwd: repo, env: GIT_ENV });
    expect(r.code).toBe(0);
    expect(existsSync(join(repo, "githooks", "pre-commit"))).toBe(true);
    expect(existsSync(join(repo, ".git", "hooks", "pre-commit"))).toBe(false);
  });

  it("never overwrites someone else's hook without --force, and keeps a copy with it", async () => {
    const repo = newRepo();
    const hook = join(repo, ".git", "hooks", "pre-commit");
    mkdirSync(join(repo, ".git", "hooks"), { recursive: true });
    writeFileSync(hook, "#!/bin/sh\necho mine\n", { mode: 0o755 });
    const r = await runCli(["hooks", "install", "pre-commit"], { cwd: repo, env: GIT_ENV });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--force");
    expect(readFileSync(hook, "utf8")).toBe("#!/bin/sh\necho mine\n");
    const forced = await runCli(["hooks", "install", "pre-commit", "--force"], { cwd: repo, env: GIT_ENV });
    expect(forced.code).toBe(0);
    expect(readFileSync(hook, "utf8")).toContain("Installed by draftlint");
    expect(readFileSync(`${hook}.before-draftlint`, "utf8")).toBe("#!/bin/sh\necho mine\n");
  });

  it("a second --force never overwrites the saved original, and the original still runs first", async () => {
    const repo = newRepo({ "README.txt": "Templates\n" });
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "init");
    const hook = join(repo, ".git", "hooks", "pre-commit");
    mkdirSync(join(repo, ".git", "hooks"), { recursive: true });
    const original = `#!/bin/sh\necho "original hook ran" >&2\n[ ! -e "${join(repo, "block")}" ]\n`;
    writeFileSync(hook, original, { mode: 0o755 });
    for (let i = 0; i < 2; i++) expect((await runCli(["hooks", "install", "pre-commit", "--force"], { cwd: repo, env: GIT_ENV })).code).toBe(0);
    expect(readFileSync(`${hook}.before-draftlint`, "utf8")).toBe(original);
    // Chained: a clean commit runs the old hook too, and the old hook can still stop a commit.
    const clean = readFileSync(join(DRAFTS, "clean.eml"), "utf8");
    writeFileSync(join(repo, "rota.eml"), clean);
    git(repo, "add", "rota.eml");
    const ok = await run("git", ["commit", "-m", "clean"], { cwd: repo, env: GIT_ENV });
    expect(ok.code).toBe(0);
    expect(ok.stderr).toContain("original hook ran");
    writeFileSync(join(repo, "block"), "");
    writeFileSync(join(repo, "rota.eml"), clean.replace("Hi Karen", "Hello Karen"));
    git(repo, "add", "rota.eml");
    expect((await run("git", ["commit", "-m", "blocked by the old hook"], { cwd: repo, env: GIT_ENV })).code).not.toBe(0);
    // Someone else's hook again, with an original already saved: refused, both kept.
    writeFileSync(hook, "#!/bin/sh\necho second\n", { mode: 0o755 });
    const third = await runCli(["hooks", "install", "pre-commit", "--force"], { cwd: repo, env: GIT_ENV });
    expect(third.code).toBe(2);
    expect(third.stderr.trim().split("\n")).toHaveLength(1);
    expect(readFileSync(hook, "utf8")).toBe("#!/bin/sh\necho second\n");
    expect(readFileSync(`${hook}.before-draftlint`, "utf8")).toBe(original);
  });

  it("never writes through a symlinked hook: --force moves the link aside, the tracked script is untouched", async () => {
    const tracked = "#!/bin/sh\necho tracked >&2\n";
    const repo = newRepo({ "scripts/pre-commit": tracked });
    chmodSync(join(repo, "scripts", "pre-commit"), 0o755);
    const hook = join(repo, ".git", "hooks", "pre-commit");
    mkdirSync(join(repo, ".git", "hooks"), { recursive: true });
    symlinkSync("../../scripts/pre-commit", hook);
    expect((await runCli(["hooks", "install", "pre-commit"], { cwd: repo, env: GIT_ENV })).code).toBe(2);
    const forced = await runCli(["hooks", "install", "pre-commit", "--force"], { cwd: repo, env: GIT_ENV });
    expect(forced.code).toBe(0);
    expect(readFileSync(join(repo, "scripts", "pre-commit"), "utf8")).toBe(tracked);
    expect(lstatSync(hook).isSymbolicLink()).toBe(false);
    expect(readFileSync(hook, "utf8")).toContain("Installed by draftlint");
    expect(readlinkSync(`${hook}.before-draftlint`)).toBe("../../scripts/pre-commit");
    // A dangling link is someone's too: not followed to create its target.
    const other = newRepo();
    const otherHook = join(other, ".git", "hooks", "pre-commit");
    mkdirSync(join(other, ".git", "hooks"), { recursive: true });
    symlinkSync(join(other, "missing-target"), otherHook);
    expect((await runCli(["hooks", "install", "pre-commit"], { cwd: other, env: GIT_ENV })).code).toBe(2);
    expect(existsSync(join(other, "missing-target"))).toBe(false);
  });

  it("rejects an unknown hook and a directory that is not a repository", async () => {
    expect((await runCli(["hooks", "install", "post-commit"], { cwd: newRepo(), env: GIT_ENV })).code).toBe(2);
    expect(() => installHook("pre-commit", { cwd: tempProject() })).toThrow(/not inside a git repository/);
  });

  it("the hook script refuses when draftlint cannot be found", async () => {
    const script = buildHookScript("pre-commit", null);
    const dir = tempProject({ hook: script });
    // An empty PATH of its own: a draftlint installed globally (in /usr/bin, say) must not be found.
    const emptyBin = tempProject({});
    const r = await run("/bin/sh", [join(dir, "hook")], { cwd: dir, env: { PATH: emptyBin } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("draftlint: not found");
  });
});

describe("sendemail-validate", () => {
  it("uses the recipients of the SMTP headers git passes as $2", () => {
    const patch = Buffer.from("From 1234 Mon Sep 17 00:00:00 2001\nFrom: Emma <emma@stokepark.com>\nTo: karen@stokepark.com\nSubject: [PATCH] x\n\nbody\n");
    const { source, lineShift } = messageForSendEmail(patch, "To: karen@stokeprak.com,\n karen@stokepark.com\nCc: pauline@gmail.com\nSubject: [PATCH] x\n");
    const text = source.toString();
    expect(text.startsWith("To: karen@stokeprak.com, karen@stokepark.com\nCc: pauline@gmail.com\nFrom: Emma")).toBe(true);
    expect(text).not.toContain("To: karen@stokepark.com\n");
    expect(text.endsWith("\n\nbody\n")).toBe(true);
    expect(lineShift).toBe(0); // From_ line gone (+1), one more header line (-1)
  });

  it("blocks when the $2 headers add a flagged recipient", async () => {
    const repo = newRepo({ "0001.patch": "From 1234 Mon Sep 17 00:00:00 2001\nFrom: Emma Wright <emma.wright@stokepark.com>\nTo: karen.smith@stokepark.com\nSubject: [PATCH] Rota\n\nThe June rota.\n" });
    expect((await runCli(["hooks", "install", "sendemail-validate"], { cwd: repo, env: GIT_ENV })).code).toBe(0);
    const hook = join(repo, ".git", "hooks", "sendemail-validate");
    writeFileSync(join(repo, "smtp-headers"), "To: karen.smith@stokeprak.com\n");
    const clean = await run(hook, ["0001.patch"], { cwd: repo, env: GIT_ENV });
    expect(clean.code).toBe(0);
    const blocked = await run(hook, ["0001.patch", "smtp-headers"], { cwd: repo, env: GIT_ENV });
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toContain("lookalike-domain");
  });

  it.skipIf(!hasSendEmail)("a real git send-email --dry-run is blocked on a flagged patch and not on a clean one", async () => {
    const repo = newRepo({ "rota.txt": "June rota\n" });
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "Add the June rota");
    expect((await runCli(["hooks", "install", "sendemail-validate"], { cwd: repo, env: GIT_ENV })).code).toBe(0);

    const sendEmail = (to: string) => {
      const dir = join(repo, `patches-${to.replace(/\W/g, "_")}`);
      git(repo, "format-patch", "-q", "-1", "-o", dir, `--to=${to}`);
      return run("git", ["send-email", "--dry-run", "--confirm=never", "--from=Emma Wright <emma.wright@stokepark.com>", "--no-chain-reply-to", "--suppress-cc=all", dir], { cwd: repo, env: GIT_ENV });
    };
    const ok = await sendEmail("karen.smith@stokepark.com");
    expect(ok.stderr + ok.stdout).not.toContain("rejected by sendemail-validate");
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("Dry-OK");

    const flagged = await sendEmail("karen.smith@stokeprak.com");
    expect(flagged.code).not.toBe(0);
    expect(flagged.stderr).toContain("rejected by sendemail-validate hook");
    expect(flagged.stderr).toContain("lookalike-domain");
    expect(flagged.stdout).not.toContain("Dry-OK");
  }, 60_000);
});

describe("pre-commit", () => {
  const lookalike = readFileSync(join(DRAFTS, "lookalike.eml"), "utf8");
  const clean = readFileSync(join(DRAFTS, "clean.eml"), "utf8");

  it("stops a commit of a flagged draft, lints what is staged, and lets a clean one through", async () => {
    const repo = newRepo({ "README.txt": "Templates\n" });
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "init");
    expect((await runCli(["hooks", "install", "pre-commit"], { cwd: repo, env: GIT_ENV })).code).toBe(0);

    writeFileSync(join(repo, "rota.eml"), lookalike);
    git(repo, "add", "rota.eml");
    const blocked = await run("git", ["commit", "-m", "flagged"], { cwd: repo, env: GIT_ENV });
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toContain("lookalike-domain");

    // Fixed in the work tree but not staged: what would be committed is still flagged.
    writeFileSync(join(repo, "rota.eml"), clean);
    expect((await run("git", ["commit", "-m", "still flagged"], { cwd: repo, env: GIT_ENV })).code).toBe(1);

    git(repo, "add", "rota.eml");
    const ok = await run("git", ["commit", "-m", "clean"], { cwd: repo, env: GIT_ENV });
    expect(ok.stderr).not.toContain("lookalike-domain");
    expect(ok.code).toBe(0);
  }, 30_000);

  it("says a staged file's error in one line, even when its name holds a newline", async () => {
    const repo = newRepo({ "README.txt": "Templates\n" });
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "init");
    expect((await runCli(["hooks", "install", "pre-commit"], { cwd: repo, env: GIT_ENV })).code).toBe(0);
    writeFileSync(join(repo, "bad\nname.eml"), Buffer.from([0, 1, 2, 3, 0, 0, 255, 0]));
    git(repo, "add", ".");
    const blocked = await run("git", ["commit", "-m", "binary"], { cwd: repo, env: GIT_ENV });
    expect(blocked.code).toBe(1);
    // The report names the file once (with the stand-in); the error is one line of its own.
    const errorLines = blocked.stderr.split("\n").filter((l) => l.startsWith("draftlint: ") && l.includes("name.eml"));
    expect(errorLines).toEqual(["draftlint: bad\u240aname.eml: binary data, not an email or a text draft"]);
    expect(blocked.stderr.split("\n").some((l) => l.startsWith("name.eml"))).toBe(false);
  }, 30_000);

  it("lints the staged version of an .mbox, not the work tree's", async () => {
    const repo = newRepo({ "README.txt": "Templates\n" });
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "init");
    expect((await runCli(["hooks", "install", "pre-commit"], { cwd: repo, env: GIT_ENV })).code).toBe(0);
    const archive = (draft: string) => `From emma@stokepark.com Mon Jun  1 10:00:00 2026\n${draft}\n`;
    writeFileSync(join(repo, "sent.mbox"), archive(clean) + archive(lookalike));
    git(repo, "add", "sent.mbox");
    // The work tree is cleaned up, but the flagged message is what is staged.
    writeFileSync(join(repo, "sent.mbox"), archive(clean));
    const blocked = await run("git", ["commit", "-m", "flagged"], { cwd: repo, env: GIT_ENV });
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toContain("sent.mbox#2");
    expect(blocked.stderr).toContain("lookalike-domain");
    git(repo, "add", "sent.mbox");
    expect((await run("git", ["commit", "-m", "clean"], { cwd: repo, env: GIT_ENV })).code).toBe(0);
  }, 30_000);
});
