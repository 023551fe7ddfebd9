/** Operating-system errors (full disk, permissions, missing folders) as messages a user can act on, instead of "internal error". */
import { fileURLToPath } from "node:url";

/** A Node.js system error: it has an errno code such as `ENOSPC` and the call that failed. */
export interface SystemError extends Error {
  code: string;
  syscall?: string;
  path?: string;
}

const MEANING: Record<string, { what: string; next: string }> = {
  ENOSPC: { what: "no space left on device", next: "free some disk space and run the command again" },
  EDQUOT: { what: "disk quota exceeded", next: "free some space within your quota and run the command again" },
  EACCES: { what: "permission denied", next: "check the permissions of the file or folder" },
  EPERM: { what: "operation not permitted", next: "check the permissions of the file or folder" },
  EROFS: { what: "the file system is read-only", next: "choose a writable folder" },
  ENOENT: { what: "no such file or folder", next: "check the path" },
  ENOTDIR: { what: "a part of the path is not a folder", next: "check the path" },
  EISDIR: { what: "it is a folder, not a file", next: "check the path" },
  EMFILE: { what: "too many open files", next: "raise the limit of open files (ulimit -n) and run the command again" },
  EIO: { what: "an input/output error", next: "check the disk" },
};

/** Whether `err` is a system error this module can explain. */
export function isSystemError(err: unknown): err is SystemError {
  return err instanceof Error && typeof (err as SystemError).code === "string" && (err as SystemError).code in MEANING;
}

/** `cannot write /x/y: no space left on device (ENOSPC)` and what to do next. */
export function describeSystemError(err: SystemError): string {
  const meaning = MEANING[err.code]!;
  const action =
    {
      write: "write",
      open: "open",
      mkdir: "create the folder",
      mkdtemp: "create a temporary folder in",
      rename: "move",
      scandir: "read the folder",
      read: "read",
      unlink: "remove",
      rmdir: "remove",
    }[err.syscall ?? ""] ??
    err.syscall ??
    "use";
  const path = err.path?.startsWith("file://") ? fileURLToPath(err.path) : err.path;
  const where = path !== undefined ? ` ${path}` : "";
  return `cannot ${action}${where}: ${meaning.what} (${err.code})\n  hint: ${meaning.next}`;
}
