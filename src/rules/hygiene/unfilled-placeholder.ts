/**
 * `unfilled-placeholder`: "[Customer Name]", "{{first_name}}", "TODO" left in the subject, the
 * text the sender wrote, or their signature. Quoted text is someone else's and is not read.
 */
import { defineRule } from "../../engine/rule.js";
import { locateInBody } from "../../message/body.js";
import { authoredSegments } from "./authoredText.js";
import { rulePatterns, wordSet, type WordLists } from "./hygieneData.js";
import { findPlaceholders, literalAlternation, type PlaceholderHit, type PlaceholderVocabulary } from "./findPlaceholders.js";

export const placeholderPatternKeys = ["instructionWords", "slotWords", "fillerWords", "headSlotWords", "notPlaceholders", "markers", "statusMarkers", "dummyText", "environmentVariables", "templatePercentVariables"] as const;
export type PlaceholderPatterns = WordLists<(typeof placeholderPatternKeys)[number]>;

export function compileVocabulary(p: PlaceholderPatterns): PlaceholderVocabulary {
  return {
    instructionWords: wordSet(p.instructionWords),
    slotWords: wordSet(p.slotWords),
    fillerWords: wordSet(p.fillerWords),
    headSlotWords: wordSet(p.headSlotWords),
    notPlaceholders: wordSet(p.notPlaceholders),
    markers: literalAlternation(p.markers, true),
    statusMarkers: headingMarkers(p.statusMarkers),
    dummyText: literalAlternation(p.dummyText, false),
    environmentVariables: new Set(p.environmentVariables.map((v) => v.toUpperCase())),
    templatePercentVariables: p.templatePercentVariables.map((v) => v.toLowerCase()),
    markerWords: [...p.markers, ...p.statusMarkers],
    dummyWords: p.dummyText.map((phrase) => phrase.toLowerCase().split(/\s+/)[0]),
  };
}

/** "TBD: venue", "TBC : date": the marker heading a note, not describing a plan ("location TBD"). */
function headingMarkers(words: string[]): RegExp | null {
  const any = literalAlternation(words, true);
  return any ? new RegExp(`${any.source}(?=[ \\t]*:)`, "g") : null;
}

const MESSAGE_ID: Record<PlaceholderHit["kind"], string> = {
  placeholder: "placeholder",
  templateSyntax: "templateSyntax",
  marker: "marker",
  dummyText: "dummyText",
};

const TEMPLATE_SUGGESTION =
  'If this file is a template, read it as one: `overrides: [{ files: ["**/*.hbs"], templates: true }]` in .linterrc.yaml.';

/** Long placeholders (a Handlebars block) are shown shortened in the message. */
function shown(text: string): string {
  const oneLine = text.replace(/\s+/g, " ");
  return oneLine.length > 60 ? oneLine.slice(0, 57) + "…" : oneLine;
}

export const unfilledPlaceholder = defineRule({
  id: "unfilled-placeholder",
  pack: "hygiene",
  check(context) {
    const { message, config } = context;
    const vocabulary = rulePatterns(context.data, placeholderPatternKeys, compileVocabulary);
    const templateMode = config.templates === true;
    const report = (hit: PlaceholderHit, location: Parameters<typeof context.report>[0]["location"]) =>
      context.report({
        messageId: MESSAGE_ID[hit.kind],
        data: { placeholder: shown(hit.text) },
        excerpt: hit.text,
        location,
        suggestion: hit.kind === "templateSyntax" ? TEMPLATE_SUGGESTION : null,
      });

    if (message.subject) {
      for (const hit of findPlaceholders(message.subject, vocabulary, templateMode)) {
        report(hit, { section: "subject", column: hit.start + 1, endColumn: hit.end + 1 });
      }
    }
    for (const segment of authoredSegments(message)) {
      const text = message.body.text.slice(segment.start, segment.end);
      for (const hit of findPlaceholders(text, vocabulary, templateMode)) {
        const start = segment.start + hit.start;
        report(hit, locateInBody(message.body, start, segment.start + hit.end));
      }
    }
  },
});
