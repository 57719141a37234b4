/**
 * `credential`: a private key block, a well-known token, a password in the text, or an attachment
 * named like a key or an export of personal data. Tokens show their first four characters only.
 */
import picomatch from "picomatch";
import { defineRule } from "../../engine/rule.js";
import { compiledPatterns, wordAlternation } from "./dataPatterns.js";
import { findPasswords, findPrivateKeys, findTokens, type TokenFormat } from "./credentials.js";
import { MASKED_PASSWORD, maskKeepingFirst } from "./maskValue.js";
import { textsToScan, valueFinding } from "./scanText.js";

interface AttachmentPattern {
  kind: string;
  matches: (name: string) => boolean;
}

export default defineRule({
  id: "credential",
  pack: "data",
  check({ message, data, report }) {
    const patterns = compiledPatterns(data, (read) => ({
      tokens: read.entries<{ kind: string; pattern: string }>("tokens", ["kind", "pattern"]).map(
        (t): TokenFormat => ({ kind: t.kind, pattern: read.regex("tokens", t.pattern) }),
      ),
      password: {
        // "Password: x", "pwd=x": the word standing alone (not "passport", "bypass="), then the value.
        pattern: read.regex("passwordWords", `(?<![A-Za-z])(?:${wordAlternation(read.words("passwordWords"))})[ \\t]*[:=][ \\t]*(\\S+)`, "gi"),
        notPasswords: new Set(read.words("notPasswords").map((w) => w.toLowerCase())),
      },
      attachments: read.entries<{ kind: string; glob: string }>("attachments", ["kind", "glob"]).map(
        (a): AttachmentPattern => ({ kind: a.kind, matches: picomatch(a.glob, { nocase: true, dot: true }) }),
      ),
    }));

    for (const scanned of textsToScan(message)) {
      for (const hit of findPrivateKeys(scanned.text)) {
        const redact = hit.secretLines.map((value) => ({ value, masked: "[private key]" }));
        report({ messageId: "privateKey", data: { kind: hit.kind }, location: scanned.locate(hit), excerpt: hit.written, target: hit.kind, evidence: [hit.kind], redact });
      }
      for (const hit of findTokens(scanned.text, patterns.tokens)) {
        const masked = maskKeepingFirst(hit.written);
        report(valueFinding(scanned, hit, { messageId: "token", masked, data: { kind: hit.kind }, evidence: [hit.kind] }));
      }
      for (const hit of findPasswords(scanned.text, patterns.password)) {
        report(valueFinding(scanned, hit, { messageId: "password", masked: MASKED_PASSWORD, evidence: ["password after a password label"] }));
      }
    }
    for (const attachment of message.attachments) {
      // A path in the name ("keys/id_rsa") is matched by its last part.
      const name = attachment.name.split(/[\\/]/).pop() ?? "";
      const match = patterns.attachments.find((a) => a.matches(name));
      if (!match) continue;
      report({
        messageId: "attachment",
        data: { name: attachment.name, kind: match.kind },
        location: { section: "attachment" },
        excerpt: attachment.name,
        target: attachment.name,
        evidence: [match.kind],
      });
    }
  },
});
