import { describe, expect, it } from "vitest";
import { compileAttachmentMatcher, findAttachmentClaim } from "../../src/rules/hygiene/missing-attachment.js";
import { hygieneRule } from "./helpers.js";

const matcher = compileAttachmentMatcher(hygieneRule("missing-attachment").patterns as Parameters<typeof compileAttachmentMatcher>[0]);
const claim = (text: string) => {
  const found = findAttachmentClaim(text.replace(/’/g, "'"), matcher);
  return found ? text.slice(found.start, found.end) : null;
};

describe("findAttachmentClaim", () => {
  it.each([
    ["Attached please find the invoice.", "Attached please find"],
    ["Kindly find attached our quote.", "find attached"],
    ["Please find the attached invoice.", "Please find the attached"],
    ["I’m attaching the contract.", "I’m attaching"],
    ["Attaching the contract for your signature.", "Attaching the"],
    ["Enclosed is our quote.", "Enclosed is"],
    ["I'm sending the file as an attachment.", "as an attachment"],
    ["Here's the report (attached).", "(attached)"],
    ["The contract is attached to this email.", "is attached"],
    ["See attachment for details.", "See attachment"],
    ["Hi, PFA the minutes.", "PFA"],
    ["The shed is attached to the house. The attached plan shows it.", "The attached plan"],
  ])("%j claims %j", (text, phrase) => {
    expect(claim(text)).toBe(phrase);
  });

  it.each([
    "Can you send me the attachment again?",
    "The attachment didn't come through, and your attachment was too large.",
    "I couldn't open the attached file.",
    "Did you see the attached report I sent yesterday?",
    "Have you had a chance to look at the attached proposal?",
    "Thanks for the attached agenda.",
    "Attachments are limited to 10 MB.",
    "I haven't attached the plan yet.",
    "I will attach the plan tomorrow, and I'll be attaching the rest next week.",
    "We're very attached to the old logo.",
    "The garage is attached to the house.",
    "I've attached a link to the folder.",
    "We attach great importance to privacy; I am attaching great importance to this.",
  ])("%j claims nothing", (text) => {
    expect(claim(text)).toBeNull();
  });
});
