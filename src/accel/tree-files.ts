/**
 * A revision's catalog files as the snapshot knows them, from its tree
 * alone (no file read): each file's blob id, or the marker the loader gives
 * an entry that is not a readable file. The same catalog in a working tree
 * gives the same map, so their digests match.
 */
import type { TreeEntry } from "../git/tree.js";

/** The files under `dir` in `entries`, by catalog-relative path. */
export function treeFiles(entries: readonly TreeEntry[], dir: string, maxFileBytes: number): Map<string, string> {
  const prefix = dir === "" || dir === "." ? "" : `${dir}/`;
  const out = new Map<string, string>();
  for (const entry of entries) {
    if (!entry.path.startsWith(prefix)) continue;
    const relPath = entry.path.slice(prefix.length);
    if (entry.type !== "file") out.set(relPath, `(${entry.type})`);
    else if (entry.size > maxFileBytes) out.set(relPath, `(over the cap: ${entry.size})`);
    else out.set(relPath, entry.oid);
  }
  return out;
}
