/**
 * Explaining a thing by itself: "the seat number is the number on the seat", "the yellow tees
 * are the ones painted yellow", "'rent due on the 1st' does genuinely mean the 1st". The
 * explanation tells the reader nothing they could not see, so what it says is that they could not.
 */
import type { Sentence, ToneAnalysis } from "../../../tone/analysis.js";
import type { PatternList, PatternMatch } from "../../../tone/patterns.js";
import { CLAUSE_BREAKERS, DETERMINERS, FIRST_PERSON, POSSESSIVE_PRONOUNS, PREPOSITIONS, RELATIVE_PRONOUNS, SUBJECT_PRONOUNS } from "../../../tone/grammar.js";
import type { ToneJudgement } from "../../../tone/report.js";

/** Words that carry no content of the term or its explanation. */
const GRAMMAR_WORDS = new Set([...DETERMINERS, ...PREPOSITIONS, ...SUBJECT_PRONOUNS, ...FIRST_PERSON, ...RELATIVE_PRONOUNS, ...POSSESSIVE_PRONOUNS, "its", "does", "do", "is", "are"]);

/** Words after which a term starts. */
const TERM_STARTS = new Set([...CLAUSE_BREAKERS, ...RELATIVE_PRONOUNS, ...SUBJECT_PRONOUNS, ...FIRST_PERSON]);

/** The most words of the thing explained and of its explanation. */
const SUBJECT_WORDS = 6;
const PREDICATE_WORDS = 8;

/**
 * A term explained (the subject of a copula or of "means") by a predicate whose every content
 * word (not a function word nor one of `fillers`: "the one which says", "painted") is a word of
 * the term, singular or plural. The term must be two content words or a quoted one, so "a deal is
 * a deal" and "rules are rules" are not explanations; "the due date is the date on the invoice"
 * says where to look.
 */
export function tautologies(analysis: ToneAnalysis, links: PatternList, fillers: PatternList): ToneJudgement[] {
  const out: ToneJudgement[] = [];
  for (const text of analysis.texts) {
    for (const sentence of text.sentences) {
      // (Not "'s", which is as often a possessive: "from CES pools to Enron's pools".)
      const copulas = sentence.copulas().filter((c) => !sentence.tokens[c.first].norm.startsWith("'"));
      const span = restatement(sentence, [...copulas, ...links.matches(sentence.words)], fillers);
      if (!span) continue;
      const phrase = sentence.text.slice(sentence.tokens[span.first].start - sentence.start, sentence.tokens[span.last].end - sentence.start);
      out.push({ text, sentence, messageId: "default", target: null, targetWords: "", phrase });
    }
  }
  return out;
}

function restatement(sentence: Sentence, links: PatternMatch[], fillers: PatternList): PatternMatch | null {
  const { tokens } = sentence;
  const content = (i: number) => tokens[i].kind === "word" && !GRAMMAR_WORDS.has(tokens[i].norm) && !fillers.test(tokens[i].norm);
  const linkAt = new Set(links.flatMap((l) => Array.from({ length: l.last - l.first + 1 }, (_, k) => l.first + k)));
  for (const link of links) {
    let first = link.first;
    // The term runs back to the clause's start: a comma, "but", "that" ("kindly note that the 'Save'
    // button is …"), or another link ("what I thought was happening is happening" explains nothing).
    while (first > 0 && (tokens[first - 1].kind === "word" || tokens[first - 1].quoted || isQuoteMark(tokens[first - 1].text)) && !TERM_STARTS.has(tokens[first - 1].norm) && !linkAt.has(first - 1)) first--;
    while (first < link.first && tokens[first].kind === "punct" && !isQuoteMark(tokens[first].text)) first++;
    if (link.first - first > SUBJECT_WORDS) continue;
    const term: string[] = [];
    let quoted = false;
    for (let i = first; i < link.first; i++) {
      if (tokens[i].quoted) quoted = true;
      if (content(i)) term.push(stem(tokens[i].norm));
    }
    if (term.length === 0 || (term.length < 2 && !quoted)) continue;
    let last = link.last;
    const explained: string[] = [];
    for (let i = link.last + 1; i < tokens.length && i - link.last <= PREDICATE_WORDS; i++) {
      const t = tokens[i];
      if (t.kind === "punct" && !t.quoted && !isQuoteMark(t.text)) break;
      if (t.kind === "word" && ["not", "n't", "but", "so", "and", "because", "unless"].includes(t.norm)) break;
      last = i;
      if (content(i)) explained.push(stem(t.norm));
    }
    if (explained.length > 0 && explained.every((w) => term.includes(w))) return { first, last };
  }
  return null;
}

const isQuoteMark = (text: string) => /^['"\u2018\u2019\u201c\u201d]$/.test(text);

/** A word without its plural ending: "seats" and "seat" are one word here. */
function stem(word: string): string {
  return word.length > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word;
}
