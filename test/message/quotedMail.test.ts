/**
 * Quoted and forwarded mail as real clients write it: the forward bodies of seven clients in five
 * languages (test/message/forwards/, from email-forward-parser, MIT), and Lotus Notes threads and
 * Exchange-encoded addresses as they appear in 1999–2002 business mail (synthetic, same shapes).
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { splitQuotedSegments } from "../../src/message/segments.js";
import { decodeExchangeAddress, isDirectoryName } from "../../src/message/addresses.js";
import { resolveDirectoryNames } from "../../src/audience/directoryNames.js";

const forwardsDir = fileURLToPath(new URL("./forwards/", import.meta.url));
const forwards = readdirSync(forwardsDir).filter((f) => f.endsWith(".txt"));

function read(text: string) {
  const segments = splitQuotedSegments(text);
  const quoted = segments.filter((s) => s.kind === "quoted");
  const own = segments.filter((s) => s.kind !== "quoted").map((s) => text.slice(s.start, s.end)).join("");
  return { segments, quoted, own };
}

describe("forwards from real clients (email-forward-parser's fixtures)", () => {
  it("has the fixtures", () => expect(forwards.length).toBeGreaterThanOrEqual(30));
  for (const file of forwards) {
    it(`${file}: the forwarded text is quoted, and John Doe took part`, () => {
      const text = readFileSync(forwardsDir + file, "utf8").replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
      const { quoted, own } = read(text);
      expect(quoted.length).toBeGreaterThan(0);
      expect(own).not.toContain("Aenean quis diam urna");
      expect(quoted.flatMap((q) => q.participants ?? []).map((p) => p.address)).toContain("john.doe@acme.com");
    });
  }
});

describe("Lotus Notes", () => {
  it("'----- Forwarded by Name/HOU/ECT on … -----' wrapped onto two lines starts a forward", () => {
    const text = [
      "Guys, see below.",
      "",
      "---------------------- Forwarded by Dana Reyes/HOU/ECT on 10/19/2000 ",
      "07:33 PM ---------------------------",
      "",
      '"Wendy Roe" <wroe@riskpress.example> on 10/17/2000 12:16:09 PM',
      "Please respond to <wroe@riskpress.example>",
      "To: <dana.reyes@acme.com>",
      "cc: <kay.lim@acme.com>",
      "Subject: Conference",
      "",
      "Please find attached a programme for our conference.",
    ].join("\n");
    const { quoted, own } = read(text);
    expect(own.trim()).toBe("Guys, see below.");
    expect(quoted).toHaveLength(1);
    expect(quoted[0].forwarded).toBe(true);
    expect(quoted[0].participants?.map((p) => p.address)).toEqual(["wroe@riskpress.example", "dana.reyes@acme.com", "kay.lim@acme.com"]);
  });

  it("a 'Name@ACME' attribution over an indented To/cc/Subject block is a quote; each message keeps its people", () => {
    const text = [
      "Kelly, I am handling Mexico.  Michelle",
      "",
      "",
      "\tKelly Noel Hart@ACME",
      "\t06/07/2000 02:21 PM",
      "\t\t ",
      "\t\t To: Michelle Cash/HOU/ECT@ECT",
      "\t\t cc: Jana Dolan/Corp/Acme@Acme, Jennifer ",
      "Hill/HOU/EES@EES",
      "\t\t Subject: Country summaries",
      "",
      "Michelle: the spreadsheet is attached.",
      "----- Forwarded by Kelly Noel Hart/Corp/Acme on 06/07/2000 01:14 PM -----",
      "",
      "\tTom Reed <tom@globex.example>",
      "",
      "\t06/07/2000 01:14 PM",
      "\t\t To: Kelly Noel Hart/Corp/Acme@Acme",
      "\t\t Subject: Country summaries",
      "",
      "Kelly: here they are.",
    ].join("\n");
    const { segments, quoted, own } = read(text);
    expect(own.trim()).toBe("Kelly, I am handling Mexico.  Michelle");
    expect(quoted).toHaveLength(2);
    expect(quoted[0].directoryNames).toEqual(["Kelly Noel Hart@ACME", "Michelle Cash/HOU/ECT@ECT", "Jana Dolan/Corp/Acme@Acme", "Jennifer Hill/HOU/EES@EES"]);
    expect(text.slice(quoted[1].start, quoted[1].end)).toMatch(/^----- Forwarded by/);
    expect(quoted[1].participants?.map((p) => p.address)).toEqual(["tom@globex.example"]);
    // Whose directory: ACME is ours (acme.com), ECT and EES are named by our own forward banners
    // only when they are; here they are not, so those two are judged as bare names.
    resolveDirectoryNames(segments, text, ["acme.com"]);
    expect(quoted[0].directoryNames).toEqual(["Kelly Noel Hart", "Jana Dolan"]);
    expect(quoted[0].participantNames).toEqual(["Michelle Cash", "Jennifer Hill"]);
  });

  it("a lone 'To:' or 'From:' in prose is not a header block", () => {
    expect(read("To: all staff, the party is on Friday.\n\nSam\n").quoted).toHaveLength(0);
    expect(read("From: the front desk, with thanks.\nTo: everyone who helped.\n").quoted).toHaveLength(0);
  });
});

describe("Outlook in other languages", () => {
  for (const [language, block] of [
    ["German", "Von: Karl Weber <karl@globex.example>\nGesendet: Montag, 2. März 2026 10:00\nAn: Sam Patel <sam@acme.com>\nBetreff: Angebot"],
    ["French", "De : Claire Martin <claire@globex.example>\nEnvoyé : lundi 2 mars 2026 10:00\nÀ : Sam Patel <sam@acme.com>\nObjet : Devis"],
    ["Spanish", "De: Ana López <ana@globex.example>\nEnviado: lunes, 2 de marzo de 2026 10:00\nPara: Sam Patel <sam@acme.com>\nAsunto: Oferta"],
    ["Dutch", "Van: Joost de Vries <joost@globex.example>\nVerzonden: maandag 2 maart 2026 10:00\nAan: Sam Patel <sam@acme.com>\nOnderwerp: Offerte"],
  ]) {
    it(`${language}: the header block starts the quote and names both people`, () => {
      const text = `Thanks, see below.\n\n${block}\n\nThe attached offer stands.\n`;
      const { quoted, own } = read(text);
      expect(own.trim()).toBe("Thanks, see below.");
      expect(quoted[0].participants?.map((p) => p.address)).toEqual([expect.stringMatching(/@globex\.example$/), "sam@acme.com"]);
    });
  }

  it("cc:Mail's '_____ Reply Separator _____' starts a quote", () => {
    const { quoted, own } = read("Fine by me.\n\n______________________________ Reply Separator _________________________________\nSubject: Rota\nAuthor: Tom Reed\n\nTBD\n");
    expect(own.trim()).toBe("Fine by me.");
    expect(quoted).toHaveLength(1);
  });
});

describe("Exchange-encoded and directory addresses", () => {
  it("IMCEANOTES- addresses decode to the outside address they carry", () => {
    expect(decodeExchangeAddress("IMCEANOTES-John+20Smith+20+3Cjsmith+40aol+2Ecom+3E@ENRON.com")?.mailbox).toEqual({ name: "John Smith", address: "jsmith@aol.com" });
    expect(decodeExchangeAddress("IMCEANOTES-+22Eva+20Pao+22+20+3Cepao+40hbs+2Eedu+3E+40ENRON@ENRON.com")?.mailbox).toEqual({ name: "Eva Pao", address: "epao@hbs.edu" });
    expect(decodeExchangeAddress("IMCEANOTES-Mark+20Taylor+2FHOU+2FECT+40ECT@ENRON.com")).toMatchObject({ directory: true, mailbox: { name: "Mark Taylor" } });
    expect(decodeExchangeAddress("karen@acme.com")).toBeNull();
  });

  it("Notes and X.500 names are directory names; Internet addresses and plain names are not", () => {
    expect(["Michelle Cash/HOU/ECT@ECT", "Kelly Hart@ACME", "/O=ACME/OU=NA/CN=RECIPIENTS/CN=JSMITH"].every(isDirectoryName)).toBe(true);
    expect(["karen@acme.com", "Karen Smith", "Karen Smith <karen@acme.com>"].some(isDirectoryName)).toBe(false);
  });

  it("an Outlook block's 'Name [mailto:IMCEANOTES-…]' is the outsider it encodes", () => {
    const text = "FYI\n\n-----Original Message-----\nFrom: \tJohn Smith [mailto:IMCEANOTES-John+20Smith+20+3Cjsmith+40aol+2Ecom+3E+40ACME@ACME.com]\nSent:\tMonday, May 7, 2001 9:00 AM\nTo:\tSam Patel\nSubject:\tRe: rates\n\nSee you then.\n";
    expect(read(text).quoted[0].participants).toEqual([{ name: "John Smith", address: "jsmith@aol.com" }]);
  });
});

describe("legal boilerplate", () => {
  it("a confidentiality notice or copyright line is read as signature, and the text after it as new", () => {
    const text = "Hi Tom,\n\nThe figures are below.\n\nCopyright 2001 Acme Inc. ALL RIGHTS RESERVED.\n\nSam\n";
    const { segments } = read(text);
    expect(segments.map((s) => s.kind)).toEqual(["new", "signature", "new"]);
    expect(text.slice(segments[1].start, segments[1].end)).toBe("Copyright 2001 Acme Inc. ALL RIGHTS RESERVED.");
  });
});

describe("legal notices in capitals", () => {
  it("a disclaimer paragraph set in capitals is signature, not the sender's words", () => {
    const text = "Frank:\n\nThe disclaimer language is as follows:\n\n\tTHE PROPOSAL IS A BASIS FOR CONTINUED DISCUSSIONS AND IS NOT AN OFFER OR\n\tA COMMITMENT. IT IS NOT INTENDED TO CREATE A BINDING AND ENFORCEABLE CONTRACT.\n\nI hope this helps.\n";
    const { segments } = read(text);
    expect(segments.map((s) => s.kind)).toEqual(["new", "signature", "new"]);
  });

  it("capitals without the words of a notice are the sender's own (shouting is theirs to answer for)", () => {
    expect(read("Tom,\n\nTHE WAY IT READS OVER HERE IS THAT THERE SHOULD BE NO DISPUTE AT ALL.\n").segments.map((s) => s.kind)).toEqual(["new"]);
  });
});

describe("a Notes header with a long wrapped To list", () => {
  it("is still a header block", () => {
    const to = Array.from({ length: 14 }, (_, k) => `Person${k} Name/Enron Communications@Enron `).join("\n");
    const text = `Are we still holding Wednesday?\n\n\nFrom: Teresa Bosien/ENRON@enronXgate on 05/18/2001 05:39 PM\nTo: ${to}\ncc: Marla Barnard/HOU/ECT@ECT\n\nSubject: PRC - SAVE THE DATE\n\nSAVE THE DATE!\n`;
    const { quoted, own } = read(text);
    expect(own.trim()).toBe("Are we still holding Wednesday?");
    expect(quoted).toHaveLength(1);
  });
});

describe("prose with a slash is not a Notes name", () => {
  it("'and/or' above an Outlook block stays the sender's text", () => {
    const text = "Please review and/or comment by Friday.\n\n-----Original Message-----\nFrom: Tom Reed [mailto:tom@globex.example]\nSent: Monday, May 7, 2001 9:00 AM\nTo: Sam Patel\nSubject: Terms\n\nHere they are.\n";
    expect(read(text).own.trim()).toBe("Please review and/or comment by Friday.");
    expect(isDirectoryName("Please review and/or comment by Friday.")).toBe(false);
    expect(isDirectoryName("Thanks/Regards")).toBe(false);
  });
});
