// @ts-check
/**
 * Excerpts that read as sentences. Pagefind's own excerpt is a window of
 * words around a match: it starts and ends mid-sentence, and its marks take
 * in the full stop after a word. A record's lines are sentences (Pagefind
 * ends each with a full stop), so the excerpt here is the sentence that holds
 * the best match in its section (more whole sentences after it while they
 * fit), "…" only where a long sentence is cut, and a mark covers the part
 * of the word the query matched (never its trailing punctuation).
 */

import { decodeEntities } from "./search-text.js";

/** @import { Anchor, ResultData, SubResult } from "./search-index.js" */

/** Pagefind's word separators: its locations count the words they leave. */
const WORDS = /[^\S\uFEFF]+/;

/** A word that ends a sentence. */
const SENTENCE_END = /[.!?]$/;

/** @typedef {{ text: string, marked: boolean }} ExcerptPart */

/** The runs of letters and digits in a word (a path's folders, a name's `_`-joined parts). */
const RUNS = /[\p{L}\p{N}]+/gu;

/**
 * The query's terms as a mark looks for them: lower-cased runs of letters and digits.
 * @param {string} query
 * @returns {string[]}
 */
export function queryTerms(query) {
  return [...query.toLowerCase().matchAll(RUNS)].map((m) => m[0]);
}

/**
 * A word, marked when it matched. The mark covers the parts of the word a query term begins (`fraud` in
 * `is_fraud` or in a path's `/fraud-transactions/`), else (a term Pagefind matched by its stem) the word
 * without the punctuation that follows it.
 * @param {string} word
 * @param {boolean} matched
 * @param {readonly string[]} terms
 * @returns {ExcerptPart[]}
 */
function wordParts(word, matched, terms) {
  if (!matched) return [{ text: word, marked: false }];
  /** @type {ExcerptPart[]} */
  const parts = [];
  let at = 0;
  for (const run of word.matchAll(RUNS)) {
    const lower = run[0].toLowerCase();
    if (!terms.some((t) => lower.startsWith(t))) continue;
    if (run.index > at) parts.push({ text: word.slice(at, run.index), marked: false });
    parts.push({ text: run[0], marked: true });
    at = run.index + run[0].length;
  }
  if (parts.length > 0) {
    if (at < word.length) parts.push({ text: word.slice(at), marked: false });
    return parts;
  }
  const [, core = word, tail = ""] = /^(.*?)([.,;:!?)]*)$/su.exec(word) ?? [];
  const whole = [{ text: core || word, marked: true }];
  return core && tail ? [...whole, { text: tail, marked: false }] : whole;
}

/**
 * The excerpt of the words `from` up to `to` (a section's text) around its best match.
 * @param {readonly string[]} words
 * @param {SubResult} section
 * @param {number} from
 * @param {number} to
 * @param {number} length at most this many words
 * @param {readonly string[]} terms the query's terms (queryTerms)
 * @returns {ExcerptPart[]}
 */
export function sentenceExcerpt(words, section, from, to, length, terms = []) {
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
    parts.push(...wordParts(words[i] ?? "", matched.has(i), terms));
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
 * @param {readonly string[]} terms the query's terms (queryTerms)
 * @returns {{ lead?: ExcerptPart[], sections: ExcerptPart[][] } | undefined}
 */
export function resultExcerpts(data, sections, length, terms = []) {
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
    ...(own && { lead: sentenceExcerpt(words, own, 0, leadEnd, length, terms) }),
    sections: sections.map((s) => {
      const { from, to } = s.anchor ? textOf(s.anchor) : { from: 0, to: leadEnd };
      return sentenceExcerpt(words, s, from, to, length, terms);
    }),
  };
}
