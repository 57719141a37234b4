/**
 * `internal-link`: a link or host name that only works inside the organisation, in a message an
 * outsider reads. Bare text (a template, a draft with no headers) is read as customer-facing,
 * as the severity engine reads it, so its internal links are reported too.
 */
import { defineRule } from "../../engine/rule.js";
import { locateInBody, lineOf } from "../../message/body.js";
import { authoredSegments, externalReaders } from "./authoredText.js";
import { rulePatterns } from "./hygieneData.js";
import { findHostMentions, hostClassifier, type HostClassifier } from "./internalHosts.js";

const patternKeys = ["privateSuffixes", "intranetLabels"] as const;

/**
 * Trace and transport headers pasted into a message ("Received: from mail01.corp.acme.com
 * (10.1.2.3)", a bounce's headers): they record the path mail took, and nobody clicks them.
 * A header's folded continuation lines (RFC 5322 §2.2.3) start with white space.
 */
const TRACE_HEADER = /^(?:Received|X-Received|Return-Path|X-Originating-IP|X-Forwarded-For|X-Sender-IP|Authentication-Results|ARC-[\w-]+|DKIM-Signature|X-MS-Exchange-[\w-]+|X-Mailer|Message-ID|Delivered-To|X-Apparently-To)\s*:/i;

/** The [start, end) spans of trace headers in a text, with their folded lines; one pass. */
function traceHeaderSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let inHeader = false;
  for (let start = 0; start <= text.length; ) {
    const nl = text.indexOf("\n", start);
    const end = nl === -1 ? text.length : nl;
    // Only the start of a line can name a header: a 10 MB line costs one short test.
    const head = text.slice(start, Math.min(end, start + 60));
    inHeader = TRACE_HEADER.test(head) || (inHeader && /^[ \t]+\S/.test(head));
    if (inHeader) {
      const last = spans[spans.length - 1];
      if (last && last[1] === start - 1) last[1] = end;
      else spans.push([start, end]);
    }
    if (nl === -1) break;
    start = nl + 1;
  }
  return spans;
}

/** Binary search: the spans are in text order and do not overlap. */
function inSpans(spans: Array<[number, number]>, offset: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < spans[mid][0]) hi = mid - 1;
    else if (offset >= spans[mid][1]) lo = mid + 1;
    else return true;
  }
  return false;
}

export const internalLink = defineRule({
  id: "internal-link",
  pack: "hygiene",
  check(context) {
    const { message, config } = context;
    if (message.audience === "internal") return;
    if (message.kind === "eml" && message.audience !== "external") return;
    const words = rulePatterns(context.data, patternKeys, (p) => p);
    const classifier: HostClassifier = hostClassifier({
      patterns: config.internalHosts,
      internalDomains: [...new Set([...message.internalDomains, ...config.internalDomains.map((d) => d.toLowerCase())])],
      privateSuffixes: words.privateSuffixes,
      intranetLabels: words.intranetLabels,
    });
    const readers = externalReaders(message);
    const body = message.body;
    // html-to-text writes a link as "text [url]", and as "url [url]" when the text is the URL.
    const reported = new Set<string>();
    for (const segment of authoredSegments(message)) {
      const text = body.text.slice(segment.start, segment.end);
      const traces = traceHeaderSpans(text);
      for (const mention of findHostMentions(text)) {
        if (traces.length && inSpans(traces, mention.start)) continue;
        const reason = classifier.reasonFor(mention);
        if (!reason) continue;
        const start = segment.start + mention.start;
        const key = `${lineOf(body, start)}:${mention.text}`;
        const keyNext = `${lineOf(body, start) - 1}:${mention.text}`;
        if (reported.has(key) || reported.has(keyNext)) continue;
        reported.add(key);
        context.report({
          messageId: "default",
          data: { host: mention.host || mention.text, reason },
          excerpt: mention.text,
          target: mention.host || null,
          ...(readers.length ? { readers } : {}),
          location: locateInBody(body, start, segment.start + mention.end),
          suggestion: "Link to a public page, or attach what the reader needs.",
        });
      }
    }
  },
});
