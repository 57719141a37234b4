/**
 * Closed classes of English words the clause analysis relies on. These are grammar, not
 * vocabulary: a pack adds insults and role nouns in YAML, never determiners.
 */
export const DETERMINERS = new Set(["the", "a", "an", "that", "this", "those", "these", "our", "their", "his", "her", "your", "my", "some", "every", "each", "any", "another", "such", "what"]);
export const DEMONSTRATIVES = new Set(["that", "this", "those", "these"]);
export const POSSESSIVE_PRONOUNS = new Set(["his", "her", "their", "your"]);
export const THIRD_PERSON = new Set(["he", "she", "they", "him", "her", "them", "his", "their", "hers", "theirs"]);
/** "he" and "she" always mean a person; "they" and "them" may be printers. */
export const PERSONAL_PRONOUNS = new Set(["he", "she", "him", "her", "his", "hers"]);
export const SECOND_PERSON = new Set(["you", "your", "yours"]);
export const FIRST_PERSON = new Set(["i", "we", "me", "us", "my", "our", "ours", "myself", "ourselves"]);
export const SUBJECT_PRONOUNS = new Set(["i", "we", "you", "he", "she", "they", "it", "there"]);
export const PREPOSITIONS = new Set(["at", "in", "from", "of", "on", "for", "with", "by", "to", "about", "near", "under", "over", "into", "onto", "after", "before", "than", "like", "as"]);
/** Prepositions that attach an organisation or place to a person: "the guy from Acme". */
export const ATTACHING_PREPOSITIONS = new Set(["at", "from", "in", "on", "for", "of"]);
export const RELATIVE_PRONOUNS = new Set(["who", "that", "which", "whose", "whom"]);
export const CLAUSE_BREAKERS = new Set(["but", "so", "because", "though", "although", "while", "whereas", "if", "unless", "when", "since", "and", "or", "yet", "then"]);
/** Words that can directly follow a head noun: a role noun before one of these is a person, not a modifier. */
export const FOLLOWS_HEAD = new Set([
  ...PREPOSITIONS,
  ...RELATIVE_PRONOUNS,
  ...CLAUSE_BREAKERS,
  "is", "are", "was", "were", "'s", "'re", "be", "been", "being", "has", "have", "had", "'ve", "'ll", "'d",
  "can", "could", "will", "would", "should", "must", "may", "might", "do", "does", "did", "n't",
  "never", "always", "just", "still", "now", "again", "really", "also", "already", "seems", "seem",
  "themselves", "himself", "herself", "who", "whose", "'", "alone", "too", "either",
]);
/** Adverbs that may sit between a subject and its verb: "the client honestly is…". */
/** Words that make a noun after them emphatic: "an absolute toad", "total drongo, …", "a right bitch". */
export const INTENSIFIERS = new Set(["absolute", "total", "complete", "utter", "proper", "right", "massive", "real"]);
export const SENTENCE_ADVERBS = new Set(["honestly", "really", "genuinely", "frankly", "just", "always", "still", "now", "clearly", "obviously", "seriously", "literally", "truly", "actually", "basically", "definitely", "absolutely", "certainly", "probably", "apparently", "officially", "simply", "again", "also", "both", "all"]);
export const LEFT_MODIFIERS = new Set([...DETERMINERS, "new", "old", "same", "other", "whole", "young", "elderly", "prospective", "potential", "existing", "current", "former", "regular", "loyal", "latest", "first", "last", "one", "two", "three", "four", "several", "many", "few", "both", "all", "entire", "lovely", "dear", "favourite", "favorite", "big", "little", "wedding", "private", "corporate", "local"]);
/** Nouns that, after "in/at/on", locate a person: "the guest in room 4", "the buyer for plot 9". */
export const LOCATOR_NOUNS = new Set(["room", "flat", "bay", "bed", "unit", "plot", "row", "table", "suite", "seat", "apartment", "house", "block", "cabin", "ward", "office", "floor", "number", "no", "lot", "site", "cottage", "lodge", "villa", "pitch"]);
/** Words capitalised only because they open a sentence; never names. */
export const FUNCTION_WORDS = new Set([
  ...DETERMINERS, ...SUBJECT_PRONOUNS, ...FIRST_PERSON, ...PREPOSITIONS, ...RELATIVE_PRONOUNS, ...CLAUSE_BREAKERS,
  "do", "does", "did", "don't", "please", "let", "let's", "just", "not", "no", "yes", "can", "could", "would", "will",
  "should", "must", "may", "might", "shall", "is", "are", "was", "were", "have", "has", "had", "be", "been",
  "oh", "ah", "ugh", "well", "so", "also", "even", "only", "still", "maybe", "perhaps", "sadly", "luckily",
  "anyway", "here", "there", "where", "why", "how", "who", "what", "whose", "nobody", "nothing", "none",
  "everyone", "someone", "anyone", "everybody", "somebody", "anybody", "all", "both", "each", "either",
  "neither", "whoever", "good", "great", "lovely", "brilliant", "thanks", "sorry", "bit", "typical",
  "poor", "bless", "sweet", "truly", "modern", "guess", "look", "tell", "give", "keep", "put", "make",
  "get", "grab", "hide", "brace", "seat", "apparently", "honestly", "frankly", "again", "fair", "heads",
  "new", "old", "ps", "btw", "fyi", "re", "fwd", "note", "reminder", "update", "quick", "not", "never",
]);

/** A verb in -ing after "is" or "I'm" makes it an auxiliary ("I'm telling …"); "being" keeps it a link. */
export const isProgressiveVerb = (norm: string): boolean => norm.endsWith("ing") && norm !== "being";
