/**
 * Body segments (SPEC §2): what the sender wrote (`new`), what they quote or forward (`quoted`,
 * with the quoted message's participants), and their `signature`.
 */
import { describe, expect, it } from "vitest";
import { splitQuotedSegments } from "../../src/message/segments.js";
import type { Segment } from "../../src/types.js";

function split(text: string) {
  const segments = splitQuotedSegments(text);
  return {
    segments,
    kinds: segments.map((s) => s.kind),
    text: (s: Segment) => text.slice(s.start, s.end),
    of: (kind: Segment["kind"]) => segments.filter((s) => s.kind === kind),
  };
}

function expectContiguous(text: string, segments: Segment[]) {
  // Segments never overlap and appear in reading order; together they leave out only blank text.
  let at = 0;
  for (const s of segments) {
    expect(s.start).toBeGreaterThanOrEqual(at);
    expect(text.slice(at, s.start).trim()).toBe("");
    at = s.end;
  }
  expect(text.slice(at).trim()).toBe("");
}

describe("splitQuotedSegments", () => {
  it("a body without quotes or signature is one new segment", () => {
    const text = "Hi Ana,\n\nThe room is booked.\n\nSam\n";
    const { segments, kinds } = split(text);
    expect(kinds).toEqual(["new"]);
    expect(text.slice(segments[0].start, segments[0].end).trim()).toBe(text.trim());
  });

  it("a '>' reply quote with its 'On … wrote:' attribution is quoted, with the quoted author", () => {
    const text = [
      "Hi Tom,",
      "",
      "Sorry about the mix-up; the invoice is fixed.",
      "",
      "Sam",
      "",
      "On Mon, 2 Mar 2026 at 17:45, Tom Reed <tom.reed@globex.com> wrote:",
      "> This is RIDICULOUS.",
      "> Your booking team are useless.",
      "",
    ].join("\n");
    const s = split(text);
    expect(s.kinds).toEqual(["new", "quoted"]);
    const quoted = s.of("quoted")[0];
    expect(s.text(quoted)).toMatch(/^On Mon, 2 Mar 2026/);
    expect(s.text(quoted)).toContain("> Your booking team are useless.");
    expect(s.text(s.of("new")[0])).not.toContain("wrote:");
    expect(quoted.forwarded).toBe(false);
    expect(quoted.participants).toEqual([{ name: "Tom Reed", address: "tom.reed@globex.com" }]);
    expectContiguous(text, s.segments);
  });

  it("an attribution wrapped over two lines is part of the quote", () => {
    const text = "Thanks, will do.\n\nOn Mon, 2 Mar 2026 at 17:45, Tom Reed\n<tom.reed@globex.com> wrote:\n> Can you send the plan?\n";
    const s = split(text);
    expect(s.kinds).toEqual(["new", "quoted"]);
    expect(s.text(s.of("new")[0]).trim()).toBe("Thanks, will do.");
    expect(s.of("quoted")[0].participants?.map((p) => p.address)).toEqual(["tom.reed@globex.com"]);
  });

  it("interleaved replies alternate new and quoted", () => {
    const text = "> Can you do Thursday?\nYes, 10am works.\n\n> And the projector?\nBooked.\n";
    const s = split(text);
    expect(s.kinds).toEqual(["quoted", "new", "quoted", "new"]);
    expect(s.of("new").map((x) => s.text(x).trim())).toEqual(["Yes, 10am works.", "Booked."]);
  });

  it("a bare '>' quote without attribution is quoted, with no participants", () => {
    const s = split("Agreed.\n\n> We should move the launch.\n");
    expect(s.kinds).toEqual(["new", "quoted"]);
    expect(s.of("quoted")[0].participants ?? []).toEqual([]);
  });

  it("Outlook's '-----Original Message-----' block is quoted to the end, with its From and To", () => {
    const text = [
      "Hi Marco,",
      "",
      "We'll re-run the export tonight.",
      "",
      "Karen",
      "",
      "-----Original Message-----",
      "From: Marco Rossi <marco@initech.com>",
      "Sent: Monday, March 16, 2026 4:12 PM",
      "To: Karen Smith <karen.smith@acme.com>",
      "Subject: Export broken again",
      "",
      "The export is broken AGAIN.",
      "",
      "Marco",
    ].join("\n");
    const s = split(text);
    expect(s.kinds).toEqual(["new", "quoted"]);
    const quoted = s.of("quoted")[0];
    expect(s.text(quoted)).toMatch(/^-----Original Message-----/);
    expect(quoted.end).toBe(text.length);
    expect(quoted.forwarded).toBe(false);
    expect(quoted.participants?.map((p) => p.address).sort()).toEqual(["karen.smith@acme.com", "marco@initech.com"]);
  });

  it("an Outlook 'From: … Sent: … To: …' block without a banner is quoted; bare names are kept", () => {
    const text = [
      "Looks good to me.",
      "",
      "From: Karen Smith",
      "Sent: 16 March 2026 11:20",
      "To: Sam Patel",
      "Subject: Renewal terms",
      "",
      "We can offer ten per cent.",
    ].join("\n");
    const s = split(text);
    expect(s.kinds).toEqual(["new", "quoted"]);
    expect(s.of("quoted")[0].participantNames).toEqual(["Karen Smith", "Sam Patel"]);
  });

  it("Outlook's 'Name [mailto:address]' form gives the name and the address", () => {
    const text = [
      "Will do.",
      "",
      "-----Original Message-----",
      "From: Karen Smith [mailto:karen.smith@acme.com]",
      "Sent: Monday, March 16, 2026 4:12 PM",
      "To: Sam Patel",
      "Subject: Renewal terms",
      "",
      "We can offer ten per cent.",
    ].join("\n");
    const quoted = split(text).of("quoted")[0];
    expect(quoted.participants).toEqual([{ name: "Karen Smith", address: "karen.smith@acme.com" }]);
    expect(quoted.participantNames).toEqual(["Sam Patel"]);
  });

  it("a lone 'From:' line in prose is not a quote", () => {
    const s = split("Hi Ana,\n\nFrom: the front desk, with thanks for all your help.\n\nSam\n");
    expect(s.kinds).toEqual(["new"]);
  });

  it("a Gmail forward is quoted and forwarded, with the forwarded message's From, To and Cc", () => {
    const text = [
      "Hi Tom,",
      "",
      "Forwarding the note below.",
      "",
      "---------- Forwarded message ---------",
      "From: Karen Smith <karen.smith@acme.com>",
      "Date: Mon, 16 Mar 2026 at 11:20",
      "Subject: Globex renewal terms",
      "To: Sam Patel <sam.patel@acme.com>",
      "Cc: Dev Patel <dev.patel@acme.com>",
      "",
      "",
      "We can offer Globex ten per cent off.",
      "",
      "Karen",
    ].join("\n");
    const s = split(text);
    expect(s.kinds).toEqual(["new", "quoted"]);
    const quoted = s.of("quoted")[0];
    expect(quoted.forwarded).toBe(true);
    expect(s.text(quoted)).toContain("We can offer Globex ten per cent off.");
    expect(quoted.participants?.map((p) => p.address).sort()).toEqual([
      "dev.patel@acme.com",
      "karen.smith@acme.com",
      "sam.patel@acme.com",
    ]);
    expect(s.text(s.of("new")[0])).not.toContain("Forwarded message");
  });

  it("Apple Mail's 'Begin forwarded message:' is a forward", () => {
    const s = split("FYI\n\nBegin forwarded message:\n\nFrom: Karen Smith <karen.smith@acme.com>\nSubject: Rota\nDate: 16 March 2026\nTo: Sam Patel <sam.patel@acme.com>\n\nRota attached.\n");
    expect(s.kinds).toEqual(["new", "quoted"]);
    expect(s.of("quoted")[0].forwarded).toBe(true);
  });

  it("the RFC 3676 signature separator '-- ' starts the signature", () => {
    const text = "Hi Ana,\n\nThe room is booked.\n\nThanks,\nSam\n\n-- \nSam Patel\nEvents, Acme\n";
    const s = split(text);
    expect(s.kinds).toEqual(["new", "signature"]);
    expect(s.text(s.of("signature")[0])).toMatch(/^-- \nSam Patel\nEvents, Acme/);
    expect(s.text(s.of("new")[0])).not.toContain("Events, Acme");
  });

  it("a signature before a reply quote: new, signature, quoted", () => {
    const text = "Sounds good.\n\n-- \nSam Patel\n\nOn Mon, 2 Mar 2026, Tom Reed <tom.reed@globex.com> wrote:\n> Shall we meet at 10?\n";
    const s = split(text);
    expect(s.kinds).toEqual(["new", "signature", "quoted"]);
    expect(s.text(s.of("signature")[0])).not.toContain("wrote:");
  });

  it("a dashed line inside prose is not a signature", () => {
    expect(split("Agenda -- draft two\nItem one\n").kinds).toEqual(["new"]);
  });
});
