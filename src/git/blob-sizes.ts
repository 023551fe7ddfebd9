/**
 * The sizes of many blobs from ONE `git cat-file --batch-check` (no content
 * is read): for the entries of a tree that is derived from another tree and
 * a diff, which gives blob ids but no sizes.
 */
import { spawn } from "node:child_process";
import { GitError, toGitError } from "./git-error.js";
import { TRUSTED_OBJECTS_CONFIG, type GitOptions } from "./run-git.js";

/** The size in bytes of each blob in `oids`; a missing object or one that is not a blob is an error. */
export async function blobSizes(options: GitOptions, oids: Iterable<string>): Promise<Map<string, number>> {
  const unique = [...new Set(oids)];
  const sizes = new Map<string, number>();
  if (unique.length === 0) return sizes;
  const out = await batchCheck(options, unique);
  const lines = out.split("\n").filter((l) => l !== "");
  if (lines.length !== unique.length) throw new GitError(`git cat-file --batch-check answered ${lines.length} of ${unique.length} objects`, "check that git works");
  lines.forEach((line, i) => {
    const oid = unique[i]!;
    const m = /^([0-9a-f]+) (\w+) (\d+)$/.exec(line);
    if (!m || m[1] !== oid) {
      throw new GitError(`git object ${oid} is missing from this repository`, "fetch the pull request's commits first (git fetch origin <sha>)");
    }
    if (m[2] !== "blob") throw new GitError(`git object ${oid} is a ${m[2]}, not a file`, "report this: mlcat asked for a file");
    sizes.set(oid, Number(m[3]));
  });
  return sizes;
}

function batchCheck(options: GitOptions, oids: readonly string[]): Promise<string> {
  const context = { what: "read file sizes from git objects", next: "check that the repository is not corrupt (git fsck)" };
  return new Promise((resolve, reject) => {
    const config = TRUSTED_OBJECTS_CONFIG.flatMap((c) => ["-c", c]);
    const proc = spawn(options.binary ?? "git", [...config, "cat-file", "--batch-check"], { cwd: options.cwd, stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    let err = "";
    proc.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    proc.stderr.on("data", (chunk: Buffer) => (err += chunk.toString("utf8")));
    proc.stdin.on("error", () => {}); // reported through "close" or "error"
    proc.on("error", (e) => reject(toGitError(e, context)));
    proc.on("close", (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString("utf8"));
      else reject(toGitError(new Error(err || `git cat-file exited with code ${code}`), context));
    });
    proc.stdin.end(oids.map((o) => `${o}\n`).join(""));
  });
}
