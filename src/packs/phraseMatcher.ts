/**
 * The matcher for a user rule's `phrases`: case-insensitive, on word boundaries, any run of
 * whitespace between a phrase's words. It used to be one regex alternation of every phrase, built
 * for every file: 10,000 phrases were recompiled per draft, and 100,000 failed on every file with
 * "Regular expression too large". Here the phrases are a trie of their words, built once per pack
 * entry, and the text is scanned once: at each word start the trie is walked for as many words as
 * the longest phrase has, so the work is linear in the text whatever the number of phrases.
 */

export interface PhraseMatch {
  start: number;
  end: number;
}

interface Node {
  children: Map<string, Node> | null;
  /** Whether a phrase ends at this node. */
  terminal: boolean;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const WORD_CHAR_BEFORE = /[\p{L}\p{N}]$/u;
const SPACE = /\s/;

/** Case folding for both the phrases and the text, applied to whole words so offsets stay the text's. */
const fold = (text: string) => text.toLowerCase();

export class PhraseMatcher {
  private readonly root: Node = { children: new Map(), terminal: false };
  /** The longest phrase word, in characters: no word of the text needs reading further. */
  private longestWord = 0;

  constructor(phrases: readonly string[]) {
    for (const phrase of phrases) {
      const words = phrase.trim().split(/\s+/).filter(Boolean);
      if (!words.length) continue;
      let node = this.root;
      for (const word of words) {
        this.longestWord = Math.max(this.longestWord, word.length);
        node.children ??= new Map();
        const key = fold(word);
        let next = node.children.get(key);
        if (!next) node.children.set(key, (next = { children: null, terminal: false }));
        node = next;
      }
      node.terminal = true;
    }
  }

  /** Every match, left to right, not overlapping; at one start the longest phrase wins. */
  *matches(text: string): Generator<PhraseMatch> {
    for (let start = 0; start < text.length; ) {
      const end = this.canStartAt(text, start) ? this.longestFrom(text, start) : -1;
      if (end > start) {
        yield { start, end };
        start = end;
      } else start++;
    }
  }

  private canStartAt(text: string, at: number): boolean {
    if (SPACE.test(text[at])) return false;
    return at === 0 || !WORD_CHAR_BEFORE.test(text.slice(Math.max(0, at - 2), at));
  }

  /** The end of the longest phrase that starts at `at`, or -1. */
  private longestFrom(text: string, at: number): number {
    let best = -1;
    let node: Node | undefined = this.root;
    let position = at;
    while (node?.children && position < text.length) {
      // The text's word here: up to the next whitespace, read no further than any phrase word.
      let wordEnd = position;
      while (wordEnd < text.length && !SPACE.test(text[wordEnd]) && wordEnd - position <= this.longestWord) wordEnd++;
      // A phrase may end inside the word where a boundary follows ("co" in "co-op."): only the
      // last word of a phrase can, since the next word of one must follow whitespace.
      for (let end = position + 1; end < wordEnd; end++) {
        if (WORD_CHAR.test(text[end])) continue;
        if (node.children.get(fold(text.slice(position, end)))?.terminal) best = Math.max(best, end);
      }
      const wholeWord: Node | undefined = wordEnd - position <= this.longestWord ? node.children.get(fold(text.slice(position, wordEnd))) : undefined;
      if (!wholeWord) break;
      if (wholeWord.terminal) best = Math.max(best, wordEnd);
      let next = wordEnd;
      while (next < text.length && SPACE.test(text[next])) next++;
      if (next === wordEnd) break;
      node = wholeWord;
      position = next;
    }
    return best;
  }
}
