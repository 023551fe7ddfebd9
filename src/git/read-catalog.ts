/** A catalog folder as raw files, read from git objects at a revision (not the working tree), with file modes. */
import { NO_BYTES } from "../model/no-bytes.js";
import type { RawFile } from "../model/raw-file.js";
import type { Entity } from "../model/entity.js";
import { BlobReader } from "./blob-reader.js";
import type { GitOptions } from "./run-git.js";
import { listTreeAt, type TreeEntry } from "./tree.js";

/** Options of `readCatalogAt`. */
export interface ReadCatalogOptions extends GitOptions {
  rev: string;
  /** The catalog folder from the repository root (default `catalog`). */
  dir?: string;
  /** A running blob reader to share between reads (one is started and closed when omitted). */
  reader?: BlobReader;
  /** Read only the files whose catalog-relative path passes (others are left out); every non-regular entry is always kept. */
  include?: (relPath: string) => boolean;
  /** Files over this many bytes are not read (the loader reports their size). */
  maxFileBytes?: number;
  /** The tree, when already listed with `listTreeAt` for `dir`. */
  entries?: readonly TreeEntry[];
  /**
   * Files that may be left unread (the content cache knows their outcome):
   * returns how to read the text later, or undefined to read the file now.
   */
  deferred?: (relPath: string, oid: string) => (() => string) | undefined;
  /**
   * Files whose entity is built already (from the content cache; `shared`
   * when another load built it from the same blob): that entity, taken as
   * it is with nothing read, or undefined.
   */
  built?: (relPath: string, oid: string) => { entity: Entity; shared: boolean } | undefined;
}

/**
 * The files under `dir` at `rev`, as the loader takes them: paths relative to
 * the catalog folder; symlinks (mode 120000), submodules (160000) and other
 * non-regular entries are returned with their type and no content.
 */
export async function readCatalogAt(options: ReadCatalogOptions): Promise<RawFile[]> {
  const dir = (options.dir ?? "catalog").replace(/\/+$/, "");
  const entries = options.entries ?? (await listTreeAt({ ...options, dir }));
  const prefix = dir === "" || dir === "." ? "" : `${dir}/`;
  const maxBytes = options.maxFileBytes ?? Infinity;
  const wanted: Array<{ relPath: string; entry: TreeEntry }> = [];
  for (const entry of entries) {
    if (!entry.path.startsWith(prefix)) continue;
    const relPath = entry.path.slice(prefix.length);
    if (entry.type !== "file" || !options.include || options.include(relPath)) wanted.push({ relPath, entry });
  }
  const later = new Map<string, () => string>();
  const built = new Map<string, { entity: Entity; shared: boolean }>();
  const toRead: string[] = [];
  for (const { relPath, entry } of wanted) {
    if (entry.type !== "file" || entry.size > maxBytes) continue;
    const ready = options.built?.(relPath, entry.oid);
    if (ready) {
      built.set(relPath, ready);
      continue;
    }
    const read = options.deferred?.(relPath, entry.oid);
    if (read) later.set(relPath, read);
    else toRead.push(entry.oid);
  }
  const reader = options.reader ?? BlobReader.open(options);
  try {
    const blobs = await reader.readMany(toRead);
    return wanted.map(({ relPath, entry }): RawFile => {
      if (entry.type !== "file") return { relPath, bytes: NO_BYTES, type: entry.type, size: entry.size };
      const ready = built.get(relPath);
      if (ready) return { relPath, bytes: NO_BYTES, type: "file", size: entry.size, oid: entry.oid, built: ready };
      const read = later.get(relPath);
      if (read) return { relPath, bytes: NO_BYTES, type: "file", size: entry.size, oid: entry.oid, deferredText: read };
      return {
        relPath,
        bytes: blobs.get(entry.oid) ?? NO_BYTES,
        type: "file",
        size: entry.size,
        ...(entry.size <= maxBytes && { oid: entry.oid }),
      };
    });
  } finally {
    if (!options.reader) await reader.close();
  }
}
