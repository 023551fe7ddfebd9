/** Read a catalog folder from the working tree into raw files, never following symlinks. */
import { lstat, readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import type { EntryType, RawFile } from "./raw-file.js";

/**
 * Every entry under `dir`, recursively, as raw files in path order. Symlinks
 * and other non-regular entries are returned with their type and no content,
 * so the loader can reject them; unreadable files carry an `error`.
 */
export async function readCatalogDir(dir: string, options: { maxFileBytes?: number } = {}): Promise<RawFile[]> {
  const out: RawFile[] = [];
  await walk(dir, "", out, options.maxFileBytes ?? Infinity);
  return out.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
}

async function walk(abs: string, rel: string, out: RawFile[], maxBytes: number): Promise<void> {
  const entries = await readdir(abs, { withFileTypes: true });
  await Promise.all(
    entries.map(async (entry) => {
      const childAbs = join(abs, entry.name);
      const childRel = rel === "" ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name === ".git") {
          out.push({ relPath: childRel, bytes: new Uint8Array(), type: "submodule", size: 0 });
          return;
        }
        await walk(childAbs, childRel, out, maxBytes);
        return;
      }
      const type: EntryType = entry.isFile() ? "file" : entry.isSymbolicLink() ? "symlink" : "other";
      if (type !== "file") {
        out.push({ relPath: childRel, bytes: new Uint8Array(), type, size: 0 });
        return;
      }
      try {
        const { size } = await lstat(childAbs);
        // A file over the cap is not read at all: the loader reports its size.
        const bytes = size > maxBytes ? new Uint8Array() : await readFile(childAbs);
        out.push({ relPath: childRel, bytes, type, size });
      } catch (err) {
        out.push({ relPath: childRel, bytes: new Uint8Array(), type, size: 0, error: (err as Error).message });
      }
    }),
  );
}

/** Whether `dir` exists and is a folder (symlinked catalog folders are refused). */
export async function isCatalogDir(dir: string): Promise<boolean> {
  try {
    return (await lstat(dir)).isDirectory();
  } catch {
    return false;
  }
}
