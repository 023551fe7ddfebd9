/**
 * The first bytes of one blob, from `git cat-file blob`, stopped once enough
 * were read: the secret scan reads the blobs of the few files whose patch is
 * not text (a UTF-16 file), and a large binary file must not be held whole.
 */
import { spawn } from "node:child_process";
import { GitError, toGitError } from "./git-error.js";
import { MLCAT_GIT_CONFIG, type GitOptions } from "./run-git.js";

/** Up to `maxBytes` bytes from the start of blob `oid` (all of it when it is shorter). Git failures throw GitError. */
export async function readBlobPrefix(options: GitOptions, oid: string, maxBytes: number): Promise<Uint8Array> {
  if (!/^[0-9a-f]{40,64}$/.test(oid))
    throw new GitError(
      `not a blob id: ${JSON.stringify(oid)}`,
      "report this: mlcat asked git for a file by a malformed id",
    );
  if (maxBytes <= 0) return new Uint8Array();
  const context = {
    what: `read blob ${oid}`,
    next: "check that the repository is complete (fetch the pull request's commits; not a shallow or partial clone missing objects)",
  };
  const config = MLCAT_GIT_CONFIG.flatMap((c) => ["-c", c]);
  const proc = spawn(options.binary ?? "git", [...config, "cat-file", "blob", oid], {
    cwd: options.cwd,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const parts: Buffer[] = [];
  let size = 0;
  let enough = false;
  let stderr = "";
  proc.stdout.on("data", (chunk: Buffer) => {
    if (enough) return;
    const kept = chunk.length > maxBytes - size ? chunk.subarray(0, maxBytes - size) : chunk;
    parts.push(kept);
    size += kept.length;
    if (size >= maxBytes) {
      // The rest is not wanted: stop git rather than read it.
      enough = true;
      proc.kill();
    }
  });
  proc.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const code = await new Promise<number | null>((resolve, reject) => {
    proc.on("error", (err) => reject(toGitError(err, context)));
    proc.on("close", resolve);
  });
  if (!enough && code !== 0) throw toGitError(new Error(stderr || `git cat-file exited with code ${code}`), context);
  return new Uint8Array(Buffer.concat(parts, size));
}
