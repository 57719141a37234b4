/**
 * Positions (SPEC §2): every body character maps to a body line and column, and to the line of
 * the source file where it appears literally (plain 7bit/8bit parts), else to the line where its
 * MIME part starts.
 */
import { describe, expect, it } from "vitest";
import { lineOf, locateInBody } from "../../src/message/body.js";
import type { Message } from "../../src/types.js";
import { eml, read } from "./helpers.js";

function locate(m: Message, needle: string, nth = 0) {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = m.body.text.indexOf(needle, start + 1);
  expect(start, `"${needle}" is in the body`).toBeGreaterThanOrEqual(0);
  return locateInBody(m.body, start, start + needle.length);
}

const plainHeaders = [
  "From: Sam Patel <sam.patel@acme.com>", // 1
  "To: Ana Lopez <ana.lopez@acme.com>,", // 2
  " Ben Okafor <ben.okafor@acme.com>", // 3 (folded)
  "Subject: Globex renewal", // 4
  "MIME-Version: 1.0", // 5
  "Content-Type: text/plain; charset=utf-8", // 6
  "Content-Transfer-Encoding: 7bit", // 7
]; // 8 is the blank line; the body starts on line 9
const plainBody = "Hi Ana,\n\nBetween you and me, the numbers are soft.\n\nThanks,\nSam\n\nThanks,\nSam again\n";

describe("a plain 7bit body", () => {
  it("gives body line and column, and the source line where the text is", async () => {
    const m = await read(eml(plainHeaders, plainBody));
    expect(locate(m, "the numbers are soft")).toEqual({
      section: "body",
      line: 3,
      column: 21,
      endLine: 3,
      endColumn: 41,
      fileLine: 11,
    });
    expect(locate(m, "Hi Ana").fileLine).toBe(9);
  });

  it("maps repeated lines in order", async () => {
    const m = await read(eml(plainHeaders, plainBody));
    expect(locate(m, "Thanks,", 0)).toMatchObject({ line: 5, fileLine: 13 });
    expect(locate(m, "Thanks,", 1)).toMatchObject({ line: 8, fileLine: 16 });
  });

  it("gives the same positions with CRLF line ends", async () => {
    const m = await read(eml(plainHeaders, plainBody, { crlf: true }));
    expect(m.body.text).not.toContain("\r");
    expect(locate(m, "the numbers are soft")).toMatchObject({ line: 3, column: 21, fileLine: 11 });
  });

  it("spans lines: endLine and endColumn are where the text ends", async () => {
    const m = await read(eml(plainHeaders, plainBody));
    const start = m.body.text.indexOf("soft.");
    const end = m.body.text.indexOf("Thanks,") + "Thanks,".length;
    expect(locateInBody(m.body, start, end)).toMatchObject({ line: 3, endLine: 5, endColumn: 8 });
    expect(lineOf(m.body, end - 1)).toBe(5);
  });

  it("marks text inside a reply quote as section 'quoted'", async () => {
    const m = await read(
      eml(plainHeaders.slice(0, 4), "Agreed.\n\nOn Mon, 2 Mar 2026, Tom Reed <tom.reed@globex.com> wrote:\n> The numbers are soft.\n"),
    );
    expect(locate(m, "The numbers are soft")).toMatchObject({ section: "quoted", line: 4, fileLine: 9 });
    expect(locate(m, "Agreed")).toMatchObject({ section: "body", line: 1, fileLine: 6 });
  });
});

describe("encoded bodies", () => {
  const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64").replace(/(.{76})/g, "$1\n").trimEnd();
  const text = "Hi Ana,\n\nBetween you and me, the numbers are soft. We can go lower on the renewal if we have to.\n\nSam\n";

  it("base64 in a multipart: every line maps to the text part (its boundary to its first encoded line)", async () => {
    const source = eml(
      [
        "From: Sam Patel <sam.patel@acme.com>", // 1
        "To: Ana Lopez <ana.lopez@acme.com>", // 2
        "Subject: Renewal", // 3
        "MIME-Version: 1.0", // 4
        'Content-Type: multipart/mixed; boundary="b1"', // 5
      ], // 6 blank
      [
        "This is a multi-part message in MIME format.", // 7 (preamble: not the part)
        "", // 8
        "--b1", // 9
        "Content-Type: text/plain; charset=utf-8", // 10
        "Content-Transfer-Encoding: base64", // 11
        "", // 12
        b64(text), // 13…
        "",
        "--b1--",
        "",
      ].join("\n"),
    );
    const m = await read(source);
    expect(m.body.text).toContain("Between you and me");
    const at = locate(m, "the numbers are soft");
    expect(at).toMatchObject({ section: "body", line: 3, column: 21 });
    expect(at.fileLine).toBeGreaterThanOrEqual(9);
    expect(at.fileLine).toBeLessThanOrEqual(13);
    for (const line of m.body.fileLines) {
      expect(line).toBeGreaterThanOrEqual(9);
      expect(line).toBeLessThanOrEqual(13);
    }
  });

  it("base64 as the whole body: lines map into the message, at or before the encoded text", async () => {
    const source = eml(
      ["From: Sam Patel <sam.patel@acme.com>", "To: Ana Lopez <ana.lopez@acme.com>", "Subject: Renewal", "Content-Transfer-Encoding: base64"],
      b64(text) + "\n",
    );
    const m = await read(source);
    expect(locate(m, "the numbers are soft")).toMatchObject({ line: 3, column: 21 });
    for (const line of m.body.fileLines) {
      expect(line).toBeGreaterThanOrEqual(1);
      expect(line).toBeLessThanOrEqual(6);
    }
  });

  it("quoted-printable: soft line breaks are joined and characters decoded", async () => {
    const source = eml(
      ["From: Sam Patel <sam.patel@acme.com>", "To: Tom Reed <tom.reed@globex.com>", "Subject: Deposit", "Content-Transfer-Encoding: quoted-printable"],
      "Per my last email, the deposit is due on Friday, and the final numbers are =\ndue a week before the event. I=E2=80=99m happy to help.\n",
    );
    const m = await read(source);
    expect(m.body.text).toContain("the final numbers are due a week before the event. I\u2019m happy to help.");
    expect(locate(m, "due a week")).toMatchObject({ line: 1 });
  });

  it("multipart/alternative: the text/plain part is read, and lines map into it, not the HTML", async () => {
    const source = eml(
      ["From: Acme Hotels <bookings@acme.com>", "To: pauline.bailey@gmail.com", "Subject: Booking", 'Content-Type: multipart/alternative; boundary="alt"'],
      [
        "--alt", // 6
        "Content-Type: text/plain; charset=utf-8", // 7
        "", // 8
        "Hi Pauline,", // 9
        "", // 10
        "Your stay from 14 to 16 June is confirmed.", // 11
        "", // 12
        "--alt", // 13
        "Content-Type: text/html; charset=utf-8", // 14
        "", // 15
        "<p>Hi Pauline,</p>", // 16
        "<p>Your stay from 14 to 16 June is confirmed.</p>", // 17
        "--alt--",
        "",
      ].join("\n"),
    );
    const m = await read(source);
    expect(m.body.text).not.toContain("<p>");
    expect(m.body.text.match(/is confirmed/g)).toHaveLength(1);
    expect(locate(m, "Your stay")).toMatchObject({ line: 3, fileLine: 11 });
  });
});

describe("HTML-only bodies", () => {
  const html = [
    "<!DOCTYPE html>",
    "<html><head><style>p { margin: 0 0 12px; } .x { color: red }</style></head>",
    "<body>",
    "<p>Hi Tom,</p>",
    "<p>We can&rsquo;t hold the date past Friday without the deposit.</p>",
    "<p>Best,<br>Sam</p>",
    "</body></html>",
  ].join("\n");

  it("are read as text: no tags, no CSS, entities decoded", async () => {
    const m = await read(
      eml(["From: Sam Patel <sam.patel@acme.com>", "To: Tom Reed <tom.reed@globex.com>", "Subject: Date", "Content-Type: text/html; charset=utf-8"], html),
    );
    expect(m.body.text).toContain("Hi Tom,");
    expect(m.body.text).toContain("We can\u2019t hold the date past Friday without the deposit.");
    expect(m.body.text).not.toMatch(/<\/?p>|<br>|margin|color: red/);
    expect(m.body.segments.map((s) => s.kind)).toContain("new");
    const at = locate(m, "hold the date");
    expect(at.section).toBe("body");
    // The text is not in the source literally (an entity, tags): it maps into the message.
    expect(at.fileLine).toBeGreaterThanOrEqual(1);
    expect(at.fileLine).toBeLessThanOrEqual(4 + 1 + 7);
  });

  it("keep paragraphs on separate lines", async () => {
    const m = await read(
      eml(["From: Sam Patel <sam.patel@acme.com>", "To: Tom Reed <tom.reed@globex.com>", "Subject: Date", "Content-Type: text/html; charset=utf-8"], html),
    );
    expect(locate(m, "Hi Tom").line!).toBeLessThan(locate(m, "hold the date").line!);
  });

  it("an HTML reply's blockquote is a quote, not the sender's words", async () => {
    const reply = [
      "<div>Sorry about that, fixed now.</div>",
      '<div class="gmail_quote"><div class="gmail_attr">On Mon, 2 Mar 2026 at 17:45, Tom Reed &lt;tom.reed@globex.com&gt; wrote:<br></div>',
      "<blockquote class=\"gmail_quote\"><div>Your booking team are useless.</div></blockquote></div>",
    ].join("\n");
    const m = await read(
      eml(["From: Sam Patel <sam.patel@acme.com>", "To: Tom Reed <tom.reed@globex.com>", "Subject: Re: Rooms", "Content-Type: text/html; charset=utf-8"], reply),
    );
    expect(locate(m, "Sorry about that").section).toBe("body");
    expect(locate(m, "booking team are useless").section).toBe("quoted");
  });

  it("an HTML file given as a bare body is read as text too", async () => {
    const m = await read(html, {}, "offer.html");
    expect(m.kind).toBe("text");
    expect(m.body.text).toContain("Hi Tom,");
    expect(m.body.text).not.toMatch(/<p>|margin/);
  });
});
