/**
 * A part of a site build: `mlcat build --shard i/n` renders the pages and API
 * files whose path falls in part i of n (by a stable hash of the path), with
 * the whole catalog's data, so every cross-link is intact; `mlcat join`
 * assembles the parts. Files that are not one entity's (the home and list
 * pages, the schemas, the sitemap, the API index) are written by every part.
 */

/** Part `index` (from 1) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** `i/n` as a Shard; undefined when it is not one (1 <= i <= n <= 1000). */
export function parseShard(text: string): Shard | undefined {
  const m = /^(\d{1,4})\/(\d{1,4})$/.exec(text.trim());
  if (!m) return undefined;
  const [index, count] = [Number(m[1]), Number(m[2])];
  return index >= 1 && index <= count && count <= 1000 ? { index, count } : undefined;
}

/** The part (from 1) a path belongs to among `count`: FNV-1a of the path, so parts are even and stable. */
export function shardOfPath(path: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) {
    hash ^= path.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return (hash % count) + 1;
}

/** The pages of a kind a build renders: all of them, or a sharded build's part (by URL). */
export function shardPages<T extends { url: string }>(shard: Shard | undefined, pages: readonly T[]): T[] {
  return shard === undefined ? [...pages] : pages.filter((p) => inShard(shard, p.url));
}

/** Whether `path` is this part's to write (every path is, without a shard). */
export function inShard(shard: Shard | undefined, path: string): boolean {
  return shard === undefined || shard.count === 1 || shardOfPath(path, shard.count) === shard.index;
}
