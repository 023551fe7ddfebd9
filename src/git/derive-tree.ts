/**
 * A revision's tree without listing it: the tree of another revision with a
 * raw diff between the two undone (or applied). A pull request's base,
 * merge-base and merge result differ from its head in a few files, so listing
 * the head once and diffing gives all four trees (the test compares them with
 * `git ls-tree`).
 */
import type { ChangedFile } from "./changed-files.js";
import { entryTypeOfMode, refuseDuplicatePaths, type TreeEntry } from "./tree.js";

/** The paths under `dir` (`""` or `.` for the whole tree), as a prefix. */
function prefixOf(dir: string): string {
  const d = dir.replace(/\/+$/, "");
  return d === "" || d === "." ? "" : `${d}/`;
}

/** Entries whose size `git ls-tree -l` gives: regular files and symlinks (a submodule's is `-`). */
const HAS_SIZE = new Set(["file", "symlink"]);

/** The blob ids whose sizes `treeBefore` needs: the old side of the diff's files and symlinks under `dir`. */
export function oldBlobsOf(diff: readonly ChangedFile[], dir: string): string[] {
  const prefix = prefixOf(dir);
  return diff.filter((c) => c.status !== "added" && c.path.startsWith(prefix) && HAS_SIZE.has(entryTypeOfMode(c.oldMode))).map((c) => c.oldOid);
}

/** The blob ids whose sizes `treeAfter` needs: the new side of the diff's files and symlinks under `dir`. */
export function newBlobsOf(diff: readonly ChangedFile[], dir: string): string[] {
  const prefix = prefixOf(dir);
  return diff.filter((c) => c.status !== "deleted" && c.path.startsWith(prefix) && HAS_SIZE.has(entryTypeOfMode(c.newMode))).map((c) => c.newOid);
}

/**
 * The entries under `dir` of the revision the diff ends at, given the entries
 * under `dir` of the revision it starts from (`before`) and the sizes of the
 * new blobs (`newBlobsOf`). Sorted as `listTreeAt` sorts.
 */
export function treeAfter(before: readonly TreeEntry[], diff: readonly ChangedFile[], sizes: ReadonlyMap<string, number>, dir: string): TreeEntry[] {
  const prefix = prefixOf(dir);
  const touched = new Map<string, ChangedFile>();
  for (const c of diff) if (c.path.startsWith(prefix)) touched.set(c.path, c);
  const out: TreeEntry[] = [];
  for (const entry of before) {
    const change = touched.get(entry.path);
    if (!change) out.push(entry);
    else if (change.oldOid !== entry.oid || change.oldMode !== entry.mode) {
      throw new Error(`the diff says ${entry.path} was ${change.oldOid} (${change.oldMode}), the tree says ${entry.oid} (${entry.mode})`);
    }
  }
  for (const c of touched.values()) {
    if (c.status === "deleted") continue;
    const type = entryTypeOfMode(c.newMode);
    const size = HAS_SIZE.has(type) ? sizes.get(c.newOid) : 0;
    if (size === undefined) throw new Error(`no size for ${c.path} (${c.newOid})`);
    out.push({ path: c.path, mode: c.newMode, oid: c.newOid, size, type });
  }
  out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  refuseDuplicatePaths(out.map((e) => e.path), "a tree derived from a diff");
  return out;
}

/**
 * The entries under `dir` of the revision the diff starts from, given the
 * entries under `dir` of the revision it ends at (`after`, as `listTreeAt`
 * gives them) and the sizes of the old blobs (`oldBlobsOf`). Sorted as
 * `listTreeAt` sorts.
 */
export function treeBefore(after: readonly TreeEntry[], diff: readonly ChangedFile[], sizes: ReadonlyMap<string, number>, dir: string): TreeEntry[] {
  const prefix = prefixOf(dir);
  const touched = new Map<string, ChangedFile>();
  for (const c of diff) if (c.path.startsWith(prefix)) touched.set(c.path, c);
  const out: TreeEntry[] = [];
  for (const entry of after) {
    const change = touched.get(entry.path);
    if (!change) out.push(entry);
    else if (change.newOid !== entry.oid || change.newMode !== entry.mode) {
      throw new Error(`the diff says ${entry.path} is ${change.newOid} (${change.newMode}), the tree says ${entry.oid} (${entry.mode})`);
    }
  }
  for (const c of touched.values()) {
    if (c.status === "added") continue;
    const type = entryTypeOfMode(c.oldMode);
    const size = HAS_SIZE.has(type) ? sizes.get(c.oldOid) : 0;
    if (size === undefined) throw new Error(`no size for ${c.path} (${c.oldOid})`);
    out.push({ path: c.path, mode: c.oldMode, oid: c.oldOid, size, type });
  }
  out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  refuseDuplicatePaths(out.map((e) => e.path), "a tree derived from a diff");
  return out;
}
