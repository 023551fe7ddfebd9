/**
 * The tree merging two commits would produce, made by git's own merge
 * (merge-ort, as `git merge` and a merge on GitHub make it) with
 * `git merge-tree --write-tree` (git 2.38 or later): no branch, index or
 * working tree is touched. Its objects (merged files and trees) are written
 * into the repository's object store, unreachable from any ref, where
 * `git gc` prunes them in time, as it does those of an abandoned merge.
 */
import { spawn } from "node:child_process";
import { GitError, toGitError } from "./git-error.js";
import { assertRevision, MLCAT_GIT_CONFIG, type GitOptions } from "./run-git.js";

/** A path the merge could not resolve, with the sides git found there: 1 the merge-base, 2 the first commit, 3 the second. */
export interface ConflictedPath {
  /** Path from the repository root. */
  path: string;
  stages: number[];
}

/** What merging two commits gives. */
export interface MergeTree {
  /** The merged tree's id (with conflict markers in conflicted files, when there are conflicts). */
  tree: string;
  /** Whether git merged without a conflict. */
  clean: boolean;
  /** The paths in conflict, in path order (empty when the merge is clean). */
  conflicts: ConflictedPath[];
}

/**
 * Merge `second` into `first` (commits, as `resolveCommit` gives them) the way
 * `git merge` would, and say what tree that gives and where it conflicts.
 * Several merge-bases are merged recursively by git: callers that refuse them
 * (`mergeBaseOfCommits`) must do so first.
 */
export async function mergeTreeOf(options: GitOptions & { first: string; second: string }): Promise<MergeTree> {
  assertRevision(options.first, "base");
  assertRevision(options.second, "head");
  const context = {
    what: `merge ${options.second} into ${options.first}`,
    next: "check that both commits are in this repository (git fetch) and that the repository is writable",
  };
  const config = MLCAT_GIT_CONFIG.flatMap((c) => ["-c", c]);
  const args = [...config, "merge-tree", "--write-tree", "-z", "--no-messages", options.first, options.second];
  const proc = spawn(options.binary ?? "git", args, { cwd: options.cwd, stdio: ["ignore", "pipe", "pipe"] });
  const out: Buffer[] = [];
  let stderr = "";
  proc.stdout.on("data", (chunk: Buffer) => out.push(chunk));
  proc.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const code = await new Promise<number | null>((resolve, reject) => {
    proc.on("error", (err) => reject(toGitError(err, context)));
    proc.on("close", resolve);
  });
  // 0: clean; 1: conflicts. Anything else is a failure; git before 2.38 does not know --write-tree.
  if (code === 129 || /unknown option [`']write-tree'/.test(stderr)) {
    throw new GitError(
      `cannot ${context.what}: this git has no \`git merge-tree --write-tree\` (git 2.38 or later is needed)`,
      "upgrade git to 2.38 or later (git --version)",
    );
  }
  if (code !== 0 && code !== 1)
    throw toGitError(new Error(stderr || `git merge-tree exited with code ${code}`), context);
  const { tree, conflicts } = parseMergeTree(Buffer.concat(out).toString("utf8"));
  if (code === 0 && conflicts.length > 0)
    throw new GitError(
      "unexpected output from git merge-tree: a clean merge that lists conflicts",
      "check that git works",
    );
  return { tree, clean: code === 0, conflicts };
}

/** Parse `git merge-tree --write-tree -z --no-messages` output: `<tree>\0`, then `<mode> <oid> <stage>\t<path>\0` per conflicted entry. */
export function parseMergeTree(out: string): Omit<MergeTree, "clean"> {
  const records = out.split("\0");
  const tree = records[0] ?? "";
  if (!/^[0-9a-f]{40,64}$/.test(tree))
    throw new GitError(
      `unexpected output from git merge-tree: ${JSON.stringify(out.slice(0, 80))}`,
      "check that git works",
    );
  const byPath = new Map<string, number[]>();
  for (const record of records.slice(1)) {
    if (record === "") continue;
    const m = /^\d{6} [0-9a-f]{40,64} ([123])\t([^]*)$/.exec(record);
    if (!m)
      throw new GitError(
        `unexpected conflict entry from git merge-tree: ${JSON.stringify(record.slice(0, 120))}`,
        "check that git works",
      );
    const path = m[2]!;
    byPath.set(path, [...(byPath.get(path) ?? []), Number(m[1])]);
  }
  const conflicts = [...byPath].map(([path, stages]) => ({ path, stages: [...new Set(stages)].sort() }));
  conflicts.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { tree, conflicts };
}
