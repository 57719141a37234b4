/**
 * Who will read a tone finding, in plain words: "pauline@gmail.com (Cc) will read this", and,
 * when the sentence speaks about a recipient in the third person, "and it speaks about them in
 * the third person" — the Stoke Park case, where the couple on Cc read what was said about them.
 */
import type { Message } from "../types.js";
import type { ToneLexicon } from "./lexicon.js";
import type { Mention } from "./targets.js";
import { fillMessage } from "../engine/fillMessage.js";

export interface Readers {
  addresses: string[];
  text: string;
}

const FIELD_LABEL = { to: "To", cc: "Cc", bcc: "Bcc" } as const;

/**
 * Whether `mention` speaks about a recipient in the third person: it names an external recipient
 * (by name, local part or organisation), or — when every To is a colleague and an outsider is on
 * Cc or Bcc — it is a role noun or a third-person pronoun, which can only mean that outsider.
 */
export function speaksAboutRecipient(message: Message, mention: Mention | null): boolean {
  if (!mention) return false;
  if (mention.recipient?.external) return true;
  if (mention.kind !== "role" && mention.kind !== "pronoun" && mention.kind !== "person") return false;
  const to = message.recipients.filter((r) => r.field === "to");
  return to.length > 0 && to.every((r) => !r.external) && message.recipients.some((r) => r.external && r.field !== "to");
}

export function describeReaders(message: Message, lexicon: ToneLexicon, thirdPerson: boolean): Readers {
  const external = message.recipients.filter((r) => r.external);
  const list = (rs: typeof external) => rs.map((r) => `${r.address} (${FIELD_LABEL[r.field]})`).join(", ");
  let text: string;
  let addresses: string[];
  if (external.length) {
    addresses = external.map((r) => r.address);
    text = fillMessage(lexicon.readers.external, { list: list(external) });
  } else if (message.recipients.length) {
    addresses = message.recipients.map((r) => r.address);
    text = fillMessage(lexicon.readers.internal, { list: list(message.recipients) });
  } else {
    addresses = [];
    text = lexicon.readers.unknown;
  }
  if (thirdPerson) text += `, ${lexicon.readers.thirdPerson}`;
  return { addresses, text };
}
