/**
 * Write a site into a temporary folder beside the output, then swap it in:
 * a failed build leaves the previous site as it was. A marker file tells an
 * mlcat site from any other folder, which is never replaced.
 */
import { existsSync, renameSync, rmSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { ExitError } from "../diagnostics/diagnostic.js";
import { onInterrupt } from "../runtime/interrupt.js";

/** The file every built site carries at its root. */
export const SITE_MARKER = ".mlcat-site";

/** Refuse to replace a folder that exists, is not empty, and is not an mlcat site. */
export async function assertReplaceable(outDir: string): Promise<void> {
  let entries: string[];
  try {
    if (!(await stat(outDir)).isDirectory())
      throw new ExitError(2, `${outDir} exists and is not a folder: choose another --out`);
    entries = await readdir(outDir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return;
    throw err;
  }
  if (entries.length > 0 && !entries.includes(SITE_MARKER)) {
    throw new ExitError(
      2,
      `${outDir} is not empty and was not built by mlcat (no ${SITE_MARKER} file): refusing to replace it. Choose another --out, or empty the folder first.`,
    );
  }
}

/**
 * How a half-written folder is removed: Astro renders several pages at a
 * time, so a write still in flight can land while the folder is being
 * removed (ENOTEMPTY); removal is retried.
 */
const REMOVE = { recursive: true, force: true, maxRetries: 10, retryDelay: 20 } as const;

/** Remove `path` and make sure it stays removed: writes that were in flight when a build failed may still create files in it. */
async function removeSettled(path: string): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    await rm(path, REMOVE);
    await new Promise((done) => setTimeout(done, 25));
    if (!existsSync(path)) return;
  }
}

/**
 * Run `write` on a new temporary folder next to `outDir`; when it succeeds,
 * mark the folder (`marker`, or what it returns once `write` is done) and swap it in place of `outDir`. When it fails, remove the
 * temporary folder and rethrow: `outDir` is untouched.
 */
export async function writeAtomically<T>(
  outDir: string,
  write: (tmpDir: string) => Promise<T>,
  marker: object | (() => object) = {},
): Promise<T> {
  const target = resolve(outDir);
  await assertReplaceable(target);
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  const tmp = await mkdtemp(join(parent, `.${basename(target)}.tmp-`));
  const old = `${tmp}.old`;
  let hadOld = false;
  // Ctrl-C or a cancelled job: drop the half-built site and put the previous one back if the swap had begun.
  const forget = onInterrupt(() => {
    rmSync(tmp, REMOVE);
    if (hadOld && !existsSync(target)) renameSync(old, target);
    rmSync(old, REMOVE);
    return `the previous site in ${outDir} is untouched`;
  });
  try {
    let result: T;
    try {
      result = await write(tmp);
      const fields = typeof marker === "function" ? marker() : marker;
      await writeFile(
        join(tmp, SITE_MARKER),
        `${JSON.stringify({ builtBy: "mlcat build", note: "replaced on every build", ...fields }, null, 2)}\n`,
      );
    } catch (err) {
      await removeSettled(tmp);
      throw err;
    }
    try {
      await rename(target, old);
      hadOld = true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") {
        await rm(tmp, { recursive: true, force: true });
        throw err;
      }
    }
    await rename(tmp, target);
    if (hadOld) await rm(old, { recursive: true, force: true });
    return result;
  } finally {
    forget();
  }
}

/** What the marker of a built site says (its base path, for `mlcat preview`); undefined when `dir` is no mlcat site. */
export async function readSiteMarker(dir: string): Promise<{ basePath?: string } | undefined> {
  try {
    return JSON.parse(await readFile(join(dir, SITE_MARKER), "utf8")) as { basePath?: string };
  } catch {
    return undefined;
  }
}
