import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { findPlaceholders } from "../../src/rules/hygiene/findPlaceholders.js";
import { compileVocabulary, type PlaceholderPatterns } from "../../src/rules/hygiene/unfilled-placeholder.js";
import { hygieneRule } from "./helpers.js";

const vocabulary = compileVocabulary(hygieneRule("unfilled-placeholder").patterns as PlaceholderPatterns);
const found = (text: string, templateMode = false) => findPlaceholders(text, vocabulary, templateMode).map((h) => h.text);

describe("findPlaceholders", () => {
  it.each([
    ["Dear [Customer Name],", ["[Customer Name]"]],
    ["Hi [FIRST_NAME]", ["[FIRST_NAME]"]],
    ["on [insert date of the event]", ["[insert date of the event]"]],
    ["Hi {{ first_name }}!", ["{{ first_name }}"]],
    ["Hi {{{first_name}}}!", ["{{{first_name}}}"]],
    ["Hello {name}, welcome", ["{name}"]],
    ["Dear <<Title>> <<Surname>>", ["<<Title>>", "<<Surname>>"]],
    ["Dear %FIRSTNAME%,", ["%FIRSTNAME%"]],
    ["Hi $FIRST_NAME, thanks", ["$FIRST_NAME"]],
    ["It costs £XX per night", ["XX"]],
    ["Arriving on XX/XX/2026", ["XX/XX"]],
    ["Call XXX-XXXX today", ["XXX-XXXX"]],
    ["Sign here: ______ and date", ["______"]],
    ["Lorem ipsum dolor sit amet, consectetur adipiscing elit.", ["Lorem ipsum dolor sit amet, consectetur adipiscing"]],
    ["TODO: pricing. TBD: venue. FIXME", ["TODO", "TBD", "FIXME"]],
    ["Hi *|FNAME|*", ["*|FNAME|*"]],
    ["See [Link to pricing page] and [Hotel Name].", ["[Link to pricing page]", "[Hotel Name]"]],
    ["On [Date TBC] at [Name of venue], for [CLIENT COMPANY LTD].", ["[Date TBC]", "[Name of venue]", "[CLIENT COMPANY LTD]"]],
    ["Dear [Client's first name]", ["[Client's first name]"]],
  ])("flags %j", (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    "See the [setup guide](https://example.com/setup).",
    "As shown in [1] and [2, 3].",
    "It costs $20, or $1,500 for the room.",
    'Send {"name": "x", "tags": []} as JSON.',
    "An empty object {} and a list [].",
    "Sizes S, M, L, XL, XXL.",
    "Love, Sarah xx",
    "Card XXXX XXXX XXXX 4242 expired; also XXXX-1234.",
    "Up 20% on last year, and 15% off for members.",
    "Set %APPDATA% and $HOME first.",
    "Read user[name] and items[0].",
    "[EXTERNAL] Re: [PATCH v2 3/7] fix",
    "a todo list and a to-do item",
    "Picture [image: floor plan] here",
    "Our site [https://www.acme.com/x] has it.",
    "____________________________",
    "- [x] booked\n- [ ] invited",
    "He was [sic] late; [Name redacted] said so.",
    "Run:\n\n    curl -H \"Authorization: Bearer $API_TOKEN\" https://api.example.com\n",
    "Use `{{ name }}` in your template, or a block:\n```\n{{#if x}}{{name}}{{/if}}\n```\n",
    "It is at https://example.com/%E2%80%99/TODO?x={id}",
    "Use f\"{base_url}/items\" in Python.",
    "Super Bowl XXV",
    "Open 9-5 [UK time], see [Project Update] on the [second floor] of [Room 2.14].",
  ])("passes %j", (text) => {
    expect(found(text)).toEqual([]);
  });

  describe("template mode", () => {
    it.each([
      "Hi {{first_name}}, {{#if vip}}welcome back{{/if}}",
      "{% for i in items %}{{ i.name | upcase }}{% endfor %}",
      "{# a Jinja comment #}{{!-- TODO: a Handlebars comment --}}",
      "Hi %recipient.first_name%, unsubscribe at %mailing_list_unsubscribe_url%",
      "Hi <%= user.name %> and ${user.firstName}",
      "Hello *|FNAME|*",
      'Hi {{t "[Name]"}}',
    ])("expects the template's own syntax: %j", (text) => {
      expect(found(text, true)).toEqual([]);
    });

    it.each([
      ["Your stay starts on [INSERT DATE].", ["[INSERT DATE]"]],
      ["Hi {{name}}, TODO write this", ["TODO"]],
      ["Lorem ipsum {{name}}", ["Lorem ipsum"]],
      ["Dear <<name>>", ["<<name>>"]],
      ["Dear %FIRSTNAME%", ["%FIRSTNAME%"]],
    ])("still flags hand-made placeholders: %j", (text, expected) => {
      expect(found(text, true)).toEqual(expected);
    });
  });

  it("gives offsets into the text it was given", () => {
    const text = "Hi [NAME], on {{date}}.";
    for (const hit of findPlaceholders(text, vocabulary, false)) expect(text.slice(hit.start, hit.end)).toBe(hit.text);
  });

  it("never throws and keeps offsets in range, whatever the text", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("[", "]", "{", "}", "<", ">", "%", "$", "X", "_", "a", "N", " ", "\n", "`", "|", "*", "T", "O", "D") , maxLength: 300 }), (text) => {
        for (const hit of findPlaceholders(text, vocabulary, false)) {
          expect(hit.start).toBeGreaterThanOrEqual(0);
          expect(hit.end).toBeLessThanOrEqual(text.length);
          expect(hit.end).toBeGreaterThan(hit.start);
        }
        findPlaceholders(text, vocabulary, true);
      }),
      { numRuns: 300 },
    );
  });

  // Backtracking on these would take hours: the timeout catches it without a stopwatch assertion.
  it("is linear on hostile input", { timeout: 60_000 }, () => {
    const hostile = ["{{".repeat(50_000), "[".repeat(100_000), "%a".repeat(50_000), "<<a".repeat(40_000), "X ".repeat(50_000), "`".repeat(100_000), "    $".repeat(20_000)].join("\n");
    findPlaceholders(hostile, vocabulary, false);
    findPlaceholders(hostile, vocabulary, true);
  });
});
