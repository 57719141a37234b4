/**
 * The word lists disparaging-customer reads from its pack entry (`patterns` in rules/tone.yaml, where
 * each key is documented), compiled once per pack entry, and what a construction finds.
 */
import type { PackRule } from "../../../packs/schema.js";
import type { ToneJudgement } from "../../../tone/report.js";
import { rulePatterns, type CompiledPatterns } from "../../../tone/rulePatterns.js";

export const KEYS = [
  "insultNouns",
  "insultAdjectives",
  "harshJudgements",
  "idioms",
  "contemptVerbs",
  "contemptCues",
  "mockeryCues",
  "pityCues",
  "groups",
  "generalisers",
  "weakGeneralisers",
  "stereotypeConsequences",
  "stereotypeCues",
  "stereotypePrecautions",
  "groupTags",
  "typicalCues",
  "dismissals",
  "groupModifiers",
  "origins",
  "punchlines",
  "sarcasmOpeners",
  "reportedWants",
  "reportedRequests",
  "stereotypeBehaviours",
  "alsoThings",
  "returnCues",
  "warmth",
  "dreadReactions",
  "contactVerbs",
  "sightings",
  "painfulPreferences",
  "retorts",
  "notAgain",
  "interjections",
  "outdoneQualities",
  "namingVerbs",
  "newsReactions",
  "contactOpeners",
  "contactLinks",
  "dreadOpeners",
  "euphemisms",
  "laughCues",
  "epithetVerbs",
  "epithetModifiers",
  "collectiveNouns",
  "closingTags",
  "praise",
  "subjectCues",
  "rhetoricalQuestions",
  "groupHabits",
  "quipTags",
  "strongQuipTags",
  "comparisonFrames",
  "dimObjects",
  "faculties",
  "admiredLikenesses",
  "ridiculeShrines",
  "staffAudiences",
  "displayActs",
  "ridiculeSigns",
  "staffAmusements",
  "staffCrowds",
  "mockVocatives",
  "mockAgreements",
  "mockAnswers",
  "keepsakeActs",
  "ironicHonours",
  "knowingSneers",
  "hearsay",
  "hardships",
  "stateAdjectives",
  "figureExceptions",
  "answerVocatives",
  "laughDescriptions",
  "personifiers",
  "personDoings",
  "embodiments",
  "unwanted",
  "reassurances",
  "humanCompounds",
  "metFrames",
  "ordealFrames",
  "betterThan",
  "beliefs",
  "reportCues",
  "followUps",
  "concessions",
  "kindNouns",
  "policyWords",
  "kindGeneralisers",
  "kindNeeds",
] as const;
export type Key = (typeof KEYS)[number];
export type Patterns = CompiledPatterns<Key>;

/**
 * The keys whose words let a sentence through to the constructions. A comparison is let through
 * by its dim object or its faculty, not its frame: the frame ("has the … of") is in a great many
 * sentences.
 */
const PREFILTER_KEYS: readonly Key[] = ["insultNouns", "insultAdjectives", "harshJudgements", "contemptVerbs", "contemptCues", "mockeryCues", "pityCues", "groups", "groupModifiers", "stereotypeCues", "typicalCues", "stereotypeConsequences", "groupTags", "dismissals", "punchlines", "ironicHonours", "knowingSneers", "sarcasmOpeners", "returnCues", "dreadReactions", "painfulPreferences", "retorts", "notAgain", "dreadOpeners", "euphemisms", "laughCues", "subjectCues", "reportCues", "kindNouns", "rhetoricalQuestions", "dimObjects", "comparisonFrames", "faculties", "ridiculeShrines", "staffAudiences", "keepsakeActs", "staffAmusements", "laughDescriptions", "mockVocatives", "mockAgreements", "mockAnswers", "personifiers", "personDoings", "embodiments", "namingVerbs", "unwanted", "metFrames", "ordealFrames", "kindGeneralisers"];

export type Found = Omit<ToneJudgement, "text" | "sentence"> & {
  /** The judgement can only be about a person ("Kyle is clueless"), so a capitalised first word it
   * is said of is a name without asking the tagger (which costs ~400 ms to load). */
  personOnly?: boolean;
};

export function disparagingPatterns(data: PackRule): Patterns {
  return rulePatterns(data, KEYS, { prefilter: PREFILTER_KEYS, nouns: ["insultNouns", "harshJudgements", "groups"] });
}
