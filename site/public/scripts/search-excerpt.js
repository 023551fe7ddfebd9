// @ts-check
/**
 * Excerpts that read as sentences. Pagefind's own excerpt is a window of
 * words around a match: it starts and ends mid-sentence, and its marks take
 * in the full stop after a word. A record's lines are sentences (Pagefind
 * ends each with a full stop), so the excerpt here is the sentence that holds
 * the best match in its section (more whole sentences after it while they
 * fit), "…" only where a long sentence is cut, and a mark covers the word
 * without its trailing punctuation.
 */

import { decodeEntities } from "./search-text.js";

/** @import { Anchor, ResultData, SubResult } from "./search-index.js" */

/** Pagefind's word separators: its locations count the words they leave. */
const WORDS = /[^\S\uFEFF]+/;

/** A word that ends a sentence. */
const SENTENCE_END = /[.!?]$/;

/** @typedef {{ text: string, marked: boolean }} ExcerptPart */

/**
 * A word, marked when it matched: the mark leaves out punctuation that follows the word.
 * @param {string} word
 * @param {boolean} matched
 * @returns {ExcerptPart[]}
 */
function wordParts(word, matched) {
  if (!matched) return [{ text: word, marked: false }];
  const [, core = word, tail = ""] = /^(.*?)([.,;:!?)]*)$/su.exec(word) ?? [];
  const parts = [{ text: core || word, marked: true }];
  return core && tail ? [...parts, { text: tail, marked: false }] : parts;
}

/**
 * The excerpt of the words `from` up to `to` (a section's text) around its best match.
 * @param {readonly string[]} words
 * @param {SubResult} section
 * @param {number} from
 * @param {number} to
 * @param {number} length at most this many words
 * @returns {ExcerptPart[]}
 */
export function sentenceExcerpt(words, section, from, to, length) {
  if (from >= to) return [];
  const inText = (section.weighted_locations ?? []).filter((l) => l.location >= from && l.location < to);
  // The best match (the first of equals); a match only in the heading shows the section's first sentence.
  const best = inText.reduce(
    (a, b) => (b.balanced_score > a.balanced_score ? b : a),
    inText[0] ?? { location: from, balanced_score: 0 },
  );
  const at = best.location;
  let start = at;
  while (start > from && !SENTENCE_END.test(words[start - 1] ?? "") && at - start < length / 2) start--;
  let end = at + 1;
  while (end < to && !SENTENCE_END.test(words[end - 1] ?? "") && end - start < length) end++;
  // Whole sentences after it while they fit.
  while (end < to && SENTENCE_END.test(words[end - 1] ?? "")) {
    let next = end + 1;
    while (next < to && !SENTENCE_END.test(words[next - 1] ?? "")) next++;
    if (next - start > length) break;
    end = next;
  }
  const matched = new Set(section.locations ?? []);
  /** @type {ExcerptPart[]} */
  const parts = [];
  if (start > from && !SENTENCE_END.test(words[start - 1] ?? "")) parts.push({ text: "… ", marked: false });
  for (let i = start; i < end; i++) {
    if (i > start) parts.push({ text: " ", marked: false });
    parts.push(...wordParts(words[i] ?? "", matched.has(i)));
  }
  if (end < to && !SENTENCE_END.test(words[end - 1] ?? "")) parts.push({ text: " …", marked: false });
  return parts;
}

/**
 * The excerpts of a result: its own text's (before its first section) when the query matched there,
 * and each given section's, each from its first word after the heading to the next heading. Undefined
 * when the result carries no text to cut them from.
 * @param {ResultData} data
 * @param {readonly SubResult[]} sections
 * @param {number} length
 * @returns {{ lead?: ExcerptPart[], sections: ExcerptPart[][] } | undefined}
 */
export function resultExcerpts(data, sections, length) {
  if (data.raw_content === undefined) return undefined;
  const words = decodeEntities(data.raw_content).split(WORDS);
  const anchors = [...(data.anchors ?? [])].sort((a, b) => a.location - b.location);
  /** @param {Anchor} anchor */
  const textOf = (anchor) => {
    const next = anchors.find((a) => a.location > anchor.location);
    return {
      from: anchor.location + (anchor.text ?? "").split(WORDS).filter(Boolean).length,
      to: next?.location ?? words.length,
    };
  };
  const own = (data.sub_results ?? []).find((s) => !s.anchor);
  const leadEnd = anchors[0]?.location ?? words.length;
  return {
    ...(own && { lead: sentenceExcerpt(words, own, 0, leadEnd, length) }),
    sections: sections.map((s) => {
      const { from, to } = s.anchor ? textOf(s.anchor) : { from: 0, to: leadEnd };
      return sentenceExcerpt(words, s, from, to, length);
    }),
  };
}
