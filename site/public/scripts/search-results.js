// @ts-check
/// <reference lib="dom" />
/** One search result as a list item: its title (a link), its kind, its excerpt, and its best matching sections. */
import { queryTerms, resultExcerpts } from "./search-excerpt.js";
import { EXCERPT_WORDS } from "./search-index.js";
import { appendExcerpt, el, link } from "./search-text.js";

/** @import { ExcerptPart } from "./search-excerpt.js" */
/** @import { ResultData, SubResult } from "./search-index.js" */

/** Sections of a page shown under it. */
const SECTIONS = 3;

/**
 * A paragraph holding an excerpt: Pagefind's, or one cut at sentences.
 * @param {string | ExcerptPart[]} excerpt
 */
function excerptParagraph(excerpt) {
  const p = el("p", "search-result-excerpt");
  if (typeof excerpt === "string") appendExcerpt(p, excerpt);
  else
    for (const part of excerpt) p.append(part.marked ? el("mark", "", part.text) : document.createTextNode(part.text));
  return p;
}

/**
 * How well a section matched: its best word's score.
 * @param {SubResult} section
 */
const score = (section) => Math.max(0, ...(section.weighted_locations ?? []).map((l) => l.balanced_score));

/**
 * The list item of one result: its own text's excerpt where the query matched it, then its best
 * matching sections (a version's row, an inputs table), each with its excerpt, none twice.
 * @param {ResultData} data
 * @param {string} query what was searched for (its terms are marked)
 */
export function resultItem(data, query = "") {
  const item = el("li", "search-result");
  const head = el("div", "search-result-head");
  const title = el("h2", "search-result-title");
  title.append(link(data.url, data.meta?.title || data.url, "search-result-link"));
  head.append(title);
  if (data.meta?.kind) head.append(el("span", "badge neutral", data.meta.kind));
  item.append(head);
  const subResults = data.sub_results ?? [];
  const sections = subResults
    .filter((s) => s.anchor && s.url !== data.url && s.url.includes("#"))
    .sort((a, b) => score(b) - score(a))
    .slice(0, SECTIONS);
  const cut = resultExcerpts(data, sections, EXCERPT_WORDS, queryTerms(query));
  // Without sub-results (a search by filters only) the result shows the start of its text.
  const lead = cut && subResults.length > 0 ? cut.lead : data.excerpt;
  if (lead && lead.length > 0) item.append(excerptParagraph(lead));
  if (sections.length > 0) {
    const list = el("ul", "search-subresults");
    sections.forEach((section, i) => {
      const li = el("li");
      li.append(link(section.url, section.title || section.url, "search-subresult-link"));
      const excerpt = cut ? cut.sections[i] : section.excerpt;
      if (excerpt && excerpt.length > 0) li.append(excerptParagraph(excerpt));
      list.append(li);
    });
    item.append(list);
  }
  return item;
}
