/**
 * Outlook .msg files written by Outlook (fixtures/msg, from the msgreader project: see its
 * NOTICE) read into the same message model as .eml: recipients by MAPI type, body, attachments.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { readMsg, isMsgFile } from "../../src/message/parseMsg.js";
import { CONFIG_NAME, RECIPIENTS_ONLY, ensureBuilt, runCli, tempProject } from "./helpers.js";

// Every test here starts real processes (node, git, npm): allow for a busy machine.
vi.setConfig({ testTimeout: 30_000 });

const MSG = fileURLToPath(new URL("../../fixtures/msg/", import.meta.url));
const settings = { internalDomains: [], trustedDomains: [], freemailDomains: new Set(["gmail.com"]) };
const read = (name: string) => readMsg(readFileSync(MSG + name), name, settings);

beforeAll(ensureBuilt, 120_000);

describe(".msg", () => {
  it("reads To and Cc recipients by their recipient type", async () => {
    const m = await read("test1.msg");
    expect(m.kind).toBe("eml");
    expect(m.subject).toBe("title");
    expect(m.recipients.map((r) => [r.field, r.address])).toEqual([
      ["to", "to@example.com"],
      ["cc", "cc@example.com"],
    ]);
    expect(m.body.text.trim()).toBe("body");
    expect(m.headers.to).toEqual(["to@example.com"]);
  });

  it("reads the sender, the body and the attachments' names, types and sizes", async () => {
    const m = await read("attachmentFiles.msg");
    expect(m.from).toEqual({ name: "hmailuser", address: "hmailuser@hmailserver.test" });
    expect(m.audience).toBe("internal");
    expect(m.body.text.trim()).toBe("attachmentFiles");
    expect(m.attachments).toEqual([
      { name: "jpg.jpg", contentType: "image/jpeg", size: 726 },
      { name: "png.png", contentType: "image/png", size: 134 },
      { name: "tif.tif", contentType: "image/tiff", size: 664 },
    ]);
    // Transport headers Outlook kept are there too.
    expect(m.headers["x-mailer"]?.[0]).toContain("Microsoft Outlook");
  });

  it("drops the quotes Outlook puts around a bare address used as a display name", async () => {
    const m = await read("sent.msg");
    expect(m.recipients).toMatchObject([{ field: "to", address: "xmailuser@xmailserver.test", name: "" }]);
    expect(m.subject).toBe("Sent time");
  });

  it("is recognised by extension or by the compound-file signature", () => {
    const bytes = readFileSync(MSG + "sent.msg");
    expect(isMsgFile("draft.msg", Buffer.alloc(0))).toBe(true);
    expect(isMsgFile("<stdin>", bytes)).toBe(true);
    expect(isMsgFile("draft.eml", Buffer.from("From: a@b.c\n\n"))).toBe(false);
  });

  it("reports a broken .msg as a file error, not a crash", async () => {
    const dir = tempProject({ [CONFIG_NAME]: RECIPIENTS_ONLY, "broken.msg": Buffer.concat([readFileSync(MSG + "sent.msg").subarray(0, 600), Buffer.alloc(100)]) });
    const r = await runCli(["-f", "json", "broken.msg"], { cwd: dir });
    expect(r.code).toBe(2);
    const file = JSON.parse(r.stdout).files[0];
    expect(file.error.code).toBe("parse-error");
  });

  it("is linted by the CLI like any draft", async () => {
    const dir = tempProject({ [CONFIG_NAME]: RECIPIENTS_ONLY });
    const r = await runCli(["-c", `${dir}/${CONFIG_NAME}`, "-f", "json", MSG + "test1.msg"], { cwd: dir });
    const file = JSON.parse(r.stdout).files[0];
    expect(file.recipients.map((x: any) => x.field)).toEqual(["to", "cc"]);
    expect(file.findings.map((f: any) => [f.ruleId, f.location.header])).toEqual([
      ["external-recipient", "to"],
      ["external-recipient", "cc"],
    ]);
  });
});
