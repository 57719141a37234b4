/** Address headers: groups flattened, encoded-word names decoded, IDN domains in both forms. */
import { describe, expect, it } from "vitest";
import { parseMailboxes, splitAddress } from "../../src/message/addresses.js";
import { eml, read } from "./helpers.js";

describe("parseMailboxes", () => {
  it("reads names and addresses, quoted names with commas kept whole", () => {
    expect(parseMailboxes(`"Smith, Karen" <karen.smith@acme.com>, tom@globex.com`)).toEqual([
      { name: "Smith, Karen", address: "karen.smith@acme.com" },
      { name: "", address: "tom@globex.com" },
    ]);
  });

  it("flattens a group into its members (RFC 5322 §3.4)", () => {
    expect(parseMailboxes("Team: a@x.com, Bea <b@y.com>;").map((m) => m.address)).toEqual(["a@x.com", "b@y.com"]);
  });

  it("gives no mailbox for an empty group", () => {
    expect(parseMailboxes("undisclosed-recipients:;")).toEqual([]);
  });

  it("keeps mailboxes around a group", () => {
    expect(parseMailboxes("ana@acme.com, Team: a@x.com;, tom@globex.com").map((m) => m.address)).toEqual([
      "ana@acme.com",
      "a@x.com",
      "tom@globex.com",
    ]);
  });
});

describe("splitAddress", () => {
  it("lower-cases the domain and keeps the local part as written", () => {
    expect(splitAddress("Karen.Smith@ACME.com")).toMatchObject({ local: "Karen.Smith", domain: "acme.com", asciiDomain: "acme.com" });
  });

  it("shows a punycode domain in Unicode and keeps its ASCII form", () => {
    expect(splitAddress("dev@xn--m-7sbq0c.com")).toEqual({ local: "dev", domain: "\u0430\u0441m\u0435.com", asciiDomain: "xn--m-7sbq0c.com" });
  });

  it("gives the ASCII form of a Unicode domain", () => {
    expect(splitAddress("dev@\u0430\u0441m\u0435.com")).toEqual({ local: "dev", domain: "\u0430\u0441m\u0435.com", asciiDomain: "xn--m-7sbq0c.com" });
  });

  it("lower-cases a Unicode domain (MÜLLER.de)", () => {
    expect(splitAddress("zoe@MÜLLER.de").domain).toBe("müller.de");
  });
});

describe("recipients of a message", () => {
  const headers = (...extra: string[]) => ["From: Sam Patel <sam.patel@acme.com>", ...extra, "Subject: Test"];

  it("flattens groups, keeping each member's field", async () => {
    const m = await read(eml(headers("To: Launch team: ana@acme.com, Tom Reed <tom@globex.com>;", "Cc: undisclosed-recipients:;"), "Hello"));
    expect(m.recipients.map((r) => [r.field, r.address, r.name])).toEqual([
      ["to", "ana@acme.com", ""],
      ["to", "tom@globex.com", "Tom Reed"],
    ]);
  });

  it("reads To, Cc and Bcc in that order", async () => {
    const m = await read(eml(headers("Bcc: c@globex.com", "Cc: b@globex.com", "To: a@globex.com"), "Hello"));
    expect(m.recipients.map((r) => r.field)).toEqual(["to", "cc", "bcc"]);
  });

  it("decodes RFC 2047 encoded-word display names (B and Q, UTF-8 and Latin-1)", async () => {
    const m = await read(
      eml(
        headers(
          "To: =?UTF-8?B?Wm/DqyBNw7xsbGVy?= <zoe@globex.de>",
          "Cc: =?ISO-8859-1?Q?Fran=E7ois_Lef=E8vre?= <francois@initech.fr>, =?utf-8?q?Ana_L=C3=B3pez?= <ana@acme.com>",
        ),
        "Hello",
      ),
    );
    expect(m.recipients.map((r) => r.name)).toEqual(["Zoë Müller", "François Lefèvre", "Ana López"]);
  });

  it("decodes an encoded-word name inside a group", async () => {
    const m = await read(eml(headers("To: Team: =?UTF-8?Q?Zo=C3=AB?= <zoe@globex.de>;"), "Hello"));
    expect(m.recipients).toHaveLength(1);
    expect(m.recipients[0]).toMatchObject({ name: "Zoë", address: "zoe@globex.de" });
  });

  it("shows an IDN written as punycode in Unicode, with the ASCII form kept", async () => {
    const m = await read(eml(headers("To: Accounts <accounts@xn--m-7sbq0c.com>"), "Hello"));
    expect(m.recipients[0]).toMatchObject({
      address: "accounts@\u0430\u0441m\u0435.com",
      asciiAddress: "accounts@xn--m-7sbq0c.com",
      domain: "\u0430\u0441m\u0435.com",
      external: true,
    });
  });

  it("reads an IDN written as raw UTF-8 (RFC 6532) the same way", async () => {
    const m = await read(eml(headers("To: Accounts <accounts@\u0430\u0441m\u0435.com>"), "Hello"));
    expect(m.recipients[0]).toMatchObject({
      address: "accounts@\u0430\u0441m\u0435.com",
      asciiAddress: "accounts@xn--m-7sbq0c.com",
      domain: "\u0430\u0441m\u0435.com",
    });
  });

  it("lower-cases the domain of a recipient", async () => {
    const m = await read(eml(headers("To: Tom <Tom.Reed@GLOBEX.COM>"), "Hello"));
    expect(m.recipients[0]).toMatchObject({ address: "Tom.Reed@globex.com", domain: "globex.com" });
  });
});
