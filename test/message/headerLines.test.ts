/**
 * headerLines reads the header block's field names and lines straight from the bytes: the same
 * lines as splitting the decoded head into lines, with CRLF, folded lines and no blank line.
 */
import { describe, expect, it } from "vitest";
import { headerLines } from "../../src/engine/headerLines.js";

const lines = (text: string) => Object.fromEntries(headerLines(Buffer.from(text, "latin1")));

describe("headerLines", () => {
  it("gives each field's first line, lower-cased, up to the empty line", () => {
    expect(lines("From: a@x.com\nTo: b@x.com,\n c@x.com\nCC: d@x.com\ncc: e@x.com\n\nTo: not a header\n")).toEqual({ from: 1, to: 2, cc: 4 });
  });
  it("reads CRLF line ends, and a line of only CR ends the block", () => {
    expect(lines("Subject: Hi\r\nX-Mailer: y\r\n\r\nBcc: z\r\n")).toEqual({ subject: 1, "x-mailer": 2 });
  });
  it("needs a name before the colon, and the header block may run to the end", () => {
    expect(lines(": no name\nNo colon here\nDate : spaced\nReply-To: r@x.com")).toEqual({ "reply-to": 4 });
  });
  it("stops at 64 KB", () => {
    expect(lines(`${"X-Pad: ".padEnd(70_000, "a")}\nTo: late@x.com\n`)).toEqual({ "x-pad": 1 });
  });
});
