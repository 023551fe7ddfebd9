/**
 * Texts of blobs left unread because the content cache knew their outcome.
 * When a caller knows which it will need (the files a report shows), it
 * reads them in one batch first; a text asked for without that (a check that
 * turns out to need a position in an unchanged file) is read on its own,
 * synchronously, with one short `git cat-file`.
 */
import { execFileSync } from "node:child_process";
import { decodeUtf8 } from "../yaml/utf8.js";
import type { BlobReader } from "./blob-reader.js";
import { GitError } from "./git-error.js";
import { MLCAT_GIT_CONFIG } from "./run-git.js";

/** Deferred blob texts of one repository. */
export class DeferredTexts {
  private readonly texts = new Map<string, string>();
  /** Blobs handed out by `later`: the only ones `prefetch` reads. */
  private readonly deferred = new Set<string>();
  /** Texts read one by one (for tests and tuning). */
  singleReads = 0;

  constructor(private readonly options: { cwd: string; binary?: string; reader: BlobReader }) {}

  /** A function that returns the text of blob `oid` (read when first called). */
  later(oid: string): () => string {
    this.deferred.add(oid);
    return () => this.text(oid);
  }

  /** Read the texts of those of `oids` left unread, in one batch. */
  async prefetch(oids: Iterable<string>): Promise<void> {
    const wanted = [...new Set(oids)].filter((oid) => this.deferred.has(oid) && !this.texts.has(oid));
    if (wanted.length === 0) return;
    const blobs = await this.options.reader.readMany(wanted);
    for (const [oid, bytes] of blobs) this.texts.set(oid, decode(oid, bytes));
  }

  private text(oid: string): string {
    let text = this.texts.get(oid);
    if (text === undefined) {
      this.singleReads++;
      text = decode(oid, readOne(oid, this.options));
      this.texts.set(oid, text);
    }
    return text;
  }
}

function readOne(oid: string, options: { cwd: string; binary?: string }): Uint8Array {
  if (!/^[0-9a-f]{40,64}$/.test(oid)) throw new GitError(`not a blob id: ${oid}`, "check the repository");
  try {
    const config = MLCAT_GIT_CONFIG.flatMap((c) => ["-c", c]);
    return execFileSync(options.binary ?? "git", [...config, "cat-file", "blob", oid], {
      cwd: options.cwd,
      maxBuffer: 1 << 30,
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (err) {
    throw new GitError(
      `git could not read blob ${oid}: ${(err as Error).message}`,
      "check that the repository is complete (not a shallow or partial clone missing objects)",
    );
  }
}

function decode(oid: string, bytes: Uint8Array): string {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok)
    throw new GitError(
      `blob ${oid} is not valid UTF-8, but the content cache said it was`,
      "remove the content cache folder and run again",
    );
  return decoded.text;
}
