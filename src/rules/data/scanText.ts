/**
 * Where the data rules look: the subject and the whole body, quoted text included. A card number
 * in a quoted reply or a forwarded thread leaves the building as surely as one the sender typed.
 */
import type { Location, Message } from "../../types.js";
import type { ReportDescriptor } from "../../engine/rule.js";
import { locateInBody } from "../../message/body.js";

export interface TextSpan {
  start: number;
  end: number;
}

export interface ScannedText {
  text: string;
  locate(span: TextSpan): Location;
}

export function textsToScan(message: Message): ScannedText[] {
  const texts: ScannedText[] = [];
  if (message.subject) {
    texts.push({ text: message.subject, locate: (s) => ({ section: "subject", column: s.start + 1, endColumn: s.end + 1 }) });
  }
  texts.push({ text: message.body.text, locate: (s) => locateInBody(message.body, s.start, s.end) });
  return texts;
}

/**
 * What every data finding on a value in the text is: shown only masked (as its excerpt, its target
 * and `{{masked}}` in the message), with the raw values handed to the engine to mask wherever any
 * other rule quotes them too.
 */
export function valueFinding(
  scanned: ScannedText,
  hit: TextSpan & { written: string },
  finding: { messageId: string; masked: string; evidence: string[]; data?: Record<string, string>; redact?: { value: string; masked: string }[] },
): ReportDescriptor {
  const { messageId, masked, evidence } = finding;
  return {
    messageId,
    data: { ...finding.data, masked },
    location: scanned.locate(hit),
    excerpt: masked,
    target: masked,
    evidence,
    redact: finding.redact ?? [{ value: hit.written, masked }],
  };
}
