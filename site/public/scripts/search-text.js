// @ts-check
/// <reference lib="dom" />
/**
 * Catalog text into the search page, as text only. Everything Pagefind returns
 * (titles, kinds, excerpts, filter values, URLs) comes from the catalog, so
 * nodes are made with createElement and filled with textContent, never parsed
 * from HTML; links are kept only when they stay on this site.
 */

/**
 * A new element, its text set as text.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {string} [className]
 * @param {string} [text]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * The entities of an excerpt: Pagefind 1.6 writes `<` and `>` of the page's
 * text as `&lt;` and `&gt;` (and nothing else), so a page that shows a literal
 * `&lt;` shows `<` in its excerpt; `&amp;`, `&quot;` and `&#39;` are read too
 * in case a later version escapes them.
 */
const ENTITIES = /** @type {Record<string, string>} */ ({
  "&lt;": "<",
  "&gt;": ">",
  "&amp;": "&",
  "&quot;": '"',
  "&#39;": "'",
});

/**
 * Pagefind's text (an excerpt, a page's content) as it reads.
 * @param {string} text
 */
export function decodeEntities(text) {
  return text.replace(/&(?:lt|gt|amp|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity);
}

/**
 * Append a Pagefind excerpt to `parent`: text, with the words Pagefind marked
 * (`<mark>…</mark>`, the only markup it adds) as <mark> elements. Nothing else
 * in it is read as markup.
 * @param {Element} parent
 * @param {string} excerpt
 */
export function appendExcerpt(parent, excerpt) {
  let marked = false;
  for (const part of excerpt.split(/(<mark>|<\/mark>)/)) {
    if (part === "<mark>" || part === "</mark>") {
      marked = part === "<mark>";
      continue;
    }
    if (part === "") continue;
    const text = decodeEntities(part);
    parent.append(marked ? el("mark", "", text) : document.createTextNode(text));
  }
}

/**
 * `url` as a path on this site, or undefined when it leads anywhere else (or is no URL).
 * @param {string} url
 */
export function sitePath(url) {
  try {
    const parsed = new URL(url, location.href);
    return parsed.origin === location.origin ? `${parsed.pathname}${parsed.search}${parsed.hash}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A link to `url` showing `text`, or just the text when the URL is not on this site.
 * @param {string} url
 * @param {string} text
 * @param {string} className
 */
export function link(url, text, className) {
  const path = sitePath(url);
  if (path === undefined) return el("span", className, text);
  const a = el("a", className, text);
  a.href = path;
  return a;
}
