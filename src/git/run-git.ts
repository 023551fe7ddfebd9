/** The one place mlcat starts short git commands (through simple-git). */
import { simpleGit, type SimpleGit } from "simple-git";
import { toGitError, type GitFailureContext } from "./git-error.js";

/** Where and how to run git. */
export interface GitOptions {
  /** The repository folder (any folder inside the work tree). */
  cwd: string;
  /** The git executable (default `git` on PATH); tests point it elsewhere. */
  binary?: string;
}

/**
 * Git configuration every mlcat git command runs with: objects are read as they
 * are, never through replacements (`refs/replace/*`, which anyone who can push a
 * ref could add to swap the base's roles for their own); and the output mlcat
 * parses is git's alone, with no signature checks mixed in where the user's
 * configuration asks `git log` to show them (`log.showSignature`).
 */
export const MLCAT_GIT_CONFIG: readonly string[] = ["core.useReplaceRefs=false", "log.showSignature=false"];

/** A simple-git instance for `options.cwd`; a missing folder becomes a GitError. */
export function openGit(options: GitOptions, context: GitFailureContext): SimpleGit {
  try {
    return simpleGit({
      baseDir: options.cwd,
      binary: options.binary ?? "git",
      maxConcurrentProcesses: 4,
      trimmed: false,
      config: [...MLCAT_GIT_CONFIG],
      // simple-git warns about (and will block) config keys it does not list as safe: these keys, and only these, are allowed.
      allowConfig: MLCAT_GIT_CONFIG.map((c) => c.slice(0, c.indexOf("="))),
    });
  } catch (err) {
    throw toGitError(err, context);
  }
}

/** Run `git <args>` and return its standard output; failures become GitErrors that say what to do next. */
export async function runGit(
  options: GitOptions,
  args: readonly string[],
  context: GitFailureContext,
): Promise<string> {
  const git = openGit(options, context);
  try {
    return await git.raw([...args]);
  } catch (err) {
    throw toGitError(err, context);
  }
}

/** Refuse revision arguments git could read as options (`--output=...`). */
export function assertRevision(rev: string, role: string): void {
  if (rev === "" || rev.startsWith("-") || /[\0\n]/.test(rev)) {
    throw toGitError(new Error(`invalid ${role} revision ${JSON.stringify(rev)}`), {
      what: `use the ${role} revision`,
      next: `pass a branch, tag or commit sha as the ${role} (e.g. origin/main)`,
    });
  }
}
