/**
 * The data pack's promise: a report never reprints a full card number or secret. A draft to an
 * outsider carrying one of each is linted and printed in every output format, and in the error a
 * nodemailer send is refused with; no raw value may appear in any of them, whichever rule's
 * finding would have quoted it (a tone finding quotes its whole sentence).
 */
import nodemailer from "nodemailer";
import { describe, expect, it } from "vitest";
import { lint } from "../../src/index.js";
import { formatReport, formatters } from "../../src/report/index.js";
import { buildReport } from "../../src/report/summarise.js";
import { noColour } from "../../src/report/formatter.js";
import { DraftlintRefusedError, draftlintPlugin } from "../../src/integrations/nodemailer.js";

const KEY_MATERIAL = "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw";

const body = [
  "Hi Tom,",
  "",
  "The client is an idiot, his card is 4242 4242 4242 4242.",
  "Backup card 5555555555554444.",
  "Our IBAN is GB82 WEST 1234 5698 7654 32.",
  "My NI number is AB 12 34 56 C and my SSN is 078-05-1121.",
  "The access key is AKIAIOSFODNN7EXAMPLE and the bot uses ghp_1234567890abcdefghijklmnopqrstuvwxyz.",
  "Login: sam\nPassword: Tr0ub4dor&3",
  "-----BEGIN RSA PRIVATE KEY-----",
  KEY_MATERIAL,
  "-----END RSA PRIVATE KEY-----",
  "",
  "Sam",
].join("\n");

const draft = `From: Sam Patel <sam.patel@acme.com>\nTo: Tom Reed <tom.reed@globex.com>\nSubject: Card 4242 4242 4242 4242\n\n${body}\n`;

/** Every sensitive value in the draft, in each form it is written in. */
const RAW_VALUES = [
  "4242 4242 4242 4242",
  "4242424242424242",
  "5555555555554444",
  "GB82 WEST 1234 5698 7654 32",
  "GB82WEST12345698765432",
  "AB 12 34 56 C",
  "078-05-1121",
  "AKIAIOSFODNN7EXAMPLE",
  "ghp_1234567890abcdefghijklmnopqrstuvwxyz",
  "Tr0ub4dor&3",
  KEY_MATERIAL,
];

function expectNoRawValue(output: string) {
  for (const value of RAW_VALUES) expect(output, `reprints ${value}`).not.toContain(value);
}

describe("data pack masking", async () => {
  const result = await lint(draft, { filename: "draft.eml" });
  const dataFindings = result.findings.filter((f) => ["payment-card-number", "bank-account", "national-id", "credential"].includes(f.ruleId));

  it("finds every value, at error for an outside reader", () => {
    const shown = dataFindings.map((f) => `${f.ruleId} ${f.target}`);
    expect(shown).toEqual(
      expect.arrayContaining([
        "payment-card-number •••• •••• •••• 4242",
        "payment-card-number ••••••••••••4444",
        "bank-account •••• •••• •••• •••• ••54 32",
        "national-id •• •• •4 56 C",
        "national-id •••-••-1121",
        "credential AKIA…",
        "credential ghp_…",
        "credential ••••••",
        "credential RSA PRIVATE KEY",
      ]),
    );
    expect(dataFindings.every((f) => f.severity === "error")).toBe(true);
  });

  it("masks the values in other rules' findings that quote them", () => {
    const quoting = result.findings.filter((f) => f.excerpt?.includes("client is an idiot"));
    expect(quoting.length).toBeGreaterThan(0);
    for (const f of quoting) expect(f.excerpt).toContain("•••• •••• •••• 4242");
  });

  it.each(Object.keys(formatters))("the %s format never prints a raw value", (name) => {
    const output = formatReport(formatters[name], buildReport([result]), { chalk: noColour, width: 100 });
    expect(output).toContain("4242");
    expectNoRawValue(output);
  });

  it("nodemailer's refusal never prints a raw value", async () => {
    const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
    transporter.use("compile", draftlintPlugin({ config: { internalDomains: ["acme.com"] } }));
    const error = await transporter
      .sendMail({ from: "sam.patel@acme.com", to: "tom.reed@globex.com", subject: "Card details", text: body })
      .catch((e) => e);
    expect(error).toBeInstanceOf(DraftlintRefusedError);
    expect(error.message).toContain("payment-card-number");
    expectNoRawValue(error.message);
    expectNoRawValue(JSON.stringify(error.result));
  });
});
