/**
 * Read a catalog folder from the working tree into raw files, never following
 * symlinks. Reads are synchronous: for thousands of small files one thread
 * doing plain system calls is several times faster than a promise per file.
 */
import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync, readSync, type Dirent } from "node:fs";
import { ExitError } from "../diagnostics/diagnostic.js";
import { decodeUtf8 } from "../yaml/utf8.js";
import { blobId } from "../model/blob-id.js";
import { lstat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { NO_BYTES } from "../model/no-bytes.js";
import type { EntryType, RawFile } from "../model/raw-file.js";

/** Open flags: read only, and never through a symlink swapped in after the folder was listed (where the OS has the flag). */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0);

/**
 * Every entry under `dir`, recursively, as raw files in path order. Symlinks
 * and other non-regular entries are returned with their type and no content,
 * so the loader can reject them; unreadable files carry an `error`.
 */
export async function readCatalogDir(dir: string, options: ReadDirOptions = {}): Promise<RawFile[]> {
  const out: RawFile[] = [];
  // From an absolute path: a text left unread is read again later, whatever the working directory is then.
  walk(resolve(dir), "", out, {
    maxBytes: options.maxFileBytes ?? Infinity,
    ...(options.defer && { defer: options.defer }),
  });
  return out.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
}

/** Options of `readCatalogDir`. */
export interface ReadDirOptions {
  /** Files over this many bytes are not read (the loader reports their size). */
  maxFileBytes?: number;
  /**
   * Files whose bytes need not stay in memory (the content cache knows their
   * outcome): given the path and blob id, true to keep only the blob id; the
   * text is read again, and checked against the blob id, if it is ever needed.
   */
  defer?: (relPath: string, oid: string) => boolean;
}

interface WalkOptions {
  maxBytes: number;
  defer?: (relPath: string, oid: string) => boolean;
}

function walk(abs: string, rel: string, out: RawFile[], options: WalkOptions): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(abs, { withFileTypes: true });
  } catch (err) {
    // An unreadable folder is a problem of the catalog, reported like an unreadable file, not a crash.
    out.push({
      relPath: rel === "" ? "." : rel,
      bytes: NO_BYTES,
      type: "file",
      size: 0,
      error: (err as Error).message,
    });
    return;
  }
  for (const entry of entries) {
    // A catalog at its repository's root: the repository's own `.git` is not part of the catalog.
    if (rel === "" && entry.name === ".git") continue;
    const childAbs = join(abs, entry.name);
    const childRel = rel === "" ? entry.name : `${rel}/${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name === ".git") out.push({ relPath: childRel, bytes: NO_BYTES, type: "submodule", size: 0 });
      else walk(childAbs, childRel, out, options);
      continue;
    }
    const type: EntryType = entry.isFile() ? "file" : entry.isSymbolicLink() ? "symlink" : "other";
    if (type !== "file") out.push({ relPath: childRel, bytes: NO_BYTES, type, size: 0 });
    else out.push(readRegularFile(childAbs, childRel, options));
  }
}

/** Where small files are read first: most catalog files fit, and need no `fstat`. */
const SCRATCH = new Uint8Array(64 * 1024);

/** One regular file; a file over the cap is not read at all (the loader reports its size). */
function readRegularFile(abs: string, relPath: string, options: WalkOptions): RawFile {
  const { maxBytes, defer } = options;
  let fd: number | undefined;
  try {
    fd = openSync(abs, OPEN_FLAGS);
    const first = readSync(fd, SCRATCH, 0, SCRATCH.length, 0);
    if (first < SCRATCH.length) {
      if (first > maxBytes) return { relPath, bytes: NO_BYTES, type: "file", size: first };
      if (defer) {
        // Hashed where it was read: a file the cache knows is not copied, and its bytes never pile up in memory.
        const oid = blobId(SCRATCH.subarray(0, first));
        if (defer(relPath, oid))
          return {
            relPath,
            bytes: NO_BYTES,
            type: "file",
            size: first,
            oid,
            deferredText: () => readAgain(abs, relPath, oid),
          };
        return { relPath, bytes: SCRATCH.slice(0, first), type: "file", size: first, oid };
      }
      return { relPath, bytes: SCRATCH.slice(0, first), type: "file", size: first };
    }
    const { size } = fstatSync(fd);
    if (size > maxBytes) return { relPath, bytes: NO_BYTES, type: "file", size };
    const bytes = new Uint8Array(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return { relPath, bytes: read === size ? bytes : bytes.subarray(0, read), type: "file", size: read };
  } catch (err) {
    return { relPath, bytes: NO_BYTES, type: "file", size: 0, error: (err as Error).message };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The text of a file left unread, read again; it must still be the bytes that were hashed. */
function readAgain(abs: string, relPath: string, oid: string): string {
  let bytes: Uint8Array;
  try {
    const fd = openSync(abs, OPEN_FLAGS);
    try {
      bytes = readFileSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    throw new ExitError(
      2,
      `${relPath} could not be read again while validating (${(err as Error).message}): run again`,
    );
  }
  const decoded = decodeUtf8(bytes);
  if (blobId(bytes) !== oid || !decoded.ok)
    throw new ExitError(2, `${relPath} changed while mlcat was validating it: run again`);
  return decoded.text;
}

/** Whether `dir` exists and is a folder (symlinked catalog folders are refused). */
export async function isCatalogDir(dir: string): Promise<boolean> {
  try {
    return (await lstat(dir)).isDirectory();
  } catch {
    return false;
  }
}
