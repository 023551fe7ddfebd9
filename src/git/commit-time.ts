/** When a commit was made, as its committer line records it (commit metadata: a bound, never an identity). */
import type { BlobReader } from "./blob-reader.js";
import { GitError } from "./git-error.js";

/** The committer time of commit `oid`, in milliseconds since the epoch. */
export async function committerTime(reader: BlobReader, oid: string): Promise<number> {
  return parseCommitterTime(new TextDecoder().decode(await reader.read(oid, "commit")), oid);
}

/** The committer time in a commit object's headers (`committer Name <email> 1767225600 +0100`). */
export function parseCommitterTime(text: string, oid = "the commit"): number {
  const end = text.indexOf("\n\n");
  const headers = end < 0 ? text : text.slice(0, end);
  const m = /^committer .* (\d+) [+-]\d{4}$/m.exec(headers);
  if (!m)
    throw new GitError(
      `git commit ${oid} has no committer time`,
      "check that the repository is not damaged (git fsck)",
    );
  return Number(m[1]) * 1000;
}
