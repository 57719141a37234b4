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
