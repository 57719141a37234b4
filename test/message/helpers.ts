/** Building small drafts in tests, and reading them into the message model. */
import { readMessage } from "../../src/message/readMessage.js";
import type { AudienceSettings } from "../../src/audience/classifyRecipient.js";
import type { Message } from "../../src/types.js";

export const FREEMAIL: ReadonlySet<string> = new Set(["gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "yahoo.com"]);

export function settings(overrides: Partial<AudienceSettings> = {}): AudienceSettings {
  return { internalDomains: [], trustedDomains: [], freemailDomains: FREEMAIL, ...overrides };
}

/** An RFC 5322 message from header lines and a body (LF line ends unless `crlf`). */
export function eml(headers: string[], body: string, { crlf = false } = {}): Buffer {
  const text = [...headers, "", body].join("\n");
  return Buffer.from(crlf ? text.replace(/\n/g, "\r\n") : text, "utf8");
}

export function read(source: Buffer | string, overrides: Partial<AudienceSettings> = {}, file = "draft.eml"): Promise<Message> {
  return readMessage(typeof source === "string" ? Buffer.from(source, "utf8") : source, file, "auto", settings(overrides));
}

/** The text of every segment of a kind, in order. */
export function segmentTexts(message: Message, kind: "new" | "quoted" | "signature"): string[] {
  return message.body.segments.filter((s) => s.kind === kind).map((s) => message.body.text.slice(s.start, s.end));
}
