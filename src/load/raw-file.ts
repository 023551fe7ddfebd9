/** A file of the catalog as bytes, from the working tree or from git objects. */

/** What sort of entry a path is. Only `file` entries are ever parsed. */
export type EntryType = "file" | "symlink" | "submodule" | "other";

/** One raw catalog file. */
export interface RawFile {
  /** Path relative to the catalog folder, POSIX separators. */
  relPath: string;
  /** File content; empty for entries that are not regular files. */
  bytes: Uint8Array;
  type: EntryType;
  /** Size in bytes; may exceed `bytes.length` when a file over the size cap was not read. */
  size: number;
  /** Set when the file could not be read: the reason, shown to the user. */
  error?: string;
}
