/**
 * The files a merge leaves with other content than the branch's head: both
 * the base and the branch changed them since the branch forked (or a rename
 * on the base carried the branch's edit to another path). They are judged as
 * the merge leaves them, so they are read from the merge result's tree.
 */
import type { ChangedFile } from "../git/changed-files.js";
import { treeAfter } from "../git/derive-tree.js";
import type { TreeEntry } from "../git/tree.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { decodeUtf8 } from "../yaml/utf8.js";
import { classifyPath } from "../model/kinds.js";
import type { PrChange } from "./classify-change.js";
import { readSide, type ReadSideOptions, type Side } from "./read-sides.js";

/** The merged files and how they load. */
export interface MergedFiles {
  /** Catalog-relative paths whose merge result differs from the head's file. */
  paths: ReadonlySet<string>;
  /** Those files, loaded from the merge result (no checks run). */
  side: Side;
  /** The merge-base's text of those the branch changed, by catalog-relative path: where the contributor's own edit starts. */
  forkTexts: ReadonlyMap<string, string>;
}

/** What `readMerged` needs. */
export interface ReadMergedOptions {
  /** How to read git objects (and the accelerator: worker threads, the content cache). */
  reading: Pick<ReadSideOptions, "cwd" | "binary" | "reader" | "accelerator" | "texts">;
  /** The catalog folder from the repository root. */
  dir: string;
  /** The merge result's tree. */
  tree: string;
  /** The base's entries under `dir`, the diff from the base to the merge result, and the sizes of its new blobs. */
  baseEntries: readonly TreeEntry[];
  judged: readonly ChangedFile[];
  sizes: ReadonlyMap<string, number>;
  /** The head's entries under `dir`, and the branch's own diff (merge-base to head). */
  headEntries: readonly TreeEntry[];
  own: readonly ChangedFile[];
  /** The judged changes, classified. */
  changes: readonly PrChange[];
}

/** Read the judged files the merge leaves otherwise than the head has them; undefined when there are none (the usual case). */
export async function readMerged(options: ReadMergedOptions): Promise<MergedFiles | undefined> {
  const head = new Map(options.headEntries.map((e) => [e.path, e]));
  const modes = new Map(options.judged.map((f) => [f.path, f.newMode]));
  const paths = new Set<string>();
  for (const c of options.changes) {
    if (c.action === "delete" || c.relPath === undefined) continue;
    const own = head.get(c.path);
    if (!own || own.oid !== c.newOid || own.mode !== modes.get(c.path)) paths.add(c.relPath);
  }
  if (paths.size === 0) return undefined;
  const entries = treeAfter(options.baseEntries, options.judged, options.sizes, options.dir);
  const side = await readSide({
    ...options.reading,
    rev: options.tree,
    dir: options.dir,
    entries,
    include: (p) => paths.has(p) && classifyPath(p) !== undefined,
  });
  const prefix = `${options.dir}/`;
  const edited = options.own.filter(
    (f) => f.status === "modified" && f.path.startsWith(prefix) && paths.has(f.path.slice(prefix.length)),
  );
  const blobs = await options.reading.reader.readMany(edited.map((f) => f.oldOid));
  const forkTexts = new Map<string, string>();
  for (const f of edited) {
    const decoded = decodeUtf8(blobs.get(f.oldOid)!);
    if (decoded.ok) forkTexts.set(f.path.slice(prefix.length), decoded.text);
  }
  return { paths, side, forkTexts };
}

/**
 * Problems of the merged files that the head's own file does not have (a
 * line merge that leaves a key twice): the head's validation cannot see them,
 * and the base would get them. Reported at the top of the file, with where
 * they are in the merged text.
 */
export function mergedFileProblems(merged: MergedFiles, head: Side, dir: string, baseName: string): Diagnostic[] {
  const prefix = `${dir}/`;
  const ownProblems = new Set(head.loaded.diagnostics.map((d) => `${d.file}\0${d.code}`));
  return merged.side.loaded.diagnostics
    .filter(
      (d) =>
        d.file.startsWith(prefix) &&
        merged.paths.has(d.file.slice(prefix.length)) &&
        !ownProblems.has(`${d.file}\0${d.code}`),
    )
    .map((d) => ({
      ...d,
      line: 1,
      column: 1,
      message: `in the file merging this branch into the base would give (line ${d.line}): ${d.message}`,
      hint: `rebase the branch on ${baseName}, fix the file and push again`,
    }));
}
