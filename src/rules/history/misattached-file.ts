/**
 * An attachment named for someone who is not on the message: "Invoice_Harlow.pdf" to Jones Ltd.
 * The names come from the sender's history (surnames of contacts, names of organisations) and
 * from the people in the quoted thread; a word is checked only when it is one of those.
 */
import { defineRule } from "../../engine/rule.js";
import type { Message, Recipient } from "../../types.js";
import { isInternalAddress } from "../../audience/classifyRecipient.js";
import { organisationWords } from "../../history/historyBuilder.js";
import { nameKey } from "../../history/historyModel.js";
import { organisationKeyOf } from "./historyAudience.js";

const stopLists = new WeakMap<object, ReadonlySet<string>>();

/** The words of a file name: `Invoice_Harlow-2024.pdf` → invoice, harlow; `SmithContract` → smith, contract. */
export function fileNameWords(name: string): string[] {
  const base = name.split(/[\\/]/).pop()!.replace(/\.[^.]{1,5}$/, "");
  return base
    .replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2")
    .split(/[^\p{L}]+/u)
    .map((w) => w.toLowerCase())
    .filter((w) => w.length >= 4);
}

/** Whether someone on the message (or the sender) goes by this word: in a name, a mailbox or a domain. */
function namedOnMessage(word: string, people: Array<Pick<Recipient, "address" | "name" | "freemail" | "organisation">>): boolean {
  return people.some((p) => {
    const address = p.address.toLowerCase();
    return nameKey(p.name).split(" ").includes(word) || address.split("@")[0].includes(word) || address.split("@")[1]?.includes(word) || organisationWords(organisationKeyOf(p)).includes(word);
  });
}

export default defineRule({
  id: "misattached-file",
  pack: "history",
  appliesTo: ["eml"],
  needsHistory: true,
  check({ message, data, history: readHistory, report }) {
    if (!message.attachments.length || !message.recipients.length) return;
    let stop = stopLists.get(data.patterns);
    if (!stop) stopLists.set(data.patterns, (stop = new Set(((data.patterns.documentWords as string[] | undefined) ?? []).map((w) => w.toLowerCase()))));
    const history = readHistory();
    // Colleagues and the sender (a free-mail sender has no colleagues): their names are theirs to send.
    const insiders = { domains: message.internalDomains, addresses: message.from ? [message.from.address.toLowerCase()] : [] };
    const people = [...message.recipients, ...(message.from ? [{ ...message.from, freemail: false, organisation: message.from.address.split("@")[1] ?? "" }] : [])];
    const thread = threadPeople(message);
    const written = message.body.segments.filter((s) => s.kind === "new").map((s) => message.body.text.slice(s.start, s.end).toLowerCase()).join("\n") + "\n" + (message.subject ?? "").toLowerCase();
    for (const attachment of message.attachments) {
      for (const word of new Set(fileNameWords(attachment.name))) {
        if (stop.has(word) || namedOnMessage(word, people)) continue;
        // Someone you write to, or someone in the thread, who goes by this word and is not a colleague.
        const known = [...history.addressesForWord(word), ...(thread.get(word) ?? [])].find((a) => !isInternalAddress(a, insiders));
        if (!known) continue;
        report({
          messageId: "default",
          data: { file: attachment.name, word: word[0].toUpperCase() + word.slice(1), known },
          location: { section: "attachment" },
          excerpt: attachment.name,
          target: attachment.name,
          // "the Harlow invoice, as you asked": named in the text, so meant.
          demote: new RegExp(`\\b${word}\\b`, "u").test(written),
        });
        break;
      }
    }
  },
});

/** The words the quoted thread's people go by (surnames, organisation names), each with their address. */
function threadPeople(message: Message): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const segment of message.body.segments) {
    for (const p of segment.participants ?? []) {
      const words = [nameKey(p.name).split(" ").at(-1) ?? "", ...organisationWords(p.address.split("@")[1] ?? "")].filter((w) => w.length >= 4);
      for (const w of words) out.set(w, [...(out.get(w) ?? []), p.address.toLowerCase()]);
    }
  }
  return out;
}
