/**
 * What a pull request changes, two ways: the branch's own changes (merge-base
 * to head: what the contributor edited, where annotations go) and what
 * merging it would change on the base (base to the merge result: what is
 * judged). When the base has not moved since the branch forked the two are
 * one diff, the merge result is the head, and no merge is computed.
 */
import { changedFiles, type ChangedFile } from "../git/changed-files.js";
import { mergeTreeOf, type ConflictedPath } from "../git/merge-tree.js";
import type { GitOptions } from "../git/run-git.js";

/** The diffs of a pull request. */
export interface PullRequestDiffs {
  /** Merge-base to head: the branch's own changes. */
  own: ChangedFile[];
  /** Base to the merge result: the changes judged (empty when the merge conflicts). */
  judged: ChangedFile[];
  /** The merge result's tree, when the base moved since the branch forked (the head is the merge result otherwise). */
  mergeTree?: string;
  /** Set when the branch does not merge cleanly into the base: the paths in conflict. */
  conflicts?: ConflictedPath[];
}

/** The diffs of the pull request from `base` to `head` whose merge-base is `fork`; `sinceBase` is base to head, computed already. */
export async function pullRequestDiffs(
  options: GitOptions & { base: string; head: string; fork: string; sinceBase: ChangedFile[] },
): Promise<PullRequestDiffs> {
  const { base, head, fork, sinceBase } = options;
  const git = { cwd: options.cwd, ...(options.binary !== undefined && { binary: options.binary }) };
  if (fork === base) return { own: sinceBase, judged: sinceBase };
  const [own, merged] = await Promise.all([
    changedFiles({ ...git, from: fork, to: head }),
    mergeTreeOf({ ...git, first: base, second: head }),
  ]);
  if (!merged.clean) return { own, judged: [], mergeTree: merged.tree, conflicts: merged.conflicts };
  return { own, judged: await changedFiles({ ...git, from: base, to: merged.tree }), mergeTree: merged.tree };
}
