// What the tone network is told about each word: the signals its word vectors cannot carry.
import { describe, expect, it } from "vitest";
import { trainingRows, TOKEN_FEATURES } from "../../src/tone/model/trainingRows.js";

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
