/** A file of the catalog as bytes, from the working tree or from git objects. */
import type { Entity } from "./entity.js";

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
  /** The file's git blob id, when known without hashing (files read from git objects). */
  oid?: string;
  /**
   * Set for a file left unread because the content cache knows its outcome
   * (`bytes` is then empty): reads its text when something needs it.
   */
  deferredText?: () => string;
  /**
   * Set for a file left unread because its entity is built already, from the
   * content cache: the builder takes it as it is. `shared` when another load
   * built it from this very blob at this path (a pull request's head, for
   * its base): nothing of this load may change it.
   */
  built?: { entity: Entity; shared: boolean };
}
