/**
 * A display name that says one thing while the address says another: "ceo@acme.com"
 * <x@evil.example>, or a colleague's name on an outside address. Both are classic spoofs, and
 * both are easy to miss because mail clients show the name, not the address.
 */
import { defineRule } from "../../engine/rule.js";
import { parseMailboxes } from "../../message/addresses.js";
import { fieldLabel } from "./describeRecipient.js";

const EMAIL_IN_NAME = /[^\s<>"'(),;:]+@[^\s<>"'(),;:]+\.[^\s<>"'(),;:]+/g;

/** "Karen  Smith", "karen smith", "Smith, Karen" and "Kåren Smith" are one person. */
export function normaliseName(name: string): string {
  const folded = name.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  const parts = folded.replace(/["'()]/g, "").split(/\s*,\s*/);
  const ordered = parts.length === 2 ? `${parts[1]} ${parts[0]}` : folded;
  return ordered.replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

export default defineRule({
  id: "display-name-mismatch",
  pack: "recipients",
  appliesTo: ["eml"],
  check({ message, config, report }) {
    const colleagues = new Map<string, string>();
    for (const entry of config.people) {
      for (const person of parseMailboxes(entry)) if (person.name) colleagues.set(normaliseName(person.name), person.address);
    }
    for (const r of message.recipients) {
      if (!r.external && r.name) colleagues.set(normaliseName(r.name), r.address);
    }
    for (const r of message.recipients) {
      if (!r.name) continue;
      const claimed = [...r.name.matchAll(EMAIL_IN_NAME)].map((m) => m[0].toLowerCase());
      const other = claimed.find((a) => a !== r.address.toLowerCase() && a !== r.asciiAddress.toLowerCase());
      const base = { location: { section: "header" as const, header: r.field }, excerpt: `${r.name} <${r.address}>`, target: r.address, readers: [r.address] };
      if (other) {
        report({ ...base, messageId: "addressInName", data: { name: r.name, claimed: other, address: r.address, field: fieldLabel(r) } });
        continue;
      }
      const colleague = colleagues.get(normaliseName(r.name));
      if (r.external && colleague && colleague.toLowerCase() !== r.address.toLowerCase()) {
        report({ ...base, messageId: "colleagueName", data: { name: r.name, colleague, address: r.address, field: fieldLabel(r) } });
      }
    }
  },
});
