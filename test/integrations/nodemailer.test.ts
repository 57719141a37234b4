/**
 * The nodemailer plugin with real nodemailer transports that need no network (stream and JSON):
 * a message with errors is refused with the findings, a clean one goes out exactly as it would
 * without the plugin.
 */
import { Readable } from "node:stream";
import nodemailer from "nodemailer";
import { describe, expect, it } from "vitest";
import { DraftlintRefusedError, draftlintPlugin } from "../../src/integrations/nodemailer.js";

const config = { packs: ["recipients"], internalDomains: ["stokepark.com"] };
const base = {
  from: "Emma Wright <emma.wright@stokepark.com>",
  to: "Karen Smith <karen.smith@stokepark.com>",
  subject: "Rota for the June weekends",
  text: "Hi Karen,\n\nHere is the rota for the June weekends.\n\nEmma\n",
  date: new Date("2025-03-03T10:12:00Z"),
  messageId: "<rota-1@stokepark.com>",
};

function streamTransport(plugin?: ReturnType<typeof draftlintPlugin>) {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  if (plugin) transporter.use("compile", plugin);
  return transporter;
}

describe("draftlint/nodemailer", () => {
  it("lets a clean message through, byte for byte what nodemailer sends without the plugin", async () => {
    const seen: string[] = [];
    const withPlugin = await streamTransport(draftlintPlugin({ config, onResult: (r) => seen.push(r.audience) })).sendMail(base);
    const without = await streamTransport().sendMail(base);
    expect(Buffer.isBuffer(withPlugin.message)).toBe(true);
    expect((withPlugin.message as Buffer).equals(without.message as Buffer)).toBe(true);
    expect(seen).toEqual(["internal"]);
  });

  it("refuses a message with errors, listing the findings", async () => {
    const transporter = streamTransport(draftlintPlugin({ config }));
    const error = await transporter.sendMail({ ...base, to: "Karen Smith <karen.smith@stokeprak.com>" }).catch((e) => e);
    expect(error).toBeInstanceOf(DraftlintRefusedError);
    expect(error.code).toBe("EDRAFTLINT");
    expect(error.message).toMatch(/^draftlint refused to send this message: 1 error/);
    expect(error.message).toContain("lookalike-domain");
    expect(error.message).toContain("karen.smith@stokeprak.com");
    expect(error.result.findings.some((f: any) => f.ruleId === "lookalike-domain")).toBe(true);
  });

  it("refuses on warnings with failOn: warn, and not without it", async () => {
    const mail = { ...base, cc: "pauline.bailey@gmail.com" };
    await expect(streamTransport(draftlintPlugin({ config })).sendMail(mail)).resolves.toBeTruthy();
    const error = await streamTransport(draftlintPlugin({ config, failOn: "warn" })).sendMail(mail).catch((e) => e);
    expect(error).toBeInstanceOf(DraftlintRefusedError);
    expect(error.message).toContain("external-cc-on-internal-thread");
  });

  it("lints Bcc (which nodemailer leaves out of the message) and envelope-only recipients", async () => {
    const transporter = streamTransport(draftlintPlugin({ config }));
    const bcc = await transporter.sendMail({ ...base, bcc: "audit@stokeprak.com" }).catch((e) => e);
    expect(bcc).toBeInstanceOf(DraftlintRefusedError);
    expect(bcc.message).toContain("audit@stokeprak.com");
    const envelope = await transporter
      .sendMail({ ...base, envelope: { from: "emma.wright@stokepark.com", to: ["karen.smith@stokepark.com", "audit@stokeprak.com"] } })
      .catch((e) => e);
    expect(envelope).toBeInstanceOf(DraftlintRefusedError);
  });

  it("does not consume stream attachments: they still go out whole", async () => {
    const content = "photo bytes ".repeat(1000);
    const transporter = streamTransport(draftlintPlugin({ config }));
    const info = await transporter.sendMail({
      ...base,
      text: base.text.replace("rota", "rota, attached"),
      attachments: [{ filename: "rota.txt", content: Readable.from([Buffer.from(content)]) }],
    });
    const sent = (info.message as Buffer).toString();
    expect(sent).toContain('filename=rota.txt');
    expect(sent).toContain(Buffer.from(content).toString("base64").slice(0, 76));
  });

  it("works with the JSON transport too", async () => {
    const transporter = nodemailer.createTransport({ jsonTransport: true });
    transporter.use("compile", draftlintPlugin({ config }));
    const info = await transporter.sendMail(base);
    expect(JSON.parse(info.message as unknown as string).subject).toBe(base.subject);
    await expect(transporter.sendMail({ ...base, cc: "x@stokeprak.com" })).rejects.toThrow(/lookalike-domain/);
  });

  it("refuses when draftlint cannot check the message (a broken config)", async () => {
    const error = await streamTransport(draftlintPlugin({ config: { internalDomain: ["typo"] } })).sendMail(base).catch((e) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe("EDRAFTLINT");
    expect(error.message).toMatch(/could not check this message: .*internalDomain/);
  });
});
