/**
 * The path shown for a catalog file: the catalog folder's display path
 * joined with the file's path in it. Exactly what `posix.join` gives (the
 * tests compare), without normalising again the usual plain paths: a large
 * catalog joins tens of thousands of them.
 */
import { posix } from "node:path";

/** A relative path with no empty, `.` or `..` segment. */
const PLAIN = /^(?!\/)(?!.*\/\/)(?!(?:.*\/)?\.\.?(?:\/|$)).+$/;

let lastRoot: string | undefined;
let lastRootPlain = false;

/** Whether `root` is its own normal form, without a trailing `/` and not `.`. */
function plainRoot(root: string): boolean {
  if (root !== lastRoot) {
    lastRoot = root;
    lastRootPlain = root !== "" && root !== "." && !root.endsWith("/") && posix.normalize(root) === root;
  }
  return lastRootPlain;
}

/** `posix.join(root, relPath)`. */
export function displayPath(root: string, relPath: string): string {
  return plainRoot(root) && PLAIN.test(relPath) ? `${root}/${relPath}` : posix.join(root, relPath);
}
