/**
 * What git knows of objects, from ONE long-lived `git cat-file --batch-check`:
 * the commit a revision names and the sizes of blobs, asked as the check
 * goes (starting a git process costs a large process more than the answer).
 * Requests are written to its stdin, one line each; answers come back in
 * order, one line each. Like every mlcat git command, it never reads through
 * replacement refs.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { statSync } from "node:fs";
import { GitError, noFolderError, toGitError, type GitFailureContext } from "./git-error.js";
import { fetchHint } from "./revisions.js";
import { assertRevision, MLCAT_GIT_CONFIG, type GitOptions } from "./run-git.js";

/** An object git found: its id, type and size in bytes; or why it found none. */
export type ObjectAnswer = { oid: string; type: string; size: number } | { missing: true; ambiguous: boolean };

interface Pending {
  resolve: (answer: ObjectAnswer) => void;
  reject: (err: GitError) => void;
}

const CONTEXT: GitFailureContext = {
  what: "look up git objects",
  next: "check that the repository is not corrupt (git fsck)",
};
const FOUND = /^([0-9a-f]{40,64}) ([a-z]+) (\d+)$/;

/** A running `git cat-file --batch-check`. Close it when done. */
export class ObjectInfo {
  private readonly proc: ChildProcessWithoutNullStreams | undefined;
  private readonly queue: Pending[] = [];
  private buffer = "";
  private stderr = "";
  private failure: GitError | undefined;

  private constructor(options: GitOptions) {
    // A missing folder would be reported by the spawn as a missing git: say what it is.
    if (!isFolder(options.cwd)) {
      this.failure = noFolderError(CONTEXT);
      return;
    }
    const config = MLCAT_GIT_CONFIG.flatMap((c) => ["-c", c]);
    this.proc = spawn(options.binary ?? "git", [...config, "cat-file", "--batch-check"], {
      cwd: options.cwd,
      stdio: ["pipe", "pipe", "pipe"],
    });
    this.proc.stdout.setEncoding("utf8").on("data", (chunk: string) => this.onData(chunk));
    this.proc.stderr.setEncoding("utf8").on("data", (chunk: string) => (this.stderr += chunk));
    this.proc.stdin.on("error", () => {}); // reported through "close" or "error"
    this.proc.on("error", (err) => this.fail(toGitError(err, { what: CONTEXT.what, next: "check that git works" })));
    this.proc.on("close", (code) => {
      // Every request from now on fails too: one written to a dead process would never be answered.
      this.fail(toGitError(new Error(this.stderr || `git cat-file exited with code ${code}`), CONTEXT));
    });
  }

  /** Start the process in `options.cwd`. */
  static open(options: GitOptions): ObjectInfo {
    return new ObjectInfo(options);
  }

  /** What git finds for `name` (an object id, or any revision expression; never one with a newline). */
  ask(name: string): Promise<ObjectAnswer> {
    if (/[\n\0]/.test(name))
      return Promise.reject(
        new GitError(
          `invalid object name ${JSON.stringify(name)}`,
          "report this: mlcat asked git for an object by a name with a newline",
        ),
      );
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ resolve, reject });
      this.proc!.stdin.write(`${name}\n`);
    });
  }

  /** End the process (pending requests fail). */
  async close(): Promise<void> {
    const proc = this.proc;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      proc.once("close", () => resolve());
      proc.stdin.end();
    });
  }

  private onData(chunk: string): void {
    // An answer nobody asked for: the process does not speak the protocol (a wrapper around git?). Trust nothing more.
    if (this.queue.length === 0)
      return this.fail(
        new GitError(
          `unexpected output from git cat-file: ${JSON.stringify(chunk.slice(0, 80))}`,
          "check that git works",
        ),
      );
    this.buffer += chunk;
    let eol: number;
    while (this.queue.length > 0 && (eol = this.buffer.indexOf("\n")) >= 0) {
      const line = this.buffer.slice(0, eol);
      this.buffer = this.buffer.slice(eol + 1);
      const m = FOUND.exec(line);
      const answer: ObjectAnswer | undefined = m
        ? { oid: m[1]!, type: m[2]!, size: Number(m[3]) }
        : line.endsWith(" missing") || line.endsWith(" ambiguous")
          ? { missing: true, ambiguous: line.endsWith(" ambiguous") }
          : undefined;
      if (!answer)
        return this.fail(
          new GitError(`unexpected answer from git cat-file: ${JSON.stringify(line)}`, "check that git works"),
        );
      this.queue.shift()!.resolve(answer);
    }
    if (this.queue.length === 0 && this.buffer !== "")
      this.fail(
        new GitError(
          `unexpected output from git cat-file: ${JSON.stringify(this.buffer.slice(0, 80))}`,
          "check that git works",
        ),
      );
  }

  private fail(err: GitError): void {
    this.failure ??= err;
    for (const p of this.queue.splice(0)) p.reject(this.failure);
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The full id of the commit `rev` names (as `git rev-parse --verify <rev>^{commit}`), with what to do when there is none. */
export async function commitOf(info: ObjectInfo, rev: string, role: string): Promise<string> {
  assertRevision(rev, role);
  const notFound = (detail = "") =>
    new GitError(`cannot find the ${role} revision ${rev} in this repository${detail}`, fetchHint(rev));
  // Some revisions make git itself give up (`main@{u}` without an upstream, a reflog entry that is not there):
  // the process ends, and with it every later request. For this one, that means it names nothing.
  const answer = await info.ask(`${rev}^{commit}`).catch((err: GitError) => {
    throw err.failure === "failed" ? notFound() : err;
  });
  if ("missing" in answer || answer.type !== "commit")
    throw notFound("missing" in answer && answer.ambiguous ? " (the name is ambiguous)" : "");
  return answer.oid;
}

/** The size in bytes of each blob in `oids`; a missing object or one that is not a blob is an error. */
export async function blobSizesOf(info: ObjectInfo, oids: Iterable<string>): Promise<Map<string, number>> {
  const unique = [...new Set(oids)];
  const answers = await Promise.all(unique.map((oid) => info.ask(oid)));
  const sizes = new Map<string, number>();
  answers.forEach((answer, i) => {
    const oid = unique[i]!;
    if ("missing" in answer || answer.oid !== oid) {
      throw new GitError(
        `git object ${oid} is missing from this repository`,
        "fetch the pull request's commits first (git fetch origin <sha>)",
      );
    }
    if (answer.type !== "blob")
      throw new GitError(`git object ${oid} is a ${answer.type}, not a file`, "report this: mlcat asked for a file");
    sizes.set(oid, answer.size);
  });
  return sizes;
}
