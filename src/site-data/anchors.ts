/**
 * Ids of places inside a page that other pages and search results link to. Imports nothing: the
 * site's pages use it as source, in a packaged install too (package.json ships src/site-data).
 */

/**
 * The id of a version's row on its component's or model's page (`version-1.2`): search results for a
 * version's words link there. Version tags are `[a-z0-9.-]`, safe in an id as they are.
 */
export function versionAnchor(tag: string): string {
  return `version-${tag}`;
}
