// @ts-check
/// <reference lib="dom" />
/**
 * The search page (site/src/pages/search/index.astro), on Pagefind's
 * JavaScript API: a query box, results with their kind, excerpt and matching
 * sections, and filters by kind, organization, tag and stage with counts. The
 * query and the chosen filters live in the URL (`?q=forecast&tag=nlp`), so a
 * search can be linked. Catalog text reaches the page only as text
 * (search-text.js).
 */
import { FilterPanel, GROUPS } from "./search-filters.js";
import { filterQuery, loadPagefind } from "./search-index.js";
import { resultItem } from "./search-results.js";

/** @import { FilterCounts, Pagefind, Result } from "./search-index.js" */

/** Results shown at first, and added by "Show more results". */
const PAGE_SIZE = 10;

/** Wait after a keystroke before searching. */
const TYPING_DELAY_MS = 150;

/**
 * The element `selector` finds under `root`, of type `type`.
 * @template {Element} T
 * @param {ParentNode} root
 * @param {string} selector
 * @param {{ new (): T }} type
 * @returns {T}
 */
function find(root, selector, type) {
  const node = root.querySelector(selector);
  if (!(node instanceof type)) throw new Error(`mlcat search: the page has no ${selector}`);
  return node;
}

/**
 * `n` things, singular or plural.
 * @param {number} n
 * @param {string} one
 */
function plural(n, one) {
  return `${n}\u00a0${n === 1 ? one : `${one}s`}`;
}

/**
 * The status line (a live region, read out after each search).
 * @param {number} found
 * @param {string} term
 * @param {number} filters
 */
function statusText(found, term, filters) {
  const results = found === 0 ? "No results" : plural(found, "result");
  return `${results}${term ? ` for “${term}”` : ""}${filters > 0 ? ` with ${plural(filters, "filter")}` : ""}.`;
}

/**
 * Run the search page under `root`.
 * @param {HTMLElement} root
 */
async function searchPage(root) {
  const form = find(root, "[data-search-form]", HTMLFormElement);
  const input = find(root, "[data-search-input]", HTMLInputElement);
  const status = find(root, "[data-search-status]", HTMLElement);
  const list = find(root, "[data-search-results]", HTMLOListElement);
  const more = find(root, "[data-search-more]", HTMLButtonElement);
  const panel = find(root, "[data-search-filters]", HTMLDetailsElement);
  const clear = find(root, "[data-search-clear]", HTMLButtonElement);
  const chosenNote = find(root, "[data-search-chosen]", HTMLElement);

  const params = new URLSearchParams(location.search);
  input.value = params.get("q") ?? "";
  /** @type {Map<string, Set<string>>} */
  const chosen = new Map(GROUPS.map((g) => [g.id, new Set(params.getAll(g.id))]));
  panel.open = matchMedia("(min-width: 901px)").matches;

  /** @type {{ pagefind: Pagefind, totals: FilterCounts, filters: FilterPanel } | undefined} */
  let index;
  /** @type {Result[]} */
  let results = [];
  let shown = 0;
  let generation = 0;
  /** What the shown results were searched for. */
  let query = "";

  /**
   * Add the next page of results; false when a newer search began meanwhile.
   * @param {number} mine
   */
  const showMore = async (mine) => {
    const next = await Promise.all(results.slice(shown, shown + PAGE_SIZE).map((r) => r.data()));
    if (mine !== generation) return false;
    for (const data of next) list.append(resultItem(data, query));
    shown += next.length;
    more.hidden = shown >= results.length;
    return true;
  };

  /**
   * Search for the query with the chosen filters; show the results, the counts and the URL.
   * @param {NonNullable<typeof index>} found
   * @param {number} mine
   */
  const search = async ({ pagefind, totals, filters }, mine) => {
    const term = input.value.trim();
    const chosenCount = [...chosen.values()].reduce((n, values) => n + values.size, 0);
    const url = new URLSearchParams();
    if (term) url.set("q", term);
    for (const [group, values] of chosen) for (const v of values) url.append(group, v);
    history.replaceState(null, "", url.size > 0 ? `?${url}` : location.pathname);
    chosenNote.textContent = chosenCount > 0 ? ` · ${chosenCount} chosen` : "";
    clear.hidden = chosenCount === 0;
    if (!term && chosenCount === 0) {
      results = [];
      shown = 0;
      list.replaceChildren();
      more.hidden = true;
      filters.update(totals, true);
      status.textContent = "Type to search, or choose a filter.";
      return;
    }
    const response = await pagefind.search(term || null, { filters: filterQuery(chosen) });
    // A filter's counts leave its own choice out: they say what checking one more of its values would find.
    /** @type {FilterCounts} */
    const counts = { ...response.filters };
    for (const group of GROUPS) {
      if ((chosen.get(group.id)?.size ?? 0) === 0) continue;
      const without = await pagefind.search(term || null, { filters: filterQuery(chosen, group.id) });
      counts[group.id] = without.filters[group.id] ?? {};
    }
    if (mine !== generation) return;
    results = response.results;
    query = term;
    shown = 0;
    list.replaceChildren();
    if (!(await showMore(mine))) return;
    filters.update(counts, false);
    status.textContent = statusText(results.length, term, chosenCount);
  };

  /** Search now (once the index is loaded); a newer search makes an older one's answer moot. */
  const run = async () => {
    const mine = ++generation;
    if (!index) return;
    try {
      await search(index, mine);
    } catch (err) {
      if (mine === generation)
        status.textContent = `Search failed: ${err instanceof Error ? err.message : String(err)}`;
    }
  };

  let timer = 0;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = window.setTimeout(() => void run(), TYPING_DELAY_MS);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void run();
  });
  more.addEventListener("click", () => void showMore(generation));
  clear.addEventListener("click", () => {
    for (const values of chosen.values()) values.clear();
    index?.filters.uncheckAll();
    void run();
  });
  if (!input.value) input.focus();

  const pagefind = await loadPagefind(root.dataset.bundle ?? "/pagefind/", root.dataset.base ?? "/");
  if (!pagefind) {
    find(root, "[data-search-missing]", HTMLElement).hidden = false;
    input.disabled = true;
    find(form, "button[type=submit]", HTMLButtonElement).disabled = true;
    panel.hidden = true;
    return;
  }
  const totals = await pagefind.filters();
  const filters = new FilterPanel(find(panel, "[data-search-groups]", HTMLElement), totals, chosen, () => void run());
  index = { pagefind, totals, filters };
  await run();
}

const root = document.querySelector("[data-search]");
if (root instanceof HTMLElement) void searchPage(root);
