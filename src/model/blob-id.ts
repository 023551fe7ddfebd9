/** A file's git blob id: the identity of its bytes, the same in a working tree and in git objects. */
import { createHash } from "node:crypto";

/** The git blob id of `bytes` (`sha1("blob <size>\0" + bytes)`). */
export function blobId(bytes: Uint8Array): string {
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}
