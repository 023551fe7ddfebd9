/** What changed between two revisions, file by file, with modes; renames are broken into a delete and an add. */
import { assertRevision, runGit, type GitOptions } from "./run-git.js";
import { fetchHint } from "./revisions.js";
import { entryTypeOfMode, refuseDuplicatePaths } from "./tree.js";
import type { EntryType } from "../model/raw-file.js";

/** How a file changed: added, deleted, modified, or its type changed (e.g. file to symlink). */
export type ChangeStatus = "added" | "deleted" | "modified" | "type-changed";

/** One changed path. */
export interface ChangedFile {
  status: ChangeStatus;
  /** Path from the repository root. */
  path: string;
  /** Git mode before (`000000` when added) and after (`000000` when deleted). */
  oldMode: string;
  newMode: string;
  oldOid: string;
  newOid: string;
  /** What the path is after the change (before it, for deletes). */
  type: EntryType;
}

const STATUS: Record<string, ChangeStatus> = { A: "added", D: "deleted", M: "modified", T: "type-changed" };

/** Every path that differs between `from` and `to` (renames and copies off), in path order. */
export async function changedFiles(options: GitOptions & { from: string; to: string }): Promise<ChangedFile[]> {
  assertRevision(options.from, "from");
  assertRevision(options.to, "to");
  const out = await runGit(
    options,
    [
      "diff-tree",
      "-r",
      "-z",
      "--no-renames",
      "--no-abbrev",
      "--no-ext-diff",
      "--no-textconv",
      options.from,
      options.to,
      "--",
    ],
    {
      what: `compare ${options.from} with ${options.to}`,
      next: fetchHint(options.from),
    },
  );
  const changes = parseRawDiff(out);
  refuseDuplicatePaths(
    changes.map((c) => c.path),
    `the comparison of ${options.from} with ${options.to}`,
  );
  return changes;
}

/** Parse `git diff-tree -r -z` raw output: `:<old mode> <new mode> <old oid> <new oid> <status>\0<path>\0`. */
export function parseRawDiff(out: string): ChangedFile[] {
  const fields = out.split("\0");
  const changes: ChangedFile[] = [];
  for (let i = 0; i < fields.length; i++) {
    const meta = fields[i]!.replace(/^\n/, "");
    if (meta === "") continue;
    const m = /^:(\d{6}) (\d{6}) ([0-9a-f]+) ([0-9a-f]+) ([A-Z])\d*$/.exec(meta);
    const path = fields[++i];
    if (!m || path === undefined) throw new Error(`unexpected line from git diff-tree: ${JSON.stringify(meta)}`);
    const [, oldMode, newMode, oldOid, newOid, letter] = m;
    const status = STATUS[letter!];
    if (!status) throw new Error(`unexpected change status ${letter} for ${path} from git diff-tree`);
    const mode = status === "deleted" ? oldMode! : newMode!;
    changes.push({
      status,
      path,
      oldMode: oldMode!,
      newMode: newMode!,
      oldOid: oldOid!,
      newOid: newOid!,
      type: entryTypeOfMode(mode),
    });
  }
  return changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
