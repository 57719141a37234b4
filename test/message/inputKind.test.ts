// --input auto (SPEC §1): a file is an email when it is .eml, or begins with RFC 5322 header lines
// and a blank line. A text that opens with a label is not one.
import { describe, expect, it } from "vitest";
import { read } from "./helpers.js";

describe("auto input", () => {
  it("reads a .txt that opens with 'Note: …' and a blank line as a text", async () => {
    const message = await read("Note: bring the forms\n\nSee you at nine.\n", {}, "notes.txt");
    expect(message.kind).toBe("text");
    expect(message.body.text).toContain("Note: bring the forms");
  });

  it("still reads header lines of a real message in a .txt as an email", async () => {
    const message = await read("From: Sam <sam@acme.com>\nTo: Tom <tom@acme.com>\nSubject: Hi\n\nSee you at nine.\n", {}, "draft.txt");
    expect(message.kind).not.toBe("text");
    expect(message.subject).toBe("Hi");
  });
});

describe("--input text on an email", () => {
  it("reads the message's own header lines as text, and what follows as the sender's words", async () => {
    const { readMessage } = await import("../../src/message/readMessage.js");
    const { settings, segmentTexts } = await import("./helpers.js");
    const source = "From: Sam <sam@acme.com>\nTo: Tom <tom@acme.com>\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: text/plain\n\nHonestly the couple are a pair of clowns.\n";
    const message = await readMessage(Buffer.from(source), "draft.eml", "text", settings());
    expect(message.kind).toBe("text");
    expect(segmentTexts(message, "quoted")).toEqual([]);
    expect(segmentTexts(message, "new").join("")).toContain("Honestly the couple are a pair of clowns.");
  });
});
