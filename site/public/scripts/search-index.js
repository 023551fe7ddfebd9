// @ts-check
/// <reference lib="dom" />
/**
 * The search page's way to Pagefind's JavaScript API (`pagefind/pagefind.js`,
 * written by `mlcat build`): its types, as far as the page uses them, loading
 * it, and the filters it is asked for.
 */

/** @typedef {Record<string, Record<string, number>>} FilterCounts Pages by filter, then value. */
/** @typedef {Record<string, { any: string[] }>} FilterQuery */
/** @typedef {{ location: number, balanced_score: number }} WeightedLocation A matching word (its index among the page's words). */
/** @typedef {{ id?: string, text?: string, location: number }} Anchor A heading with an id, and where it stands among the page's words. */
/**
 * A page's own text (no anchor), or a section of it (a heading's anchor), where the query matched.
 * @typedef {{ url: string, title?: string, excerpt?: string, anchor?: Anchor, locations?: number[], weighted_locations?: WeightedLocation[] }} SubResult
 */
/**
 * A result: its page's text (`raw_content`), headings and matching sections.
 * @typedef {{ url: string, excerpt?: string, raw_content?: string, anchors?: Anchor[], meta?: Record<string, string | undefined>, sub_results?: SubResult[] }} ResultData
 */
/** @typedef {{ id: string, data(): Promise<ResultData> }} Result */
/** @typedef {{ results: Result[], filters: FilterCounts }} Response */
/**
 * The part of pagefind.js the page uses.
 * @typedef {object} Pagefind
 * @property {(options: { baseUrl?: string, excerptLength?: number, excerptEllipsis?: string, ranking?: { metaWeights?: Record<string, number> } }) => Promise<void>} options
 * @property {() => Promise<void>} init
 * @property {() => Promise<FilterCounts>} filters
 * @property {(term: string | null, options?: { filters?: FilterQuery }) => Promise<Response>} search
 */

/**
 * How results rank. Every record carries its title, the names it answers to
 * (`name`: its key, display name, username) and its tags (`tags`), which
 * `mlcat build` writes as meta fields: a query that names an entity finds
 * that entity's page first.
 */
const RANKING = { metaWeights: { title: 5, name: 12, tags: 3 } };

/** Words in an excerpt, at most. */
export const EXCERPT_WORDS = 24;

/**
 * Load Pagefind from the site's bundle folder (`bundle`, e.g. `/x/pagefind/`),
 * its result URLs under `base`; undefined when the site has no index (`mlcat dev`).
 * @param {string} bundle
 * @param {string} base
 * @returns {Promise<Pagefind | undefined>}
 */
export async function loadPagefind(bundle, base) {
  try {
    const pagefind = /** @type {Pagefind} */ (await import(`${bundle}pagefind.js`));
    await pagefind.options({ baseUrl: base, excerptLength: EXCERPT_WORDS, excerptEllipsis: "…", ranking: RANKING });
    await pagefind.init();
    return pagefind;
  } catch {
    return undefined;
  }
}

/**
 * The filters Pagefind is asked for: every group with a chosen value, but `except`.
 * @param {Map<string, Set<string>>} chosen
 * @param {string} [except]
 * @returns {FilterQuery}
 */
export function filterQuery(chosen, except) {
  /** @type {FilterQuery} */
  const query = {};
  for (const [group, values] of chosen) if (group !== except && values.size > 0) query[group] = { any: [...values] };
  return query;
}
