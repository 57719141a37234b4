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

function inTraceHeader(text: string, offset: number): boolean {
  let lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  for (let folded = 0; folded < 20; folded++) {
    const nl = text.indexOf("\n", lineStart);
    const line = text.slice(lineStart, nl === -1 ? text.length : nl);
    if (TRACE_HEADER.test(line)) return true;
    if (!/^[ \t]+\S/.test(line) || lineStart === 0) return false;
    lineStart = text.lastIndexOf("\n", lineStart - 2) + 1;
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
      for (const mention of findHostMentions(text)) {
        if (inTraceHeader(text, mention.start)) continue;
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
