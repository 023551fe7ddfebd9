/** The files of a revision, with their modes, from `git ls-tree` (git objects, never the working tree). */
import type { EntryType } from "../model/raw-file.js";
import { assertRevision, runGit, type GitOptions } from "./run-git.js";
import { fetchHint } from "./revisions.js";
import { GitError } from "./git-error.js";

/** One entry of a tree, listed recursively. */
export interface TreeEntry {
  /** Path from the repository root, POSIX separators. */
  path: string;
  /** Git file mode as text: `100644`, `100755`, `120000` (symlink), `160000` (submodule), `040000`... */
  mode: string;
  /** Object id: a blob, or a commit for submodules. */
  oid: string;
  /** Size in bytes for blobs; 0 for submodules. */
  size: number;
  type: EntryType;
}

/** What an entry's git mode makes it: `100644`/`100755` are files, `120000` symlinks, `160000` submodules. */
export function entryTypeOfMode(mode: string): EntryType {
  if (mode === "100644" || mode === "100755" || mode === "100664") return "file";
  if (mode === "120000") return "symlink";
  if (mode === "160000") return "submodule";
  return "other";
}

/** Every entry under `dir` (a folder from the repository root; all files when omitted) at `rev`, in path order. */
export async function listTreeAt(options: GitOptions & { rev: string; dir?: string }): Promise<TreeEntry[]> {
  assertRevision(options.rev, "tree");
  const args = ["ls-tree", "-r", "-z", "-l", "--full-tree", options.rev];
  if (options.dir !== undefined && options.dir !== "" && options.dir !== ".")
    args.push("--", options.dir.replace(/\/+$/, ""));
  const out = await runGit(options, args, {
    what: `list the files of ${options.rev}`,
    next: fetchHint(options.rev),
  });
  const entries = parseLsTree(out).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  refuseDuplicatePaths(
    entries.map((e) => e.path),
    `the tree of ${options.rev}`,
  );
  return entries;
}

/**
 * Refuse a listing (sorted by path) that names one path twice: only malformed git
 * objects do (git fsck: duplicateEntries), and which copy a reader takes is then
 * anyone's guess. `what` names the listing, e.g. `the tree of <rev>`.
 */
export function refuseDuplicatePaths(sortedPaths: readonly string[], what: string): void {
  const twice = sortedPaths.find((p, i) => i > 0 && sortedPaths[i - 1] === p);
  if (twice !== undefined) {
    throw new GitError(
      `${what} lists ${twice} twice: its git objects are malformed, so nothing in it is judged`,
      "recreate the commit with git itself (git fsck names the broken tree); git never writes such a tree",
    );
  }
}

/** Parse `git ls-tree -r -z -l` output: `<mode> <type> <oid> <size>\t<path>\0`. */
export function parseLsTree(out: string): TreeEntry[] {
  const entries: TreeEntry[] = [];
  // Record by record in place (no split, no slice per header): a catalog's tree has tens of thousands of entries.
  for (let at = 0; at < out.length;) {
    let end = out.indexOf("\0", at);
    if (end < 0) end = out.length;
    if (end > at) entries.push(parseRecord(out, at, end));
    at = end + 1;
  }
  return entries;
}

/** `<mode> <type> <oid> <size>\t<path>`: the header's fields, up to the first tab. */
const HEADER = /(\d{6}) (\w+) ([0-9a-f]+) +(\d+|-|BAD)\t/y;

function parseRecord(out: string, at: number, end: number): TreeEntry {
  HEADER.lastIndex = at;
  const m = HEADER.exec(out);
  if (!m || HEADER.lastIndex > end)
    throw new Error(`unexpected line from git ls-tree: ${JSON.stringify(out.slice(at, end))}`);
  const path = out.slice(HEADER.lastIndex, end);
  const [, mode, , oid, size] = m;
  if (size === "BAD") {
    throw new GitError(
      `git object ${oid} of ${path} is missing or corrupt in this repository`,
      "fetch the commits again (git fetch origin <sha>), and check the repository with git fsck",
    );
  }
  return { path, mode: mode!, oid: oid!, size: size === "-" ? 0 : Number(size), type: entryTypeOfMode(mode!) };
}
