/** Paths a revision's history once had and later deleted: what they last held, and the commit that deleted them. */
import { fetchHint } from "./revisions.js";
import { assertRevision, runGit, type GitOptions } from "./run-git.js";

/** The last deletion of a path in a revision's history. */
export interface Deletion {
  /** The blob the path held just before it was deleted. */
  oid: string;
  /** The commit that deleted it. */
  commit: string;
}

/**
 * For each of `paths` (from the repository root) deleted somewhere in the history
 * of `rev`, its most recent deletion. One `git log` over those paths only; a path
 * the history never deleted has no entry. Callers ask only for paths absent from
 * `rev` (a path present there may have been deleted and re-added).
 */
export async function lastDeletions(
  options: GitOptions & { rev: string; paths: readonly string[] },
): Promise<Map<string, Deletion>> {
  const found = new Map<string, Deletion>();
  if (options.paths.length === 0) return found;
  assertRevision(options.rev, "base");
  const out = await runGit(
    options,
    [
      "log",
      "-z",
      "--raw",
      "--no-abbrev",
      "--no-renames",
      "--diff-filter=D",
      "--format=commit %H",
      options.rev,
      "--",
      ...options.paths,
    ],
    { what: `read the deletions in the history of ${options.rev}`, next: fetchHint(options.rev) },
  );
  return parseDeletions(out);
}

/** Parse `git log -z --raw --format='commit %H'` output; the newest deletion of a path wins. */
export function parseDeletions(out: string): Map<string, Deletion> {
  const found = new Map<string, Deletion>();
  const fields = out.split("\0");
  let commit = "";
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!.replace(/^\n+/, "");
    if (field === "") continue;
    const header = /^commit ([0-9a-f]{40,64})$/.exec(field);
    if (header) {
      commit = header[1]!;
      continue;
    }
    const raw = /^:\d{6} \d{6} ([0-9a-f]+) [0-9a-f]+ D$/.exec(field);
    const path = fields[++i];
    if (!raw || path === undefined || commit === "")
      throw new Error(`unexpected output from git log: ${JSON.stringify(field.slice(0, 120))}`);
    if (!found.has(path)) found.set(path, { oid: raw[1]!, commit });
  }
  return found;
}
