/**
 * Secrets in the text: private key blocks, tokens in their providers' exact formats (the
 * patterns are data in rules/data.yaml), and a password written after "password:" or "pwd=".
 */
import type { TextSpan } from "./scanText.js";

export interface TokenFormat {
  kind: string;
  pattern: RegExp;
}

export interface SecretHit extends TextSpan {
  kind: string;
  /** The secret as written, for masking; never reported as it is. */
  written: string;
}

// PEM armour (RFC 7468) of every private key kind: RSA, EC, DSA, OPENSSH, ENCRYPTED, PGP's
// "PRIVATE KEY BLOCK". The header line names the kind and is no secret itself.
const PRIVATE_KEY = /-----BEGIN ((?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?)-----/g;

/** A block's armoured lines are secret; a block with no END line is read for at most this many. */
const KEY_LINES_MAX = 100;

export interface PrivateKeyHit extends SecretHit {
  /** The lines of key material after the header, which no report may print. */
  secretLines: string[];
}

export function findPrivateKeys(text: string): PrivateKeyHit[] {
  return [...text.matchAll(PRIVATE_KEY)].map((m) => {
    const after = text.slice(m.index + m[0].length).split("\n", KEY_LINES_MAX);
    const endAt = after.findIndex((line) => line.includes("-----END "));
    const secretLines = (endAt === -1 ? after : after.slice(0, endAt)).map((l) => l.trim()).filter((l) => l.length >= 8);
    return { start: m.index, end: m.index + m[0].length, kind: m[1], written: m[0], secretLines };
  });
}

export function findTokens(text: string, formats: readonly TokenFormat[]): SecretHit[] {
  const hits: SecretHit[] = [];
  for (const format of formats) {
    for (const m of text.matchAll(format.pattern)) hits.push({ start: m.index, end: m.index + m[0].length, kind: format.kind, written: m[0] });
  }
  return hits;
}

export interface PasswordRules {
  /** `password:`-like words followed by ":" or "=" and a value (capture group 1). */
  pattern: RegExp;
  notPasswords: ReadonlySet<string>;
}

/** Dots, stars or x's ("********", "xxxx"): a password already hidden. */
const ALREADY_MASKED = /^[*x•#._-]+$/i;
/** "your password: http://…/reset": the page where one is set, not a password. */
const A_LINK = /^(?:https?:\/\/|www\.)/i;

export function findPasswords(text: string, rules: PasswordRules): SecretHit[] {
  const hits: SecretHit[] = [];
  for (const m of text.matchAll(rules.pattern)) {
    // "Password: Tr0ub4dor&3." — the sentence's full stop is not part of it.
    const value = m[1].replace(/[.,;:)\]]+$/, "");
    if (value.length < 4 || ALREADY_MASKED.test(value) || A_LINK.test(value) || rules.notPasswords.has(value.toLowerCase())) continue;
    const start = m.index + m[0].length - m[1].length;
    hits.push({ start, end: start + value.length, kind: "password", written: value });
  }
  return hits;
}
