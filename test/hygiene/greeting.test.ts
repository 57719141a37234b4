import { describe, expect, it } from "vitest";
import { compileSalutations, parseGreeting } from "../../src/rules/hygiene/greeting.js";
import { nameTools } from "../../src/rules/hygiene/people.js";
import { hygieneRule } from "./helpers.js";

const salutations = compileSalutations(hygieneRule("greeting-mismatch").patterns.salutations as string[]);
const tools = nameTools();
const greet = (text: string) => parseGreeting(text, 0, text.length, salutations, tools);
const names = (text: string) => greet(text)?.names.map((n) => n.tokens) ?? null;

describe("parseGreeting", () => {
  it.each([
    ["Hi Karen,\n\nThe plan.", [["karen"]]],
    ["Dear Ms. Brewer,", [["brewer"]]],
    ["Hello Dr Patel", [["patel"]]],
    ["hi karen,", [["karen"]]],
    ["Good morning Karen, hope you are well.", [["karen"]]],
    ["Hi Tom and Jo,", [["tom"], ["jo"]]],
    ["Hi Tom, Jo & Ana,", [["tom"], ["jo"], ["ana"]]],
    ["Hi Tom, Karen asked me to write.", [["tom"]]],
    ["Dear Mr and Mrs Smith,", [["smith"]]],
    ["Dear Mr van der Berg,", [["berg"]]],
    ["Hi Karen Smith!", [["karen", "smith"]]],
    ["Hola José,", [["jose"]]],
    ["\n\n  Hey Sam -- quick one", [["sam"]]],
  ])("%j greets %j", (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it.each(["Hi all,", "Hi team,", "Dear Sir or Madam,", "Hello there,", "Good morning,", "Dear Acme team,", "Hi everyone!", "Dear Valued Customer,", "Dear Hiring Manager,", "Hi [First Name],", "Hi {{first_name}},"])(
    "%j names no one",
    (text) => {
      expect(greet(text)?.names ?? []).toEqual([]);
    },
  );

  it("reads a bare name line as a greeting, and nothing else without a salutation", () => {
    expect(greet("Karen,\n\nThe plan.")?.names.map((n) => n.text)).toEqual(["Karen"]);
    expect(greet("Karen,")?.salutation).toBeNull();
    expect(greet("Following up on our call, see below.")).toBeNull();
    expect(greet("Thanks for the call.")).toBeNull();
  });

  it("locates the name it read", () => {
    const text = "Dear Ms. Brewer,\n";
    const [name] = greet(text)!.names;
    expect(text.slice(name.start, name.end)).toBe("Ms. Brewer");
  });
});
