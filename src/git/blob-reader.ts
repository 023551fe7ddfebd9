/**
 * Read many blobs through ONE long-lived `git cat-file --batch` process:
 * requests are written to its stdin, answers parsed from its stdout in order.
 * (simple-git runs one process per command and cannot stream, so this one
 * process is started here, still inside the git module.)
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { GitError, toGitError } from "./git-error.js";
import { MLCAT_GIT_CONFIG, type GitOptions } from "./run-git.js";

interface Pending {
  oid: string;
  type: "blob" | "commit";
  resolve: (bytes: Uint8Array) => void;
  reject: (err: Error) => void;
}

/** A running `git cat-file --batch`. Close it when done. */
export class BlobReader {
  private readonly proc: ChildProcessWithoutNullStreams;
  private readonly queue: Pending[] = [];
  private buffer: Buffer = Buffer.alloc(0);
  private stderr = "";
  private failure: GitError | undefined;

  private constructor(options: GitOptions) {
    const config = MLCAT_GIT_CONFIG.flatMap((c) => ["-c", c]);
    this.proc = spawn(options.binary ?? "git", [...config, "cat-file", "--batch"], {
      cwd: options.cwd,
      stdio: ["pipe", "pipe", "pipe"],
    });
    this.proc.stdout.on("data", (chunk: Buffer) => this.onData(chunk));
    this.proc.stderr.on("data", (chunk: Buffer) => (this.stderr += chunk.toString("utf8")));
    this.proc.stdin.on("error", () => {}); // reported through "close" or "error"
    this.proc.on("error", (err) =>
      this.fail(toGitError(err, { what: "read files from git objects", next: "check that git works" })),
    );
    this.proc.on("close", (code) => {
      // Every read from now on fails too: a request written to a dead process would never be answered.
      this.fail(
        toGitError(new Error(this.stderr || `git cat-file exited with code ${code}`), {
          what: "read files from git objects",
          next: "check that the repository is not corrupt (git fsck)",
        }),
      );
    });
  }

  /** Start the process in `options.cwd`. */
  static open(options: GitOptions): BlobReader {
    return new BlobReader(options);
  }

  /** The content of the blob `oid` (or of the object of another `type`: a commit's headers and message). */
  read(oid: string, type: "blob" | "commit" = "blob"): Promise<Uint8Array> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ oid, type, resolve, reject });
      this.proc.stdin.write(`${oid}\n`);
    });
  }

  /** The contents of many blobs, requested at once (pipelined), keyed by oid. */
  async readMany(oids: Iterable<string>): Promise<Map<string, Uint8Array>> {
    const unique = [...new Set(oids)];
    const contents = await Promise.all(unique.map((oid) => this.read(oid)));
    return new Map(unique.map((oid, i) => [oid, contents[i]!]));
  }

  /** End the process (pending reads fail). */
  async close(): Promise<void> {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      this.proc.once("close", () => resolve());
      this.proc.stdin.end();
    });
  }

  private onData(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    while (this.queue.length > 0) {
      const eol = this.buffer.indexOf(10);
      if (eol < 0) return;
      const header = this.buffer.subarray(0, eol).toString("utf8");
      const head = this.queue[0]!;
      if (header.endsWith(" missing") || header.endsWith(" ambiguous")) {
        this.queue.shift();
        this.buffer = this.buffer.subarray(eol + 1);
        head.reject(
          new GitError(
            `git object ${head.oid} is missing from this repository`,
            "fetch the pull request's commits first (git fetch origin <sha>)",
          ),
        );
        continue;
      }
      const m = /^([0-9a-f]+) (\w+) (\d+)$/.exec(header);
      if (!m)
        return this.fail(
          new GitError(`unexpected answer from git cat-file: ${JSON.stringify(header)}`, "check that git works"),
        );
      const size = Number(m[3]);
      if (this.buffer.length < eol + 1 + size + 1) return;
      const bytes = new Uint8Array(this.buffer.subarray(eol + 1, eol + 1 + size));
      this.buffer = this.buffer.subarray(eol + 1 + size + 1);
      this.queue.shift();
      if (m[2] !== head.type)
        head.reject(
          new GitError(
            `git object ${head.oid} is a ${m[2]}, not a ${head.type === "blob" ? "file" : head.type}`,
            `report this: mlcat asked for a ${head.type}`,
          ),
        );
      else head.resolve(bytes);
    }
  }

  private fail(err: GitError): void {
    this.failure ??= err;
    for (const p of this.queue.splice(0)) p.reject(this.failure);
  }
}
