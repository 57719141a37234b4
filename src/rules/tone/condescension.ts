/**
 * `condescension`: talking down to the reader — "as I already explained", "per my last email",
 * "my nine-year-old manages it" (the pack's phrases), a thing explained by itself ("the seat
 * number is the number on the seat"), their capacity doubted ("since the form seems to have
 * defeated you", "happy to explain it a fifth time"), a grown customer treated as a child ("next time I'll
 * bring crayons"), an endearment that is not affection
 * ("Darling, the deposit was due last week"), and what the tone model judges so. The
 * target is "you" when the sentence says it, else the customer it names ("keep it simple for the
 * Marsh Lane lot"), else the reader.
 */
import { defineRule } from "../../engine/rule.js";
import { analyseMessage } from "../../tone/analysis.js";
import { phraseJudgements } from "../../tone/phraseFindings.js";
import { reportJudgement, type ToneJudgement } from "../../tone/report.js";
import { rulePatterns } from "../../tone/rulePatterns.js";
import { withModel } from "../../tone/model/modelJudgements.js";
import { tautologies } from "./condescension/tautologies.js";
import { childishTreatment } from "./condescension/childishAids.js";
import { simplifiedForThem } from "./condescension/simplifiedForThem.js";
import { doubtedCapacity } from "./condescension/doubtedCapacity.js";

function aimed(judgement: ToneJudgement): ToneJudgement {
  // A capitalised first word may be no name at all: "Per my last email" talks down to the reader, not to "Per".
  const mentions = judgement.sentence.mentions().filter((m) => (!m.possessor || m.kind === "you") && !m.uncertain);
  const mention = mentions.find((m) => m.kind === "you") ?? mentions[0];
  return { ...judgement, target: mention ? { sentence: judgement.sentence, mention } : null, targetWords: "the reader" };
}

const KEYS = ["phrases", "exceptions", "endearments", "endearmentsDescribed", "affection", "definitionLinks", "definitionFillers", "childishAids", "children", "simplifyingAids", "difficulties", "defeats", "evidentials", "repeatCounts", "repeatVerbs", "apologies"] as const;

export default defineRule({
  id: "condescension",
  pack: "tone",
  dataKeys: KEYS,
  check(context) {
    const analysis = analyseMessage(context.message, context.config);
    const { phrases, exceptions, endearments, endearmentsDescribed, affection, definitionLinks, definitionFillers, childishAids, children, simplifyingAids, difficulties, defeats, evidentials, repeatCounts, repeatVerbs, apologies } = rulePatterns(context.data, KEYS);
    const warm = (j: ToneJudgement) => affection.test(j.sentence.words);
    const phrased = phraseJudgements(analysis, phrases, exceptions);
    const said = new Set(phrased.map((j) => j.sentence));
    const explained = tautologies(analysis, definitionLinks, definitionFillers).filter((j) => !said.has(j.sentence));
    for (const j of explained) said.add(j.sentence);
    const doubted = doubtedCapacity(analysis, { defeats, evidentials, repeatCounts, repeatVerbs, apologies }).filter((j) => !said.has(j.sentence));
    for (const j of doubted) said.add(j.sentence);
    // (A childish aid is said of the customer it found, who may be in the sentence before.)
    const childish = childishTreatment(analysis, childishAids, children).filter((j) => !said.has(j.sentence) && !warm(j));
    // (A simplified aid is never warmth: "which I hope helps" is part of the condescension.)
    const simplified = simplifiedForThem(analysis, simplifyingAids, difficulties, children).filter((j) => !said.has(j.sentence) && !childish.some((c) => c.sentence === j.sentence));
    const treated = [...childish, ...simplified];
    const targeted = new Set(treated.filter((j) => j.target).map((j) => j.sentence));
    const reaim = (j: ToneJudgement) => (j.target && targeted.has(j.sentence) ? j : aimed(j));
    const own = [...[...phrased, ...explained, ...doubted].map(aimed), ...treated.map(reaim), ...phraseJudgements(analysis, endearments, endearmentsDescribed).filter((j) => !warm(j) && !said.has(j.sentence) && !targeted.has(j.sentence)).map(aimed)];
    for (const judgement of withModel(analysis, "condescension", own)) reportJudgement(context, analysis, reaim(judgement));
  },
});
