/** A planned change to a catalog: files to create and files to edit, written together. */
import type { FileContent } from "./write-files.js";

/** One file a command will write. */
export interface FileChange {
  /** Path relative to the catalog folder, POSIX separators. */
  relPath: string;
  /** `create` never replaces an existing file; `update` replaces one in place. */
  mode: "create" | "update";
  content: FileContent;
}

/** What a command will write, and what to tell the user about it. */
export interface Plan {
  changes: FileChange[];
  /** One line each, printed after the files are written (e.g. "created the model entry"). */
  notes: string[];
}

/** A plan that creates `relPath` with `content`. */
export function createChange(relPath: string, content: FileContent): FileChange {
  return { relPath, mode: "create", content };
}

/** A plan that replaces `relPath` with `content`. */
export function updateChange(relPath: string, content: FileContent): FileChange {
  return { relPath, mode: "update", content };
}

/** The content of a change as bytes. */
export function changeBytes(change: FileChange): Uint8Array {
  return typeof change.content === "string" ? new TextEncoder().encode(change.content) : change.content;
}
