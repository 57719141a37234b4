/**
 * Property tests (fast-check) for the data pack's validation: a random card number in an issuer's
 * range with a correct Luhn digit is found, and the same number with any one digit changed is not
 * (Luhn catches every single-digit error); a random IBAN with correct mod-97 check digits is
 * found, and not once a digit is changed. Runs are kept few so the suite stays fast.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lint } from "../../src/index.js";
import { loadBuiltinPack } from "../../src/packs/loadPack.js";

const config = { packs: ["data"] };
const RUNS = Number(process.env.DRAFTLINT_FUZZ_RUNS ?? 60);

interface Issuer {
  name: string;
  from: string;
  to: string;
  lengths: number[];
}
const issuers = loadBuiltinPack("data").rules.find((r) => r.id === "payment-card-number")!.patterns.issuers as Issuer[];

function luhnCheckDigit(partial: string): string {
  let sum = 0;
  for (let i = 0; i < partial.length; i++) {
    let d = Number(partial[partial.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** A card number as a person writes it: whole, or in fours with spaces or dashes. */
function written(digits: string, separator: "" | " " | "-"): string {
  return separator ? (digits.match(/.{1,4}/g) ?? []).join(separator) : digits;
}

const card = fc
  .record({
    issuer: fc.constantFrom(...issuers),
    fill: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 19, maxLength: 19 }),
    pick: fc.nat(),
    separator: fc.constantFrom("" as const, " " as const, "-" as const),
  })
  .map(({ issuer, fill, pick, separator }) => {
    const length = issuer.lengths[pick % issuer.lengths.length];
    // A prefix inside the issuer's range: `from` plus an offset, kept at `from`'s length.
    const span = Number(issuer.to) - Number(issuer.from) + 1;
    const prefix = String(Number(issuer.from) + (pick % span)).padStart(issuer.from.length, "0");
    const body = prefix + fill.slice(0, length - prefix.length - 1).join("");
    const digits = body + luhnCheckDigit(body);
    // 17 and 18 digits are not written in fours (4-4-4-4-1 is no card layout).
    return { digits, separator: length === 17 || length === 18 ? ("" as const) : separator };
  });

async function cardFindings(text: string) {
  const result = await lint(text, { config, filename: "draft.txt" });
  return result.findings.filter((f) => f.ruleId === "payment-card-number");
}

describe("payment-card-number check digits", () => {
  it("finds every Luhn-valid number in an issuer's range, showing only its last four digits", async () => {
    await fc.assert(
      fc.asyncProperty(card, async ({ digits, separator }) => {
        const number = written(digits, separator);
        const findings = await cardFindings(`Please charge ${number} today.`);
        expect(findings).toHaveLength(1);
        expect(findings[0].target!.replace(/[^0-9]/g, "")).toBe(digits.slice(-4));
        expect(JSON.stringify(findings)).not.toContain(number);
      }),
      { numRuns: RUNS },
    );
  });

  it("passes the same number with any one digit changed", async () => {
    await fc.assert(
      fc.asyncProperty(card, fc.nat(), fc.integer({ min: 1, max: 9 }), async ({ digits, separator }, at, by) => {
        const i = at % digits.length;
        const changed = digits.slice(0, i) + String((Number(digits[i]) + by) % 10) + digits.slice(i + 1);
        expect(await cardFindings(`Please charge ${written(changed, separator)} today.`)).toHaveLength(0);
      }),
      { numRuns: RUNS },
    );
  });
});

/** ISO 13616 check digits for a country and BBAN. */
function ibanCheckDigits(country: string, bban: string): string {
  const numeric = (bban + country + "00").replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let remainder = 0;
  for (const d of numeric) remainder = (remainder * 10 + Number(d)) % 97;
  return String(98 - remainder).padStart(2, "0");
}

// A UK IBAN: four-letter bank code, then 14 digits (sort code and account number).
const ukIban = fc
  .record({
    bank: fc.array(fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZ"), { minLength: 4, maxLength: 4 }),
    account: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 14, maxLength: 14 }),
  })
  .map(({ bank, account }) => {
    const bban = bank.join("") + account.join("");
    return `GB${ibanCheckDigits("GB", bban)}${bban}`;
  });

async function ibanFindings(text: string) {
  const result = await lint(text, { config, filename: "draft.txt" });
  return result.findings.filter((f) => f.ruleId === "bank-account");
}

describe("bank-account IBAN check digits", () => {
  it("finds a random valid IBAN, and passes it with one digit changed", async () => {
    await fc.assert(
      fc.asyncProperty(ukIban, fc.integer({ min: 8, max: 21 }), fc.integer({ min: 1, max: 9 }), async (iban, at, by) => {
        expect(await ibanFindings(`Pay to ${iban} by Friday.`)).toHaveLength(1);
        const changed = iban.slice(0, at) + String((Number(iban[at]) + by) % 10) + iban.slice(at + 1);
        expect(await ibanFindings(`Pay to ${changed} by Friday.`)).toHaveLength(0);
      }),
      { numRuns: RUNS },
    );
  });
});
