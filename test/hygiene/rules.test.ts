/**
 * What each hygiene rule reports, beyond firing or not (the pack examples cover that): where,
 * to whom, how often, and in which modes.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { lint as lintSource } from "../../src/index.js";
import { eml, lintDraft, only } from "./helpers.js";

const sam = { From: "Sam Patel <sam.patel@acme.com>" };
const toTom = { ...sam, To: "Tom Reed <tom.reed@globex.com>", Subject: "Renewal" };

describe("unfilled-placeholder", () => {
  it("locates a placeholder in the subject by column", async () => {
    const result = await lintDraft(eml({ ...toTom, Subject: "Proposal for [Company Name]" }, "Hi Tom,\n\nHere it is.\n\nSam"));
    const [finding] = only(result, "unfilled-placeholder");
    expect(finding.severity).toBe("error");
    expect(finding.location).toMatchObject({ section: "subject", column: 14 });
    expect(finding.excerpt).toBe("[Company Name]");
  });

  it("reads the signature but not the quoted reply", async () => {
    const body = "Hi Tom,\n\nDone.\n\n-- \n[Your Name]\nAcme\n\nOn Mon, 2 Mar 2026 at 10:00, Tom Reed <tom.reed@globex.com> wrote:\n> Dear [NAME], TODO\n";
    const findings = only(await lintDraft(eml(toTom, body)), "unfilled-placeholder");
    expect(findings.map((f) => [f.excerpt, f.location.line, f.location.column])).toEqual([["[Your Name]", 6, 1]]);
  });

  it("expects template syntax only in template mode, as set by an override", async () => {
    const template = "Hi {{first_name}},\n\nYour stay starts on [INSERT DATE].\n";
    const config = { overrides: [{ files: ["**/*.hbs"], templates: true }] };
    const asTemplate = only(await lint(template, config, "templates/reminder.hbs"), "unfilled-placeholder");
    expect(asTemplate.map((f) => f.excerpt)).toEqual(["[INSERT DATE]"]);
    const asText = only(await lint(template, config, "notes/reminder.txt"), "unfilled-placeholder");
    expect(asText.map((f) => f.excerpt)).toEqual(["{{first_name}}", "[INSERT DATE]"]);
    expect(asText[0].message).toContain("template");
  });
});

/** Lints text under a file name, so that `overrides` globs apply to it. */
function lint(source: string, config: Record<string, unknown>, filename: string) {
  return lintSource(source, { config, filename });
}

describe("missing-attachment", () => {
  it("reports one forgotten attachment once, at its first mention", async () => {
    const body = "Hi Tom,\n\nPlease find attached the quote. The attached quote is valid for 30 days.\n\nSam";
    const findings = only(await lintDraft(eml(toTom, body)), "missing-attachment");
    expect(findings).toHaveLength(1);
    expect(findings[0].location).toMatchObject({ section: "body", line: 3, column: 1, endColumn: 21 });
    expect(findings[0].message).toContain("Please find attached");
  });

  it("does not run on bare text, which has no attachment information", async () => {
    expect(only(await lintDraft("Please find attached the quote.", {}, "text"), "missing-attachment")).toEqual([]);
  });
});

describe("greeting-mismatch", () => {
  it("says when the greeted person is on Cc, not To", async () => {
    const draft = eml({ ...toTom, Cc: "Karen Smith <karen.smith@acme.com>" }, "Hi Karen,\n\nHere it is.\n\nSam");
    const [finding] = only(await lintDraft(draft), "greeting-mismatch");
    expect(finding.message).toContain("Cc");
    expect(finding.location).toMatchObject({ line: 1, column: 4, endColumn: 9 });
    expect(finding.target).toBe("Karen");
  });

  it("stays quiet when a To address tells no name", async () => {
    const draft = eml({ ...sam, To: "Tom Reed <tom.reed@globex.com>, info@globex.com", Subject: "x" }, "Dear Ms Brewer,\n\nHi.\n");
    expect(only(await lintDraft(draft), "greeting-mismatch")).toEqual([]);
  });
});

describe("talks-about-recipient", () => {
  const stoke = { From: "Emma Hart <emma.hart@stokepark.com>", To: "Richard Cole <richard.cole@stokepark.com>", Cc: "Pauline Bailey <pauline.bailey@gmail.com>", Subject: "Wedding" };

  it("names the reader and reports one finding per sentence", async () => {
    const body = "Hi Richard,\n\nPauline wants the ballroom and Pauline's mother wants the garden. They can't have both.\n\nEmma";
    const findings = only(await lintDraft(eml(stoke, body)), "talks-about-recipient");
    expect(findings.map((f) => [f.location.line, f.location.column, f.excerpt])).toEqual([
      [3, 1, "Pauline wants the ballroom and Pauline's mother wants the garden."],
      [3, 67, "They can't have both."],
    ]);
    expect(findings[0].readers).toEqual(["pauline.bailey@gmail.com"]);
    expect(findings[0].message).toContain("pauline.bailey@gmail.com (Cc)");
  });

  it("does not read role nouns and pronouns when the outsider is on To", async () => {
    const draft = eml({ ...stoke, To: "Pauline Bailey <pauline.bailey@gmail.com>", Cc: "Richard Cole <richard.cole@stokepark.com>" }, "Hi Pauline,\n\nThey said the couple can have the ballroom.\n\nEmma");
    expect(only(await lintDraft(draft), "talks-about-recipient")).toEqual([]);
  });
});

describe("forwarded-internal-content", () => {
  const forward =
    "Hi Tom,\n\nSee below.\n\nSam\n\n---------- Forwarded message ---------\nFrom: Karen Smith <karen.smith@acme.com>\nTo: Sam Patel <sam.patel@acme.com>\nSubject: Renewal\n\nWe can go to 15 per cent.\n";

  it("points at the forward banner, in the quoted section", async () => {
    const [finding] = only(await lintDraft(eml(toTom, forward)), "forwarded-internal-content");
    expect(finding.location).toMatchObject({ section: "quoted", line: 7, column: 1 });
    expect(finding.readers).toEqual(["tom.reed@globex.com"]);
    expect(finding.message).toContain("karen.smith@acme.com");
  });

  it("is silent when nobody outside reads the message", async () => {
    const draft = eml({ ...toTom, To: "Ana Lopez <ana.lopez@acme.com>" }, forward.replace("Hi Tom", "Hi Ana"));
    expect(only(await lintDraft(draft), "forwarded-internal-content")).toEqual([]);
  });
});

describe("internal-link", () => {
  it("reports a link once even when HTML conversion repeats it", async () => {
    const html = eml({ ...toTom, "Content-Type": "text/html" }, '<p>Hi Tom,</p><p><a href="https://jira.acme.com/browse/X-1">https://jira.acme.com/browse/X-1</a></p>');
    expect(only(await lintDraft(html), "internal-link")).toHaveLength(1);
  });

  it("is silent among colleagues, and reads bare text as customer-facing", async () => {
    const internal = eml({ ...sam, To: "Ana Lopez <ana.lopez@acme.com>", Subject: "x" }, "See https://jira.acme.com/browse/X-1\n");
    expect(only(await lintDraft(internal), "internal-link")).toEqual([]);
    const text = only(await lintDraft("Reset it at http://10.0.0.8/admin\n", { internalDomains: ["acme.com"] }, "text"), "internal-link");
    expect(text).toHaveLength(1);
  });
});

describe("empty-subject", () => {
  it("reports at the subject, and not for bare text", async () => {
    const [finding] = only(await lintDraft(eml({ ...toTom, Subject: "Fwd: RE:" }, "Hi Tom,\n")), "empty-subject");
    // fileLine: the Subject: header's line (the engine places header and subject findings on their field).
    expect(finding.location).toMatchObject({ section: "subject", column: 1 });
    expect(finding.location.fileLine).toBeGreaterThan(0);
    expect(only(await lintDraft("Hello\n", {}, "text"), "empty-subject")).toEqual([]);
  });
});

describe("robustness", () => {
  it("never throws on arbitrary drafts", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 400 }), async (body) => {
        const result = await lintDraft(eml({ ...toTom, Cc: "Pauline Bailey <pauline.bailey@gmail.com>" }, body));
        expect(result.error).toBeNull();
      }),
      { numRuns: 150 },
    );
  });

  // Quadratic work on 2 MB would take hours: the timeout catches it by a wide margin, without a
  // stopwatch that a busy machine trips (speed figures live in npm run bench).
  it("lints a 2 MB body full of findings in linear time", { timeout: 60_000 }, async () => {
    const paragraph = "Hi Tom, Pauline said the couple want [NAME] at wiki.acme.com; please find attached {{x}} XX TODO. ";
    const body = paragraph.repeat(Math.ceil(2_000_000 / paragraph.length));
    const draft = eml({ ...toTom, To: "Richard <richard@acme.com>", Cc: "Pauline Bailey <pauline.bailey@gmail.com>" }, body);
    const result = await lintDraft(draft, { packs: ["hygiene"] });
    expect(result.error).toBeNull();
    // Each of the >10,000 is found; 100 are listed and one counts the rest (FINDINGS_PER_RULE_CAP).
    expect(only(result, "talks-about-recipient").length).toBe(101);
    expect(only(result, "talks-about-recipient").at(-1)!.message).toMatch(/^…and [\d,]{6,} more talks-about-recipient findings/);
  });
});
