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
  return diff
    .filter((c) => c.status !== "added" && c.path.startsWith(prefix) && HAS_SIZE.has(entryTypeOfMode(c.oldMode)))
    .map((c) => c.oldOid);
}

/** The blob ids whose sizes `treeAfter` needs: the new side of the diff's files and symlinks under `dir`. */
export function newBlobsOf(diff: readonly ChangedFile[], dir: string): string[] {
  const prefix = prefixOf(dir);
  return diff
    .filter((c) => c.status !== "deleted" && c.path.startsWith(prefix) && HAS_SIZE.has(entryTypeOfMode(c.newMode)))
    .map((c) => c.newOid);
}

/**
 * The entries under `dir` of the revision the diff ends at, given the entries
 * under `dir` of the revision it starts from (`before`) and the sizes of the
 * new blobs (`newBlobsOf`). Sorted as `listTreeAt` sorts.
 */
export function treeAfter(
  before: readonly TreeEntry[],
  diff: readonly ChangedFile[],
  sizes: ReadonlyMap<string, number>,
  dir: string,
): TreeEntry[] {
  return deriveTree(before, diff, sizes, dir, FORWARD);
}

/**
 * The entries under `dir` of the revision the diff starts from, given the
 * entries under `dir` of the revision it ends at (`after`, as `listTreeAt`
 * gives them) and the sizes of the old blobs (`oldBlobsOf`). Sorted as
 * `listTreeAt` sorts.
 */
export function treeBefore(
  after: readonly TreeEntry[],
  diff: readonly ChangedFile[],
  sizes: ReadonlyMap<string, number>,
  dir: string,
): TreeEntry[] {
  return deriveTree(after, diff, sizes, dir, BACKWARD);
}

/** Which side of a change a derivation reads from (`from`) and writes (`to`), and which status adds nothing there. */
interface Direction {
  from: "old" | "new";
  to: "old" | "new";
  /** A change with this status leaves no entry on the side derived. */
  absent: ChangedFile["status"];
  verb: string;
}
const FORWARD: Direction = { from: "old", to: "new", absent: "deleted", verb: "was" };
const BACKWARD: Direction = { from: "new", to: "old", absent: "added", verb: "is" };

/** The tree at one end of `diff`, from the tree at its other end. */
function deriveTree(
  known: readonly TreeEntry[],
  diff: readonly ChangedFile[],
  sizes: ReadonlyMap<string, number>,
  dir: string,
  way: Direction,
): TreeEntry[] {
  const prefix = prefixOf(dir);
  const touched = new Map<string, ChangedFile>();
  for (const c of diff) if (c.path.startsWith(prefix)) touched.set(c.path, c);
  const side = (c: ChangedFile, which: "old" | "new") =>
    which === "old" ? { oid: c.oldOid, mode: c.oldMode } : { oid: c.newOid, mode: c.newMode };
  const out: TreeEntry[] = [];
  for (const entry of known) {
    const change = touched.get(entry.path);
    if (!change) {
      out.push(entry);
      continue;
    }
    const was = side(change, way.from);
    if (was.oid !== entry.oid || was.mode !== entry.mode) {
      throw new Error(
        `the diff says ${entry.path} ${way.verb} ${was.oid} (${was.mode}), the tree says ${entry.oid} (${entry.mode})`,
      );
    }
  }
  for (const c of touched.values()) {
    if (c.status === way.absent) continue;
    const { oid, mode } = side(c, way.to);
    const type = entryTypeOfMode(mode);
    const size = HAS_SIZE.has(type) ? sizes.get(oid) : 0;
    if (size === undefined) throw new Error(`no size for ${c.path} (${oid})`);
    out.push({ path: c.path, mode, oid, size, type });
  }
  out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  refuseDuplicatePaths(
    out.map((e) => e.path),
    "a tree derived from a diff",
  );
  return out;
}
