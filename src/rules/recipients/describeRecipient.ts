/** How a recipient is named in messages: `pauline@gmail.com (Cc)`. */
import type { Recipient } from "../../types.js";

const FIELD_LABEL = { to: "To", cc: "Cc", bcc: "Bcc" } as const;

export function fieldLabel(recipient: Pick<Recipient, "field">): string {
  return FIELD_LABEL[recipient.field];
}

export function describeRecipient(recipient: Recipient): string {
  return `${recipient.address} (${fieldLabel(recipient)})`;
}

/** External addresses that every other reader can see: To and Cc, not Bcc. */
export function visibleExternal(recipients: Recipient[]): Recipient[] {
  return recipients.filter((r) => r.external && r.field !== "bcc");
}
