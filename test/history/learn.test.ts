/**
 * `draftlint learn` and `draftlint history` as a user runs them: a seeded, generated sent-mail
 * history in an mbox and in a maildir, read into a private index; re-runs read only what is new;
 * the index is mode 0600 and nothing else is written; no network is touched.
 */
import { appendFileSync, chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { ROOT, runCli, tempProject } from "../integrations/helpers.js";
import { sentMailMessages, writeSentMaildir, writeSentMbox } from "../../scripts/generate-sent-mail.mjs";

vi.setConfig({ testTimeout: 60_000 });

/** Every file under `dir`, relative, with its size: what a run left behind. */
function listing(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(`${relative(dir, p)} ${statSync(p).size} ${statSync(p).mtimeMs}`);
    }
  };
  walk(dir);
  return out.sort();
}

function isolated(dir: string): NodeJS.ProcessEnv {
  return { HOME: join(dir, "home"), XDG_DATA_HOME: join(dir, "home", ".local", "share"), XDG_CONFIG_HOME: join(dir, "home", ".config"), TMPDIR: join(dir, "tmp") };
}

let dir: string;
let mbox: string;

beforeAll(async () => {
  dir = tempProject({}, "draftlint-learn-");
  for (const d of ["home", "tmp", "mail", "work"]) mkdirSync(join(dir, d), { recursive: true });
  mbox = join(dir, "mail", "Sent");
  await writeSentMbox(mbox, 1500, 7);
});

describe("draftlint learn", () => {
  it("reads an mbox into an index of its own, mode 0600 in a 0700 folder, writing nothing else and reading nothing new again", async () => {
    const env = isolated(dir);
    const inputsBefore = listing(join(dir, "mail"));
    const hash = createHash("sha256").update(readFileSync(mbox)).digest("hex");
    chmodSync(mbox, 0o444); // read-only input: learn must only read it
    const first = await runCli(["learn", mbox], { cwd: join(dir, "work"), env });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/1,500 new messages learnt/);
    const index = join(env.XDG_DATA_HOME!, "draftlint", "history");
    expect(statSync(index).mode & 0o777).toBe(0o600);
    expect(statSync(join(index, "..")).mode & 0o777).toBe(0o700);
    // The index is the only file written anywhere: not in the working folder, home, tmp, or beside the mail.
    expect(listing(join(dir, "home")).map((l) => l.split(" ")[0])).toEqual([join(".local", "share", "draftlint", "history")]);
    expect(listing(join(dir, "tmp"))).toEqual([]);
    expect(listing(join(dir, "work"))).toEqual([]);
    expect(listing(join(dir, "mail"))).toEqual(inputsBefore);
    expect(createHash("sha256").update(readFileSync(mbox)).digest("hex")).toBe(hash);

    const again = await runCli(["learn", mbox], { cwd: join(dir, "work"), env });
    expect(again.stdout).toMatch(/0 new messages learnt/);
    expect(again.stdout).not.toMatch(/already known/); // resumed at the end, not read again

    // Mail sent since is appended: only it is read.
    chmodSync(mbox, 0o644);
    const more = [...sentMailMessages(1520, 7)].slice(1500).map((m: string) => `From ann@northwind.example Thu Jan  1 00:00:00 2020\n${m.replace(/sent-7-/g, "later-7-")}\n`);
    appendFileSync(mbox, more.join(""));
    const third = await runCli(["learn", mbox], { cwd: join(dir, "work"), env });
    expect(third.stdout).toMatch(/^draftlint: 20 new messages learnt in/);
    expect(third.stdout).toMatch(/1,520 messages/);
  });

  it("reads a maildir, and a message renamed for its flags or moved from new/ to cur/ is not read again", async () => {
    const maildir = join(dir, "Maildir", ".Sent");
    writeSentMaildir(maildir, 200, 3);
    const history = join(dir, "maildir-history");
    const first = await runCli(["learn", maildir, "--history", history], { cwd: dir });
    expect(first.stdout).toMatch(/200 new messages learnt/);
    const cur = join(maildir, "cur");
    const name = readdirSync(cur)[0];
    renameSync(join(cur, name), join(cur, name.replace(/:2,S$/, ":2,RS")));
    const fresh = readdirSync(join(maildir, "new"))[0];
    renameSync(join(maildir, "new", fresh), join(cur, `${fresh}:2,S`));
    writeFileSync(join(maildir, "tmp", "partial"), "From: ann@northwind.example\nTo: x@y.example\n");
    const again = await runCli(["learn", maildir, "--history", history], { cwd: dir });
    expect(again.stdout).toMatch(/0 new messages learnt, 200 files unchanged/);
    const stats = await runCli(["history", "stats", "--history", history], { cwd: dir });
    expect(stats.stdout).toMatch(/messages\s+200 /);
    expect(stats.stdout).toMatch(/mode 600/);
  });

  it("reads a folder of .eml and .msg files, and counts a message found twice once", async () => {
    const folder = join(dir, "exported");
    mkdirSync(folder);
    const messages = [...sentMailMessages(30, 5)];
    messages.forEach((m: string, i: number) => writeFileSync(join(folder, `m${i}.eml`), m));
    writeFileSync(join(folder, "copy-of-m0.eml"), messages[0]);
    writeFileSync(join(folder, "notes.txt"), "not mail");
    writeFileSync(join(folder, "sent.msg"), readFileSync(join(ROOT, "fixtures", "msg", "sent.msg")));
    const history = join(dir, "folder-history");
    const run = await runCli(["learn", folder, "--history", history], { cwd: dir });
    expect(run.code, run.stderr + run.stdout).toBe(0);
    expect(run.stdout).toMatch(/31 new messages learnt, 1 already known/);
  });

  it("learns only the user's own messages with --from, from a folder that also holds received mail", async () => {
    const folder = join(dir, "mixed");
    mkdirSync(folder);
    writeFileSync(join(folder, "sent.eml"), "From: Ann Example <ann@northwind.example>\nTo: karen@acme.example\nSubject: A\nMessage-ID: <a@x>\n\nHi.\n");
    writeFileSync(join(folder, "received.eml"), "From: Spammer <deals@spam.example>\nTo: ann@northwind.example\nSubject: B\nMessage-ID: <b@x>\n\nBuy.\n");
    const history = join(dir, "mixed-history");
    const run = await runCli(["learn", folder, "--from", "ANN@northwind.example", "--history", history], { cwd: dir });
    expect(run.stdout).toMatch(/1 new message learnt, 1 skipped/);
    const show = await runCli(["history", "show", "ann@northwind.example", "--history", history], { cwd: dir });
    expect(show.code).toBe(1);
  });

  it("shows and forgets an address", async () => {
    const history = join(dir, "show-history");
    await runCli(["learn", mbox, "--history", history], { cwd: dir });
    const stats = await runCli(["history", "stats", "--history", history], { cwd: dir });
    const top = /most written\s+(\S+) /.exec(stats.stdout)![1];
    const show = await runCli(["history", "show", top, "--history", history], { cwd: dir });
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/messages\s+\d+ \(first 20\d\d-\d\d-\d\d, last/);
    const forget = await runCli(["history", "forget", top, "--history", history], { cwd: dir });
    expect(forget.stdout).toContain(`forgot ${top}`);
    expect(statSync(history).mode & 0o777).toBe(0o600);
    const gone = await runCli(["history", "show", top, "--history", history], { cwd: dir });
    expect(gone.code).toBe(1);
    expect(gone.stdout).toContain("never written to");
    expect(readFileSync(history, "utf8")).not.toContain(top);
  });

  it("touches no network while learning", async () => {
    const log = join(dir, "net.log");
    const run = await runCli(["learn", mbox, "--history", join(dir, "nonet-history")], {
      cwd: dir,
      env: { NODE_OPTIONS: `--require ${join(ROOT, "test", "robustness", "no-network.cjs")}`, DRAFTLINT_NET_LOG: log },
    });
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(log)).toBe(false);
  });

  it("says a damaged index is damaged, in one line, and refuses to lint past it", async () => {
    const history = join(dir, "damaged");
    writeFileSync(history, "draftlint-history 1\n{not json\n");
    const draft = join(dir, "draft.eml");
    writeFileSync(draft, "From: ann@northwind.example\nTo: sam@globex.example\nSubject: Hi\n\nHello.\n");
    const run = await runCli([draft, "--history", history], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("recipient history: the history file is damaged");
  });
});
