/**
 * The history pack on a learnt, seeded sent-mail history, as the "done when" reads: a
 * draft to a look-alike of a regular contact and one to a first-time outsider are flagged, the
 * first naming the known address; a reply to a regular contact gives nothing. Then the same index
 * used by the sendmail wrapper, the sendemail-validate hook and the nodemailer plugin, which
 * read it because config names it.
 */
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import nodemailer from "nodemailer";
import { Chalk } from "chalk";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { SENDMAIL_BIN, run, runCli, tempProject } from "../integrations/helpers.js";
import { draftlintPlugin, DraftlintRefusedError } from "../../src/integrations/nodemailer.js";
import { runHook } from "../../src/integrations/gitHooks.js";
import { writeSentMbox, sentMailContacts } from "../../scripts/generate-sent-mail.mjs";

vi.setConfig({ testTimeout: 60_000 });

let dir: string;
let history: string;
let regular: { name: string; address: string };

const draft = (to: string, extra = "") => `From: Ann Example <ann@northwind.example>\nTo: ${to}\nSubject: The figures\n\nHi,\n\nThe figures are below.\n\nAnn\n${extra}`;

async function historyFindings(source: string): Promise<any[]> {
  const file = join(dir, `d${Math.random().toString(36).slice(2)}.eml`);
  writeFileSync(file, source);
  const r = await runCli([file, "-f", "json", "--history", history], { cwd: dir });
  const json = JSON.parse(r.stdout);
  return json.files[0].findings.filter((f: any) => ["first-time-recipient", "unusual-recipient-combination", "misattached-file"].includes(f.ruleId));
}

beforeAll(async () => {
  dir = tempProject({}, "draftlint-history-rules-");
  const mbox = join(dir, "Sent.mbox");
  await writeSentMbox(mbox, 10_000, 11);
  history = join(dir, "history");
  const learn = await runCli(["learn", mbox, "--history", history], { cwd: dir });
  expect(learn.code, learn.stderr).toBe(0);
  // The generator's most written-to outsider (the first external contact drawn most often).
  const stats = await runCli(["history", "stats", "--history", history], { cwd: dir });
  const top = /most written\s+(.*)$/m.exec(stats.stdout)![1].split(", ").map((s) => s.split(" ")[0]).find((a) => !a.endsWith("@northwind.example"))!;
  regular = sentMailContacts(10_000, 11).find((p: { address: string }) => p.address === top)!;
});

describe("the history pack on a learnt history", () => {
  it("gives nothing new for a reply to a regular contact", async () => {
    const reply = draft(`${regular.name} <${regular.address}>`, `\nOn Mon, 3 Mar 2025, ${regular.name} <${regular.address}> wrote:\n> Could you send the figures?\n`);
    expect(await historyFindings(reply)).toEqual([]);
  });

  it("warns of a look-alike of a regular contact, naming the address the user knows", async () => {
    const [local, domain] = regular.address.split("@");
    const lookalike = `${local}@${domain.replace(/\.[a-z.]+$/, "-group.com")}`;
    const findings = await historyFindings(draft(`${regular.name} <${lookalike}>`));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: "first-time-recipient", severity: "warn", messageId: "similar", target: lookalike });
    expect(findings[0].message).toContain(regular.address);
  });

  it("mentions a first-time outsider as information", async () => {
    const findings = await historyFindings(draft("Sam New <sam@brand-new-client.example>"));
    expect(findings).toEqual([expect.objectContaining({ ruleId: "first-time-recipient", severity: "info", messageId: "default" })]);
  });

  it("warns of two regular outsiders from organisations never on a message together, read from the index file", async () => {
    const contacts = sentMailContacts(10_000, 11).filter((p: { address: string; domain: string }) => !p.address.endsWith("@northwind.example") && !/gmail|outlook|yahoo|hotmail/.test(p.domain));
    const other = contacts.find((p: { domain: string }) => p.domain !== regular.address.split("@")[1])!;
    const findings = await historyFindings(draft(`${regular.name} <${regular.address}>`).replace(/^To: .*$/m, `$&\nCc: ${other.name} <${other.address}>`));
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([["unusual-recipient-combination", "warn"]]);
    expect(findings[0].message).toContain(regular.address);
  });

  it("warns of an attachment named for a contact who is not on the message", async () => {
    const surname = ["Okafor", "Nguyen", "Larsen", "Kowalski"].find((s) => !regular.name.endsWith(s))!;
    const withAttachment = `From: Ann Example <ann@northwind.example>\nTo: ${regular.name} <${regular.address}>\nSubject: Your invoice\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nHi, your invoice is attached.\n--b\nContent-Type: application/pdf; name=Invoice_${surname}.pdf\nContent-Disposition: attachment; filename=Invoice_${surname}.pdf\n\nJVBERi0=\n--b--\n`;
    const findings = await historyFindings(withAttachment);
    expect(findings).toEqual([expect.objectContaining({ ruleId: "misattached-file", severity: "warn", target: `Invoice_${surname}.pdf` })]);
  });

  it("relints a cached draft once the history changes", async () => {
    const copy = join(dir, "cache-history");
    writeFileSync(copy, readFileSync(history));
    const file = join(dir, "cached.eml");
    writeFileSync(file, draft(`${regular.name} <${regular.address}>`));
    const ids = async () => JSON.parse((await runCli([file, "-f", "json", "--history", copy, "--cache", "--cache-location", join(dir, "cache/")], { cwd: dir })).stdout).files[0].findings.map((f: any) => f.ruleId);
    expect(await ids()).not.toContain("first-time-recipient");
    await runCli(["history", "forget", regular.address, "--history", copy], { cwd: dir });
    expect(await ids()).toContain("first-time-recipient");
  });

  it("is silent without an index, and with history: false", async () => {
    const file = join(dir, "plain.eml");
    writeFileSync(file, draft("Sam New <sam@brand-new-client.example>"));
    const none = await runCli([file, "-f", "json", "--history", join(dir, "no-such-index")], { cwd: dir });
    expect(JSON.parse(none.stdout).files[0].findings.map((f: any) => f.ruleId)).not.toContain("first-time-recipient");
    const project = tempProject({ ".linterrc.json": JSON.stringify({ history: false }), "d.eml": draft("Sam New <sam@brand-new-client.example>") });
    const off = await runCli(["d.eml", "-f", "json"], { cwd: project, env: { XDG_DATA_HOME: dir } });
    expect(JSON.parse(off.stdout).files[0].findings.map((f: any) => f.ruleId)).not.toContain("first-time-recipient");
  });

  it("is read from config's history: key, relative to the config file", async () => {
    const project = tempProject({ ".linterrc.json": JSON.stringify({ history: join("..", dir.split("/").pop()!, "history") }), "d.eml": draft("Sam New <sam@brand-new-client.example>") });
    const r = await runCli(["d.eml", "-f", "json"], { cwd: project });
    expect(JSON.parse(r.stdout).files[0].findings.map((f: any) => f.ruleId)).toContain("first-time-recipient");
  });
});

describe("integrations use the index when configured", () => {
  // first-time-recipient as an error, so that a guard refuses a look-alike (a new address that
  // resembles nobody is one level below: a warning, which passes).
  const strict = () => ({ packs: ["history"], history, rules: { "first-time-recipient": "error" } });
  const lookalike = () => {
    const [local, domain] = regular.address.split("@");
    return `${local}@${domain.replace(/\.[a-z.]+$/, "-group.com")}`;
  };

  it("draftlint-sendmail refuses a look-alike of a regular contact", async () => {
    const project = tempProject({ "xdg/draftlint/config.yaml": `packs: [history]\nhistory: ${history}\nrules: { first-time-recipient: error }\n`, "fake-sendmail": "#!/bin/sh\ncat > \"$FAKE_SENDMAIL_OUT\"\n" });
    chmodSync(join(project, "fake-sendmail"), 0o755);
    const env = { DRAFTLINT_SENDMAIL: join(project, "fake-sendmail"), FAKE_SENDMAIL_OUT: join(project, "sent"), XDG_CONFIG_HOME: join(project, "xdg"), DRAFTLINT_FORCE: "", DRAFTLINT_SENDMAIL_ACTIVE: "" };
    const [local, domain] = regular.address.split("@");
    const refused = await run(process.execPath, [SENDMAIL_BIN, "-t"], { cwd: project, env, input: draft(`${local}@${domain.replace(/\.[a-z.]+$/, "-group.com")}`) });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain(regular.address);
    const sent = await run(process.execPath, [SENDMAIL_BIN, "-t"], { cwd: project, env, input: draft(regular.address) });
    expect(sent.code, sent.stderr).toBe(0);
    expect(readFileSync(join(project, "sent"), "utf8")).toContain(regular.address);
  });

  it("the sendemail-validate hook refuses it", async () => {
    const project = tempProject({ ".linterrc.json": JSON.stringify(strict()), "0001.patch": draft(lookalike()) });
    let said = "";
    const code = await runHook("sendemail-validate", ["0001.patch"], { cwd: project, stderr: (t) => (said += t), chalk: new Chalk({ level: 0 }) });
    expect(code).toBe(1);
    expect(said).toContain("first-time-recipient");
    expect(said).toContain(regular.address);
  });

  it("the nodemailer plugin refuses it", async () => {
    const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
    transporter.use("compile", draftlintPlugin({ config: strict() }));
    const error = await transporter.sendMail({ from: "ann@northwind.example", to: lookalike(), subject: "Hi", text: "Hello." }).catch((e) => e);
    expect(error).toBeInstanceOf(DraftlintRefusedError);
    expect(error.result.findings.map((f: any) => f.ruleId)).toEqual(["first-time-recipient"]);
    await expect(transporter.sendMail({ from: "ann@northwind.example", to: regular.address, subject: "Hi", text: "Hello." })).resolves.toBeTruthy();
    await expect(transporter.sendMail({ from: "ann@northwind.example", to: "sam@brand-new-client.example", subject: "Hi", text: "Hello." })).resolves.toBeTruthy();
  });
});
