// What the tone network is told about each word: the signals its word vectors cannot carry.
import { describe, expect, it } from "vitest";
import { bareExamples, barePassExamples, trainingRows, TOKEN_FEATURES } from "../../src/tone/model/trainingRows.js";

const NONE = { valence: () => 0, profanity: () => 0 };
const ABOUT_WRITER = TOKEN_FEATURES.indexOf("aboutWriter");

async function aboutTheWriter(sentence: string): Promise<string[]> {
  const [row] = await trainingRows(sentence, NONE);
  return row.words.filter((_, i) => row.extras[i][ABOUT_WRITER] === 1);
}

describe("the words that judge the writer", () => {
  it("are the complement of I'm, I was, I felt, and what comes before a closing I am", async () => {
    expect(await aboutTheWriter("He must think I'm the biggest idiot in the world.")).toEqual(["the", "biggest", "idiot", "in", "the", "world"]);
    expect(await aboutTheWriter("I felt a complete fool on that call.")).toEqual(["a", "complete", "fool", "on", "that", "call"]);
    expect(await aboutTheWriter("What an idiot I am!")).toEqual(["what", "an", "idiot"]);
    expect(await aboutTheWriter("What a fool I was to book it")).toEqual(["what", "a", "fool"]);
  });

  it("are none when someone else is judged", async () => {
    expect(await aboutTheWriter("He is the biggest idiot in the world.")).toEqual([]);
    expect(await aboutTheWriter("I think the buyer is an idiot.")).toEqual([]);
    expect(await aboutTheWriter("I was told the buyer is an idiot, and I am")).toEqual([]);
  });
});

const QUOTED = TOKEN_FEATURES.indexOf("quoted");

async function quotedWords(passage: string): Promise<string[][]> {
  const rows = await trainingRows(passage, NONE);
  return rows.map((row) => row.words.filter((w, i) => w && row.extras[i][QUOTED] === 1));
}

describe("the customer's own words", () => {
  it("are quoted over every sentence a quotation runs across", async () => {
    expect(await quotedWords('The guest wrote: "Your staff are useless. I was treated so rudely." I have apologised.')).toEqual([
      ["your", "staff", "are", "useless"],
      ["i", "was", "treated", "so", "rudely"],
      [],
    ]);
  });

  it("are not opened by an inch mark or a quote that never closes", async () => {
    expect(await quotedWords('I bought a 15" monitor. The client is an idiot.')).toEqual([[], []]);
    expect(await quotedWords('He wrote "see below. The client is an idiot.')).toEqual([[], []]);
  });
});

async function judged(sentence: string, feature: "judgesMention" | "judgesThing"): Promise<string[]> {
  const column = TOKEN_FEATURES.indexOf(feature);
  const [row] = await trainingRows(sentence, NONE);
  return row.words.filter((_, i) => row.extras[i][column] === 1);
}

describe("whose complement a word is", () => {
  it("is the customer's when they are the copula's subject", async () => {
    expect(await judged("The Dunlops are a pair of clowns.", "judgesMention")).toEqual(["a", "pair", "of", "clowns"]);
    expect(await judged("The Dunlops are a pair of clowns.", "judgesThing")).toEqual([]);
  });

  it("is a thing's when something else is the subject", async () => {
    expect(await judged("The tail lift at the Dunlops' is a bloody drongo.", "judgesThing")).toEqual(["a", "bloody", "drongo"]);
    expect(await judged("The tail lift at the Dunlops' is a bloody drongo.", "judgesMention")).toEqual([]);
  });
});

// The trainer learns the packs' own examples (scripts/train-pack-examples.mjs): only the bare
// texts, as the pack tests lint them; a whole message or an example with its own config is read
// by who sends it and how, which a bare passage cannot carry.
describe("the packs' examples the trainer learns", () => {
  it("are each rule's bare flag and pass texts, flag examples with their messageId", () => {
    const flag = bareExamples("disparaging-customer", "flag");
    expect(flag.length).toBeGreaterThan(100);
    expect(flag).toContainEqual({ text: "That dozy man from the removals firm rang twice.", messageId: "insult" });
    expect(flag.every((e) => !e.text.startsWith("From:"))).toBe(true);
    expect(bareExamples("gatekeeping", "pass").map((e) => e.text)).toEqual(barePassExamples("gatekeeping"));
    expect(bareExamples("condescension", "flag").length).toBeGreaterThan(0);
  });
});
