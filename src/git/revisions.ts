/** Revisions: resolve them to commits, find where a branch forked, list commits between two points. */
import { GitError } from "./git-error.js";
import { assertRevision, runGit, type GitOptions } from "./run-git.js";

/** The full sha of the commit `rev` names. */
export async function resolveCommit(options: GitOptions & { rev: string; role?: string }): Promise<string> {
  const role = options.role ?? "given";
  assertRevision(options.rev, role);
  const context = { what: `find the ${role} revision ${options.rev}`, next: fetchHint(options.rev) };
  const notFound = () =>
    new GitError(`cannot find the ${role} revision ${options.rev} in this repository`, context.next);
  const out = await runGit(
    options,
    ["rev-parse", "--verify", "--end-of-options", `${options.rev}^{commit}`],
    context,
  ).catch((err: GitError) => {
    throw err.failure === "failed" ? notFound() : err;
  });
  const sha = out.trim();
  if (!/^[0-9a-f]{40,64}$/.test(sha)) throw notFound();
  return sha;
}

/**
 * The best common ancestor of `base` and `head` (both resolved first): the point a
 * pull request's diff starts from. It must be the only one: with several
 * (criss-cross merges) a change seen from one merge-base can be invisible from
 * another, and with none the branch's changes cannot be told apart; both are
 * GitErrors that say what to do, never a guess.
 */
export async function mergeBase(options: GitOptions & { base: string; head: string }): Promise<string> {
  const base = await resolveCommit({ ...options, rev: options.base, role: "base" });
  const head = await resolveCommit({ ...options, rev: options.head, role: "head" });
  return mergeBaseOfCommits({ ...options, base, head, names: { base: options.base, head: options.head } });
}

/** `mergeBase` of two commits `resolveCommit` gave already (`names`: how the user wrote them, for messages). */
export async function mergeBaseOfCommits(
  options: GitOptions & { base: string; head: string; names?: { base: string; head: string } },
): Promise<string> {
  const { base, head } = options;
  const names = options.names ?? { base, head };
  const context = {
    what: `find the merge-base of ${names.base} and ${names.head}`,
    next: `fetch the full history of both (git fetch --unshallow origin, or actions/checkout with fetch-depth: 0)`,
  };
  // With none, `git merge-base` exits 1 without a message: the answer is empty.
  const out = await runGit(options, ["merge-base", "--all", base, head], context);
  const shas = out
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const [b, h] = [shortRev(names.base), shortRev(names.head)];
  if (shas.length === 0) {
    throw new GitError(
      `the base ${b} and the head ${h} share no history: the pull request's changes cannot be told apart from the base`,
      `open the pull request from a branch of the base (git rebase ${b}), or fetch the full history of both (fetch-depth: 0)`,
    );
  }
  if (shas.length > 1) {
    throw new GitError(
      `the base ${b} and the head ${h} have ${shas.length} merge-bases (criss-cross merges): a change seen from one of them can be invisible from another, so the pull request is not judged`,
      `merge the base into the pull request's branch (git merge ${b}) and push it, so that the branch has one merge-base`,
    );
  }
  if (!/^[0-9a-f]{40,64}$/.test(shas[0]!))
    throw new Error(`unexpected output of git merge-base: ${JSON.stringify(out)}`);
  return shas[0]!;
}

/** One commit between two revisions: what `git log` says about it (never trusted for permissions). */
export interface CommitInfo {
  sha: string;
  authorName: string;
  authorEmail: string;
  /** ISO 8601 author date. */
  date: string;
  subject: string;
}

/** The commits reachable from `to` and not from `from`, newest first. */
export async function commitsBetween(options: GitOptions & { from: string; to: string }): Promise<CommitInfo[]> {
  assertRevision(options.from, "from");
  assertRevision(options.to, "to");
  const out = await runGit(
    options,
    ["log", "-z", "--format=%H%x1f%an%x1f%ae%x1f%aI%x1f%s", `${options.from}..${options.to}`, "--"],
    {
      what: `list the commits between ${options.from} and ${options.to}`,
      next: fetchHint(options.from),
    },
  );
  return out
    .split("\0")
    .map((r) => r.replace(/^\n/, ""))
    .filter((r) => r.length > 0)
    .map((record) => {
      const [sha = "", authorName = "", authorEmail = "", date = "", subject = ""] = record.split("\x1f");
      return { sha, authorName, authorEmail, date, subject };
    });
}

/** A revision for messages: a full sha shortened to 10 characters, anything else as given. */
function shortRev(rev: string): string {
  return /^[0-9a-f]{40,64}$/.test(rev) ? rev.slice(0, 10) : rev;
}

/** What to run when a revision is missing. */
export function fetchHint(rev: string): string {
  const m = /^(?:refs\/remotes\/)?([^/]+)\/(.+)$/.exec(rev);
  if (m && !/^[0-9a-f]{7,64}$/.test(rev)) return `fetch it first: git fetch ${m[1]} ${m[2]}`;
  return `fetch it first (e.g. git fetch origin ${/^[0-9a-f]{7,64}$/.test(rev) ? rev : "main"}), or check the spelling`;
}
