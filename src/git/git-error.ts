/** Git failures, each with what to do next. The CLI prints them and exits 2: a git failure never passes a check. */

/** Why git failed: git missing, not a repository, no such folder, or the command itself failed. */
export type GitFailure = "missing-git" | "not-a-repository" | "no-folder" | "failed";

/** A git command failed, or git is missing. `hint` says what to do next. */
export class GitError extends Error {
  override name = "GitError";
  constructor(
    message: string,
    readonly hint: string,
    readonly failure: GitFailure = "failed",
  ) {
    super(message);
  }
}

/** What was being done, for messages: e.g. `read the tree of origin/main`. */
export interface GitFailureContext {
  what: string;
  /** What to do next when git itself reported an error. */
  next: string;
}

/** Turn anything a git call threw into a GitError that says what to do next. */
export function toGitError(err: unknown, context: GitFailureContext): GitError {
  if (err instanceof GitError) return err;
  const text = err instanceof Error ? err.message : String(err);
  if (/ENOENT/.test(text) && /spawn/.test(text)) {
    return new GitError(
      `git is not installed or not on PATH (needed to ${context.what})`,
      "install git and make sure `git --version` works in this shell",
      "missing-git",
    );
  }
  if (/not a git repository/i.test(text)) {
    return new GitError(
      `cannot ${context.what}: the folder is not a git repository`,
      "run mlcat in the repository's folder, or pass --repo <dir>",
      "not-a-repository",
    );
  }
  if (/does not exist/i.test(text) && /directory/i.test(text)) return noFolderError(context);
  const detail = firstLine(text);
  return new GitError(`cannot ${context.what}: ${detail}`, context.next);
}

/** The repository folder given does not exist. */
export function noFolderError(context: Pick<GitFailureContext, "what">): GitError {
  return new GitError(
    `cannot ${context.what}: the repository folder does not exist`,
    "pass an existing folder with --repo <dir>",
    "no-folder",
  );
}

function firstLine(text: string): string {
  const line = text
    .split("\n")
    .map((l) => l.trim())
    .find((l) => l.length > 0);
  return (line ?? "git failed").replace(/^fatal:\s*/, "");
}
