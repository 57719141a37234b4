/** Who is inside the building (SPEC §2): configured domains, else the sender's, unless free mail. */
import { describe, expect, it } from "vitest";
import { audienceOf, classifyRecipient, resolveInsiders } from "../../src/audience/classifyRecipient.js";
import { eml, read, settings } from "./helpers.js";

const from = (address: string) => `From: Sender <${address}>`;

describe("with internalDomains configured", () => {
  const config = { internalDomains: ["acme.com", "acme.co.uk"] };

  it("counts a configured domain and its subdomains as internal", async () => {
    const m = await read(
      eml([from("sam@acme.com"), "To: ops@mail.acme.co.uk, ana@acme.com, hr@eu.acme.com", "Subject: x"], "Hi"),
      config,
    );
    expect(m.recipients.map((r) => r.external)).toEqual([false, false, false]);
    expect(m.recipients[0]).toMatchObject({ domain: "mail.acme.co.uk", organisation: "acme.co.uk" });
    expect(m.audience).toBe("internal");
  });

  it("counts every other domain as external, whatever the sender", async () => {
    const m = await read(eml([from("sam@globex.com"), "To: tom@globex.com, ana@acme.com", "Subject: x"], "Hi"), config);
    expect(m.recipients.map((r) => [r.address, r.external])).toEqual([
      ["tom@globex.com", true],
      ["ana@acme.com", false],
    ]);
  });

  it("does not treat a look-alike suffix as a subdomain", async () => {
    const m = await read(eml([from("sam@acme.com"), "To: a@notacme.com, b@acme.co", "Subject: x"], "Hi"), config);
    expect(m.recipients.map((r) => r.external)).toEqual([true, true]);
  });

  it("accepts configured domains in any case", async () => {
    const m = await read(eml([from("sam@acme.com"), "To: ana@acme.com", "Subject: x"], "Hi"), { internalDomains: ["ACME.com"] });
    expect(m.recipients[0].external).toBe(false);
  });
});

describe("without internalDomains: the sender's domain", () => {
  it("counts the sender's organisation as internal", async () => {
    const m = await read(eml([from("sam@acme.com"), "To: ana@acme.com, tom@globex.com", "Subject: x"], "Hi"));
    expect(m.recipients.map((r) => r.external)).toEqual([false, true]);
    expect(m.audience).toBe("external");
  });

  it("uses the organisation, so mail from a subdomain makes the parent domain a colleague", async () => {
    const m = await read(eml([from("sam@mail.acme.co.uk"), "To: ana@acme.co.uk", "Subject: x"], "Hi"));
    expect(m.recipients[0].external).toBe(false);
  });

  it("with a free-mail sender, only the sender's own address is internal", async () => {
    const m = await read(eml([from("jo.baker@gmail.com"), "To: pat.lee@gmail.com", "Cc: Jo.Baker@gmail.com", "Subject: x"], "Hi"));
    expect(m.recipients.map((r) => [r.address.toLowerCase(), r.external])).toEqual([
      ["pat.lee@gmail.com", true],
      ["jo.baker@gmail.com", false],
    ]);
    expect(m.recipients[0].freemail).toBe(true);
  });
});

describe("trustedDomains", () => {
  it("are external, and marked trusted", async () => {
    const m = await read(eml([from("sam@acme.com"), "To: j.wu@lawfirm-partner.com, x@lawfirm-partners.com", "Subject: x"], "Hi"), {
      internalDomains: ["acme.com"],
      trustedDomains: ["lawfirm-partner.com"],
    });
    expect(m.recipients.map((r) => [r.external, r.trusted])).toEqual([
      [true, true],
      [true, false],
    ]);
    expect(m.audience).toBe("external");
  });
});

describe("audience", () => {
  it("is unknown without recipients, and for bare text", async () => {
    expect((await read(eml([from("sam@acme.com"), "Subject: x"], "Hi"))).audience).toBe("unknown");
    expect((await read("Hello there\n", {}, "note.txt")).audience).toBe("unknown");
  });

  it("is external when only a Bcc recipient is external", async () => {
    const m = await read(eml([from("sam@acme.com"), "To: ana@acme.com", "Bcc: tom@globex.com", "Subject: x"], "Hi"));
    expect(m.audience).toBe("external");
  });

  it("audienceOf follows the recipients", () => {
    const s = settings({ internalDomains: ["acme.com"] });
    const insiders = resolveInsiders({ name: "", address: "sam@acme.com" }, s);
    const ana = classifyRecipient({ name: "Ana", address: "ana@acme.com" }, "to", insiders, s);
    const tom = classifyRecipient({ name: "Tom", address: "tom@globex.com" }, "bcc", insiders, s);
    expect(audienceOf([])).toBe("unknown");
    expect(audienceOf([ana])).toBe("internal");
    expect(audienceOf([ana, tom])).toBe("external");
  });
});

describe("quoted content's participants", () => {
  const forward = (fromLine: string) =>
    eml(
      [from("sam@acme.com"), "To: Tom Reed <tom.reed@globex.com>", "Subject: Fwd: Renewal"],
      `See below.\n\n---------- Forwarded message ---------\n${fromLine}\nDate: Mon, 16 Mar 2026 at 11:20\nSubject: Renewal\nTo: Sam Patel <sam@acme.com>\n\n\nWe can go to twenty per cent.\n`,
    );

  it("a forwarded message between colleagues is internal-only", async () => {
    const m = await read(forward("From: Karen Smith <karen@acme.com>"));
    const quoted = m.body.segments.filter((s) => s.kind === "quoted");
    expect(quoted).toHaveLength(1);
    expect(quoted[0]).toMatchObject({ forwarded: true, internalOnly: true });
  });

  it("Outlook's [mailto:] form is read the same way", async () => {
    const m = await read(forward("From: Karen Smith [mailto:karen@acme.com]"));
    expect(m.body.segments.find((s) => s.kind === "quoted")).toMatchObject({ internalOnly: true });
  });

  it("a forwarded message from a customer is not internal-only", async () => {
    const m = await read(forward("From: Tom Reed <tom.reed@globex.com>"));
    expect(m.body.segments.find((s) => s.kind === "quoted")?.internalOnly).toBe(false);
  });

  it("a reply quote from the customer is not internal-only", async () => {
    const m = await read(
      eml([from("sam@acme.com"), "To: tom.reed@globex.com", "Subject: Re: x"], "Fixed.\n\nOn Mon, 2 Mar 2026, Tom Reed <tom.reed@globex.com> wrote:\n> Broken again.\n"),
    );
    expect(m.body.segments.find((s) => s.kind === "quoted")?.internalOnly).toBe(false);
  });
});
