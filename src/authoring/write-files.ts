/**
 * Atomic file writes: the content goes to a temporary file in the same folder,
 * which then takes the target's place, so a reader never sees half a file.
 * New files never replace an existing one, even one that appeared meanwhile.
 */
import { randomBytes } from "node:crypto";
import { link, mkdir, rename, rm, writeFile } from "node:fs/promises";
import { rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { onInterrupt } from "../runtime/interrupt.js";

/** File content: text (written as UTF-8) or exact bytes. */
export type FileContent = string | Uint8Array;

/**
 * Write `content` to a temporary file beside `path`; returns its path and a
 * function to call once it is gone (until then, Ctrl-C removes it).
 */
async function writeTemp(path: string, content: FileContent): Promise<{ temp: string; forget: () => void }> {
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  const forget = onInterrupt(() => {
    rmSync(temp, { force: true });
    return `${path} was not written`;
  });
  try {
    await writeFile(temp, content, { flag: "wx" });
  } catch (err) {
    // A full disk leaves half the content in the temporary file: never leave it in the catalog.
    await rm(temp, { force: true });
    forget();
    throw err;
  }
  return { temp, forget };
}

/**
 * Create `path` with `content`, atomically; fails with `EEXIST` when the file
 * exists (a hard link never replaces its target, unlike a rename).
 */
export async function createFileAtomic(path: string, content: FileContent): Promise<void> {
  const { temp, forget } = await writeTemp(path, content);
  try {
    await link(temp, path);
  } catch (err) {
    // Filesystems without hard links: an exclusive create still never replaces a file.
    if (!isUnsupportedLink(err)) throw err;
    await writeFile(path, content, { flag: "wx" });
  } finally {
    await rm(temp, { force: true });
    forget();
  }
}

function isUnsupportedLink(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException)?.code;
  return code === "EPERM" || code === "ENOTSUP" || code === "EOPNOTSUPP" || code === "ENOSYS";
}

/** Replace the content of `path` (or create it), atomically. */
export async function replaceFileAtomic(path: string, content: FileContent): Promise<void> {
  const { temp, forget } = await writeTemp(path, content);
  try {
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  } finally {
    forget();
  }
}

/** Whether an error is "the file exists". */
export function isExistsError(err: unknown): boolean {
  return (err as NodeJS.ErrnoException)?.code === "EEXIST";
}
