/** The word lists gatekeeping reads from its pack entry (`patterns` in rules/tone.yaml, where each key is documented). */
import type { PackRule } from "../../../packs/schema.js";
import type { Sentence } from "../../../tone/analysis.js";
import { rulePatterns, type CompiledPatterns } from "../../../tone/rulePatterns.js";
import type { Mention } from "../../../tone/targets.js";

export const KEYS = ["cues", "negatedCues", "unsuitable", "deterrents", "separableDeterrents", "postponingVerbs", "costingVerbs", "exclusions", "separableExclusions", "consequences", "covertStalls", "pretextVerbs", "unavailability", "identityDescriptors", "reasons", "negatedReasons", "framingReasons", "kindReasons", "neutralReasons", "groups"] as const;
export type Patterns = CompiledPatterns<(typeof KEYS)[number]>;
/** Reasons alone never start the work: a sentence needs a cue or an intent. */
const PREFILTER = ["cues", "negatedCues", "unsuitable", "deterrents", "separableDeterrents", "exclusions", "separableExclusions", "consequences", "covertStalls", "pretextVerbs"] as const;

export type Target = { sentence: Sentence; mention: Mention };
/** A customer kept out, and the words that say so (the finding's evidence). */
export type Exclusion = { target: Target; cue: { first: number; last: number } };

export function gatekeepingPatterns(data: PackRule): Patterns {
  return rulePatterns(data, KEYS, { prefilter: PREFILTER });
}
