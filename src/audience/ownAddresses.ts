/**
 * The sender's own other mailbox: `vkaminski@aol.com` on a message from Vince Kaminski
 * <vince.kaminski@acme.com>, copied so the mail reaches home. It is outside the organisation,
 * but it is no outsider reading about someone: the rules that warn of a stranger on Cc leave it.
 */
import type { Mailbox, Recipient } from "../types.js";
import { splitAddress } from "../message/addresses.js";

function letters(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
}

/** The sender's given and family name, from the display name ("Kaminski, Vince J") or the address. */
function senderNames(from: Mailbox): { given: string; family: string } | null {
  const name = from.name.trim();
  if (name) {
    const comma = name.indexOf(",");
    const parts = comma === -1 ? letters(name) : [...letters(name.slice(comma + 1)), ...letters(name.slice(0, comma))];
    const words = parts.filter((w) => w.length > 1);
    if (words.length >= 2) return { given: words[0], family: words[words.length - 1] };
  }
  const local = letters(splitAddress(from.address).local).filter((w) => w.length > 1);
  if (local.length >= 2) return { given: local[0], family: local[local.length - 1] };
  // "kaminski@acme.com": a family name alone; the other address may add an initial to it.
  return local.length === 1 && local[0].length >= 5 ? { given: "", family: local[0] } : null;
}

/** Whether an external recipient is the sender at another address (family name, and given name or its initial). */
export function isSendersOwnAddress(recipient: Pick<Recipient, "address" | "name">, from: Mailbox | null): boolean {
  if (!from) return false;
  const names = senderNames(from);
  if (!names || names.family.length < 4) return false;
  const local = letters(splitAddress(recipient.address).local).join("");
  const at = local.indexOf(names.family);
  if (at === -1) return false;
  const rest = local.slice(0, at) + local.slice(at + names.family.length);
  // "vkaminski", "kaminskiv", "vincekaminski", "kaminski" alone only with the same display name.
  if (rest === "") return letters(recipient.name).join(" ") === letters(from.name).join(" ") && from.name !== "";
  if (!names.given) return rest.length <= 2;
  return rest === names.given || rest === names.given[0] || rest.startsWith(names.given) || (rest.length <= 2 && rest[0] === names.given[0]);
}
