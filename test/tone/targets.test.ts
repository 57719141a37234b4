// Who a judgement is about: targets, audience severity, readers, quoted and forwarded text,
// template variables and positions.
import { describe, expect, it } from "vitest";
import { eml, lintTone } from "./helpers.js";
import { tokenise } from "../../src/text/tokens.js";
import { findMentions, type TargetContext } from "../../src/tone/targets.js";
import { toneLexicon } from "../../src/tone/lexicon.js";
import { splitSentences } from "../../src/text/sentences.js";

function mentionsIn(text: string, context: Partial<TargetContext> = {}): string[] {
  const tokens = tokenise(text, 0, false);
  const ctx: TargetContext = {
    lexicon: toneLexicon(["vendor"]),
    youIsCustomer: true,
    externalNames: new Map(),
    organisations: new Map(),
    colleagueNames: new Set(),
    ownOrganisations: new Set(),
    ...context,
  };
  return findMentions(tokens, ctx).map((m) => `${m.kind}:${text.slice(tokens[m.first].start, tokens[m.last].end)}`);
}

describe("target detection", () => {
  it("does not take our own organisation, named in the text, for a customer", () => {
    expect(mentionsIn("The Northwind Online orders failed again.")).toEqual(["name:The Northwind Online"]);
    expect(mentionsIn("The Northwind Online orders failed again.", { ownOrganisations: new Set(["northwind"]) })).toEqual([]);
  });

  it("takes no supplier or courier for a customer, unless the config names them customers", () => {
    expect(mentionsIn("The parts supplier in Dudley sent the wrong kit.", { lexicon: toneLexicon() })).toEqual(["name:Dudley"]);
    expect(mentionsIn("The courier lost it.", { lexicon: toneLexicon() })).toEqual([]);
    expect(mentionsIn("The vendor lost it.")).toEqual(["role:The vendor"]);
  });

  it("reads an acronym before a person noun as a modifier, not the pronoun 'it'", () => {
    expect(mentionsIn("Their IT director is late.")).toEqual(["pronoun:Their IT director"]);
  });

  it("reads a bare person noun opening a sentence before 'is' as pointing back", () => {
    expect(mentionsIn("Man is a complete cretin.")).toEqual(["person:Man"]);
    expect(mentionsIn("Man, what a week.")).toEqual([]);
  });

  it("finds role nouns with their locating phrase", () => {
    expect(mentionsIn("The guest in room 4 asked for towels.")).toEqual(["role:The guest in room 4"]);
    expect(mentionsIn("Our new client at Quarry Lane signed.")).toContain("role:Our new client at Quarry Lane");
  });
  it("finds a customer named by their place or time slot", () => {
    expect(mentionsIn("Room 9 wants more towels and table four asked for the bill.")).toEqual(["person:Room 9", "person:table four"]);
    expect(mentionsIn("seat 14C is rude again")).toEqual(["person:seat 14C"]);
    expect(mentionsIn("The 7:30 booking is late and the 2 o'clock has cancelled.")).toEqual(["person:The 7:30 booking", "person:the 2 o'clock"]);
  });
  it("does not take a location or a timetable for people", () => {
    expect(mentionsIn("Please move them to table four.")).toEqual(["pronoun:them"]);
    expect(mentionsIn("The 7:30 train was late.")).toEqual([]);
    expect(mentionsIn("I will be at the 3pm meeting.")).toEqual([]);
  });
  it("finds names, titled names, families and organisations", () => {
    expect(mentionsIn("We met Mrs Okafor, the Pennings and Larch & Co.")).toEqual(["name:Mrs Okafor", "name:the Pennings", "name:Larch & Co"]);
    expect(mentionsIn("Trevor at Hallam & Hythe Council called.")).toEqual(["name:Trevor at Hallam & Hythe Council"]);
  });
  it("takes a possessed person as the head: their office manager, Acme's director", () => {
    expect(mentionsIn("Their office manager called.")).toEqual(["pronoun:Their office manager"]);
    expect(mentionsIn("I met Brightwell's finance director.")).toEqual(["name:Brightwell's finance director"]);
  });
  it("does not take our own staff, modifiers or sentence openers for customers", () => {
    expect(mentionsIn("Our driver was late.")).toEqual([]);
    expect(mentionsIn("The user story needs criteria.")).toEqual([]);
    expect(mentionsIn("Honestly, those delays were our fault.")).toEqual([]);
  });
  it("reads customerTerms from config as role nouns", () => {
    expect(mentionsIn("The vendor called twice.")).toEqual(["role:The vendor"]);
  });
  it("reads 'you' as the customer only when the reader is", () => {
    expect(mentionsIn("You are late.")).toEqual(["you:You"]);
    expect(mentionsIn("You are late.", { youIsCustomer: false })).toEqual([]);
  });
  it("reads template variables as names", () => {
    const tokens = tokenise("{{ customer.name }} and %recipient.name% called.", 0, true);
    expect(tokens.filter((t) => t.kind === "template").map((t) => t.text)).toEqual(["{{ customer.name }}", "%recipient.name%"]);
  });
  it("splits sentences with offsets, keeping titles whole", () => {
    const text = "Mr. Okafor called. He was upset!\n\nNew paragraph here.";
    const spans = splitSentences(text).map((s) => [text.slice(s.start, s.end), s.paragraph]);
    expect(spans).toEqual([["Mr. Okafor called.", 0], ["He was upset!", 0], ["New paragraph here.", 1]]);
  });
});

describe("judgements need a target and must be about it", () => {
  const cases: Array<[string, boolean]> = [
    ["The couple are a pair of clowns.", true],
    ["The printer is a useless heap.", false],
    ["The Orrells aren't idiots, the form is confusing.", false],
    ["I can't stand the Delacourts.", true],
    ["I hate that the guest had to wait so long.", false],
    ["That muppet from Kestrel Homes rang again.", true],
    ["Run the dummy account through the tests.", false],
  ];
  for (const [text, flagged] of cases) {
    it(`${flagged ? "flags" : "passes"}: ${text}`, async () => {
      const result = await lintTone(text, "text");
      expect(result.findings.some((f) => f.ruleId === "disparaging-customer")).toBe(flagged);
    });
  }

  it("names the target words", async () => {
    const result = await lintTone("Sorry, busy day. The guest in suite 9 is an absolute menace.", "text");
    expect(result.findings[0]).toMatchObject({ ruleId: "disparaging-customer", target: "The guest in suite 9", severity: "error" });
    expect(result.findings[0].message).toContain("the customer may read this");
    expect(result.findings[0].excerpt).toBe("The guest in suite 9 is an absolute menace.");
    expect(result.findings[0].location).toMatchObject({ line: 1, column: 18, endColumn: 61 });
  });
});

describe("audience and readers", () => {
  const headers = { From: "Ana Ruiz <ana@harbourhotel.com>", To: "Ben Cole <ben@harbourhotel.com>", Subject: "Room 12" };

  it("is a warning among colleagues and an error with an outsider on Cc", async () => {
    const body = "Ben, the guest in room 12 is a complete idiot.\n";
    const internal = await lintTone(eml(headers, body), "eml");
    const external = await lintTone(eml({ ...headers, Cc: "Dora Veil <dora.veil@outlook.com>" }, body), "eml");
    expect(internal.findings.map((f) => [f.ruleId, f.severity])).toEqual([["disparaging-customer", "warn"]]);
    expect(external.findings.map((f) => [f.ruleId, f.severity])).toEqual([["disparaging-customer", "error"]]);
    expect(external.findings[0].readers).toEqual(["dora.veil@outlook.com"]);
    expect(external.findings[0].message).toContain("dora.veil@outlook.com (Cc) will read this");
    expect(external.findings[0].message).toContain("third person");
  });

  it("knows a recipient by display name or local part", async () => {
    const cc = { ...headers, Cc: "Dora Veil <dora.veil@outlook.com>" };
    const byName = await lintTone(eml(cc, "Ben, Dora is an absolute nightmare.\n"), "eml");
    const byLocal = await lintTone(eml(cc, "Ben, dora.veil is an absolute nightmare.\n"), "eml");
    expect(byName.findings[0]).toMatchObject({ target: "Dora", severity: "error" });
    expect(byLocal.findings[0]).toMatchObject({ target: "dora.veil", severity: "error" });
  });

  it("reads 'you' as a colleague in internal mail", async () => {
    const result = await lintTone(eml(headers, "Ben, you are an idiot for booking two rooms.\n"), "eml");
    expect(result.findings.filter((f) => f.ruleId === "disparaging-customer")).toEqual([]);
  });
});

describe("quoted and forwarded text", () => {
  it("does not lint the customer's own words quoted in a reply", async () => {
    const source = eml(
      { From: "Ana Ruiz <ana@harbourhotel.com>", To: "Dora Veil <dora.veil@outlook.com>", Subject: "Re: stay" },
      "Thank you for your message; we are sorry.\n\nOn Tue, 3 Mar 2026 at 10:02, Dora Veil <dora.veil@outlook.com> wrote:\n> Your receptionist is an idiot and the manager is a clown.\n",
    );
    const result = await lintTone(source, "eml");
    expect(result.findings).toEqual([]);
  });

  it("lints an internal thread forwarded to the customer, at the external severity", async () => {
    const source = eml(
      { From: "Ana Ruiz <ana@harbourhotel.com>", To: "Dora Veil <dora.veil@outlook.com>", Subject: "Fwd: room 12" },
      "Dora, please see below.\n\n---------- Forwarded message ---------\nFrom: Ben Cole <ben@harbourhotel.com>\nTo: Ana Ruiz <ana@harbourhotel.com>\nSubject: room 12\n\nThe guest in room 12 is a complete idiot.\n",
    );
    const result = await lintTone(source, "eml");
    const finding = result.findings.find((f) => f.ruleId === "disparaging-customer");
    expect(finding).toMatchObject({ severity: "error", target: "The guest in room 12" });
    expect(finding?.location.section).toBe("quoted");
    expect(finding?.message).toContain("dora.veil@outlook.com (To) will read this");
  });
});

describe("templates", () => {
  it("reads a template variable as the person it will name", async () => {
    const result = await lintTone("Honestly {{first_name}} is a nightmare to deal with.", "text", { templates: true });
    expect(result.findings[0]).toMatchObject({ ruleId: "disparaging-customer", target: "{{first_name}}" });
  });
  it("reads {{x}} as a name even outside template mode", async () => {
    const result = await lintTone("{{ customer.name }} is clueless.", "text");
    expect(result.findings[0]).toMatchObject({ ruleId: "disparaging-customer", target: "{{ customer.name }}" });
  });
});

describe("the other tone rules", () => {
  it("reports secrecy, shouting and profanity with the phrase", async () => {
    const result = await lintTone("Between you and me, the release was a shitshow. PLEASE DO NOT FORWARD THIS.", "text");
    expect(result.findings.map((f) => f.ruleId).sort()).toEqual(["profanity", "secrecy", "secrecy", "shouting"]);
  });
  it("reports profanity at a customer once, as disparaging-customer", async () => {
    const result = await lintTone("The client is a total dickhead.", "text");
    expect(result.findings.map((f) => [f.ruleId, f.message.startsWith("This swears")])).toEqual([["disparaging-customer", true]]);
  });
  it("checks the subject line", async () => {
    const source = eml({ From: "Ana <ana@harbourhotel.com>", To: "Ben <ben@harbourhotel.com>", Subject: "The Pennings are idiots" }, "See below.\n");
    const result = await lintTone(source, "eml");
    expect(result.findings[0]).toMatchObject({ ruleId: "disparaging-customer", location: { section: "subject", column: 1 } });
  });
});
