/**
 * The site's one data module: the data mlcat computed from the catalog
 * (src/site-data), handed to Astro as a virtual module by `mlcat build`/`dev`.
 * Pages import from here; they never read files.
 */
import siteData from "virtual:mlcat/site-data";
import type { SiteData } from "../../src/site-data/types.ts";
import { shardPages } from "../../src/site-data/shard.ts";
export { versionAnchor } from "../../src/site-data/anchors.ts";
export { groupEvaluations } from "../../src/site-data/evaluation-groups.ts";
export { emptyMark, filledColumns } from "../../src/site-data/columns.ts";

/** Everything the pages show. */
export const data: SiteData = siteData;

/** The base path, with leading and trailing slash. */
export const base: string = data.meta.basePath;

/** A URL under the base path: `href("hub/")` -> `/x/hub/`. */
export function href(path = ""): string {
  return `${base}${path.replace(/^\//, "")}`;
}

/** The pages of a kind this build renders: all of them, or a sharded build's part (by URL). */
export function pagesOf<T extends { url: string }>(pages: readonly T[]): T[] {
  return shardPages(data.meta.shard, pages);
}

/** An ISO date-time shown as a date (UTC), e.g. `2026-01-27`. */
export function day(iso: string | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().slice(0, 10);
}

/** A metric value, short: at most 4 significant decimals. */
export function metric(value: number | undefined): string {
  if (value === undefined) return "";
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(4)));
}

/** A count and its noun, singular or plural, joined by a no-break space: a line never splits `4 models`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n}\u00a0${n === 1 ? one : many}`;
}

/** A label that may break after `_`, `/`, `:` or `-` (a zero-width space there), for attributes CSS shows (`data-label`). */
export function breakableLabel(text: string): string {
  return text.replace(/([_/:-])/g, "$1\u200b");
}

/**
 * A long name split where it may break (after `/`, `:`, `-`, `_`, `@`, `=`, `&`, `?`): templates put a
 * `<wbr>` between the parts. For table rows, where a component per cell (Breakable) costs more.
 */
export function breakParts(text: string): string[] {
  return text.split(/(?<=[/:\-_@=&?])(?=.)/);
}

/**
 * A long name in groups that a line keeps whole where it can: split after its
 * path separators (`/`, `:`, `@`), each group split again where it may break
 * if it must (after `-`, `_`, `.`, `=`, `&`, `?`). `northwind/two-tower-retrieval`
 * wraps as `northwind/` over `two-tower-retrieval`, never as `northwind/two-` over `tower-retrieval`.
 */
export function breakGroups(text: string): string[][] {
  return text.split(/(?<=[/:@])(?=.)/).map((group) => group.split(/(?<=[-_.=&?])(?=.)/));
}

/** Catalog text split into plain parts and `backticked` ones (shown as code), as Text.astro shows it, for table rows. */
export function textParts(text: string | undefined): Array<{ text: string; code: boolean }> {
  return (text ?? "")
    .split(/(`[^`\n]+`)/g)
    .filter((p) => p !== "")
    .map((p) =>
      p.length > 2 && p.startsWith("`") && p.endsWith("`")
        ? { text: p.slice(1, -1), code: true }
        : { text: p, code: false },
    );
}
