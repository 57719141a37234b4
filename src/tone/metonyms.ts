/**
 * A customer named by where they sit or when they come: "Room 9", "table four", "bed 3B", "seat
 * 14C", "2C" as a subject, "the 2 o'clock", "the 7:30 booking". Staff name guests, patients and passengers this way
 * all day; the place or the slot stands for the people in it, as a record's number does for its
 * customer ("order #88213"). The words are the tone pack's (`placeNouns`, `slotNouns`,
 * `recordNouns`); this file is the shape: a place or record noun and its number, or "the" and a time.
 */
import type { Token } from "../text/tokens.js";
import { isPersonWord, type ToneLexicon } from "./lexicon.js";
import { PREPOSITIONS } from "./grammar.js";

const NUMBER_WORDS = new Set(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]);
/** "9", "14c", "3b", "b12", "6101": the number of a room, a seat, a bed. */
const PLACE_NUMBER = /^(?:\d{1,4}[a-z]?|[a-z]\d{1,3})$/;
/** "2C", "14b": a seat, berth or flat by its code alone. */
const SEAT_CODE = /^\d{1,3}[a-k]$/;
/** "88213", "55-2019", "A1234": a record's number. */
const RECORD_NUMBER = /^(?:[a-z]{0,3}\d[\d-]{1,11})$/;
/** "7:30", "10am", "2pm", "9.15": a time of day. */
const CLOCK_TIME = /^(?:\d{1,2}[:.]\d{2}(?:am|pm)?|\d{1,2}(?:am|pm))$/;
/** Prepositions that may follow a bare slot, saying where or with whom it is. */
const SLOT_ATTACHMENTS = new Set(["at", "in", "with", "from"]);
/** What may follow a bare slot ("the 2 o'clock is late", "the 10am asked …"): a predicate, not a head noun ("the 7:30 train"). */
const PREDICATE_START = new Set(["is", "are", "was", "were", "'s", "'re", "has", "have", "had", "wants", "wanted", "asked", "asks", "just", "still", "keeps", "kept", "can", "could", "will", "would", "wo", "never", "always", "turned", "showed", "arrived", "rang", "called", "complained", "left", "cancelled", "canceled", "moaned", "said", "says", "brought", "again"]);

/** The last token of a place or slot naming its people, starting at `i`, or -1. */
export function metonymEnd(tokens: readonly Token[], i: number, lex: ToneLexicon): number {
  const t = tokens[i];
  const next = tokens[i + 1];
  if (t.kind !== "word" || !next) return -1;
  // "put them in room 9", "moved to table four": a location, not the people in it (and "the
  // refund for order 123" is the record).
  const before = tokens[i - 1];
  if (before && before.kind === "word" && PREPOSITIONS.has(before.norm)) return -1;
  // "order #88213 reopened the ticket", "acct 55-2019": a record's number stands for its customer.
  if (lex.recordNouns.has(t.norm)) {
    const hash = next.text === "#" ? 1 : 0;
    const number = tokens[i + 1 + hash];
    if (number && number.kind === "word" && RECORD_NUMBER.test(number.norm) && number.start === (hash ? next.end : number.start)) return i + 1 + hash;
    return -1;
  }
  if (next.kind === "punct") return -1;
  // "2C is a leaking balloon of entitlement", "14b wants a blanket": a seat or flat code alone,
  // as the subject of what follows.
  if (SEAT_CODE.test(t.norm) && (!before || before.kind === "punct") && PREDICATE_START.has(next.norm)) return i;
  if (lex.placeNouns.has(t.norm) && next.start > t.end) {
    if (PLACE_NUMBER.test(next.norm) || NUMBER_WORDS.has(next.norm)) return i + 1;
    return -1;
  }
  if (t.norm !== "the") return -1;
  let last = -1;
  if (CLOCK_TIME.test(next.norm)) last = i + 1;
  else if (/^\d{1,2}$/.test(next.norm) && tokens[i + 2]?.norm === "o'clock") last = i + 2;
  if (last < 0) return -1;
  const after = tokens[last + 1];
  // ("the 10am guy", "the 3pm client": a person noun after the time, which is theirs.)
  if (after && after.kind === "word" && (lex.slotNouns.has(after.norm) || isPersonWord(lex, after.norm))) return last + 1;
  // ("The 8.15 at Mill Lane is …", "the 2pm with Dr Reid": where or with whom the slot is.)
  if (!after || after.kind === "punct" || PREDICATE_START.has(after.norm) || SLOT_ATTACHMENTS.has(after.norm)) return last;
  return -1;
}
