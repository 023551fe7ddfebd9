// @ts-check
/// <reference lib="dom" />
/** One search result as a list item: its title (a link), its kind, whose version it is, its excerpt, and its best matching sections. */
import { appendExcerpt, el, link } from "./search-text.js";

/** @import { ResultData } from "./search-index.js" */

/** Sections of a page shown under it. */
const SECTIONS = 3;

/**
 * A paragraph holding an excerpt.
 * @param {string} excerpt
 */
function excerptParagraph(excerpt) {
  const p = el("p", "search-result-excerpt");
  appendExcerpt(p, excerpt);
  return p;
}

/**
 * The list item of one result.
 * @param {ResultData} data
 */
export function resultItem(data) {
  const item = el("li", "search-result");
  const head = el("div", "search-result-head");
  const title = el("h2", "search-result-title");
  title.append(link(data.url, data.meta?.title || data.url, "search-result-link"));
  head.append(title);
  if (data.meta?.kind) head.append(el("span", "badge neutral", data.meta.kind));
  item.append(head);
  // A version says whose version it is (`Version 1.2 of polyaxon/kaniko`).
  if (data.meta?.context) item.append(el("p", "search-result-context", data.meta.context));
  if (data.excerpt) item.append(excerptParagraph(data.excerpt));
  const sections = (data.sub_results ?? []).filter((s) => s.url !== data.url && s.url.includes("#")).slice(0, SECTIONS);
  if (sections.length > 0) {
    const list = el("ul", "search-subresults");
    for (const section of sections) {
      const li = el("li");
      li.append(link(section.url, section.title || section.url, "search-subresult-link"));
      if (section.excerpt) li.append(excerptParagraph(section.excerpt));
      list.append(li);
    }
    item.append(list);
  }
  return item;
}
