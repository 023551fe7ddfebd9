/**
 * Validation snapshots in the content cache folder, one file per validated
 * catalog state, named by the digest of its files (path and blob id of each).
 * They live beside the cache's packs, under the engine's fingerprint and the
 * fingerprint of the code of the checks, so a snapshot is never read by code
 * that would judge the same files differently; the cache's size bound
 * removes the oldest first. Written to a temporary file and renamed.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { CODE_ROOT } from "../runtime/locations.js";
import { deserialize, serialize } from "node:v8";
import { hashFiles, moduleFiles, packageVersion } from "./cache-key.js";
import { fromStored, toStored, type Snapshot } from "./snapshot.js";

/** The digest of a catalog state: its files' paths and identities. */
export function filesDigest(files: ReadonlyMap<string, string>): string {
  // One string hashed at once: a digest call per file costs more than the hashing (same bytes either way).
  const paths = [...files.keys()].sort();
  const lines = paths.map((path) => `${path}\u0000${files.get(path)}\n`);
  return createHash("sha256").update(lines.join("")).digest("hex").slice(0, 40);
}

let codeFingerprint: string | undefined;

/**
 * Packages the checks call besides the engine's (whose versions the cache
 * folder's engine fingerprint holds): a new SPDX list or semver judges the
 * same files differently.
 */
export const CHECK_PACKAGES: readonly string[] = ["semver", "spdx-license-ids", "spdx-exceptions", "nunjucks"];

/**
 * A fingerprint of every module of mlcat (the checks and all they use) and of the packages they call: 16 hex digits.
 * With `memoFolder` (a cache folder), the hash of the modules' bytes is kept there with their files' identities
 * (path, size, modification and change times, inode): while none of them changed it is not computed again. Any
 * write to a file changes its change time, which no one can set back, so a stale memo is never taken.
 */
export function checksFingerprint(memoFolder?: string): string {
  if (codeFingerprint === undefined) {
    const hash = createHash("sha256");
    for (const name of CHECK_PACKAGES) hash.update(`${name}@${packageVersion(name)}\u0000`);
    // Case folding and NFKC normalization (names, suggestions) follow the runtime's Unicode version.
    hash.update(`unicode@${process.versions.unicode ?? "?"}\u0000`);
    hash.update(modulesDigest(moduleFiles(CODE_ROOT, true), CODE_ROOT, memoFolder));
    codeFingerprint = hash.digest("hex").slice(0, 16);
  }
  return codeFingerprint;
}

const MEMO_FORMAT = "mlcat-code-digest/1";
const MEMO_FILE = "code-digest.json";
/** How long ago every module must have last changed for its digest to be memoised. */
export const SETTLED_MS = 3000;

/**
 * The digest of `files`' paths (from `root`) and bytes: 64 hex digits. With `memoFolder`, taken from the memo
 * there when every file's identity is the memo's; else computed, and the memo written when every file last
 * changed over `SETTLED_MS` ago (and the file system keeps times finer than a second).
 */
export function modulesDigest(files: readonly string[], root: string, memoFolder?: string): string {
  const sorted = [...files].sort();
  const compute = () => {
    const hash = createHash("sha256");
    hashFiles(hash, sorted, root);
    return hash.digest("hex");
  };
  if (memoFolder === undefined) return compute();
  const identity = createHash("sha256").update(`${MEMO_FORMAT}\u0000${root}\u0000`);
  let newest = 0n;
  let fine = false;
  for (const file of sorted) {
    const s = statSync(file, { bigint: true });
    identity.update(
      `${relative(root, file)}\u0000${s.size}\u0000${s.mtimeNs}\u0000${s.ctimeNs}\u0000${s.ino}\u0000${s.dev}\n`,
    );
    if (s.ctimeNs > newest) newest = s.ctimeNs;
    if (s.ctimeNs % 1_000_000_000n !== 0n) fine = true;
  }
  const identities = identity.digest("hex");
  // File times move in clock ticks: a file written again within the tick of its last change keeps its times. A memo
  // is written only of files that settled a while ago (as git treats its index's "racy" entries), and never on a
  // file system whose times are whole seconds (FAT, some network mounts), where a tick is too long to trust.
  const settled = fine && BigInt(Date.now()) * 1_000_000n - newest > BigInt(SETTLED_MS) * 1_000_000n;
  const memo = join(memoFolder, MEMO_FILE);
  try {
    const stored = JSON.parse(readFileSync(memo, "utf8")) as { format?: unknown; files?: unknown; digest?: unknown };
    if (
      stored.format === MEMO_FORMAT &&
      stored.files === identities &&
      typeof stored.digest === "string" &&
      /^[0-9a-f]{64}$/.test(stored.digest)
    )
      return stored.digest;
  } catch {
    // No memo, or a damaged one: compute.
  }
  const digest = compute();
  // A memo that cannot be written only makes the next run compute it again.
  if (settled) writeQuietly(memo, JSON.stringify({ format: MEMO_FORMAT, files: identities, digest }));
  return digest;
}

/** Snapshots in a folder (a content cache's engine folder). */
export class SnapshotStore {
  private readonly dir: string;

  constructor(cacheFolder: string) {
    this.dir = join(cacheFolder, `snapshots-${checksFingerprint(cacheFolder)}`);
  }

  /**
   * The snapshot to start from: the first of `digests` that is stored (the
   * catalog itself, then the states it most likely differs from by a few
   * files), else the newest one. Undefined when there is none or it is damaged.
   */
  find(digests: readonly string[], root: string): { digest: string; snapshot: Snapshot } | undefined {
    let names: string[];
    try {
      names = readdirSync(this.dir).filter((n) => n.endsWith(".snap"));
    } catch {
      return undefined;
    }
    const stored = new Set(names.map((n) => n.slice(0, -".snap".length)));
    let digest = digests.find((d) => stored.has(d));
    if (digest === undefined) {
      let newest = -Infinity;
      for (const name of names) {
        const mtime = mtimeOf(join(this.dir, name));
        if (mtime > newest) [newest, digest] = [mtime, name.slice(0, -".snap".length)];
      }
    }
    if (digest === undefined) return undefined;
    try {
      const snapshot = fromStored(deserialize(readFileSync(join(this.dir, `${digest}.snap`))), root);
      return snapshot && { digest, snapshot };
    } catch {
      return undefined;
    }
  }

  /** Store the snapshot of the catalog state `digest`; one stored already is only touched unless `replace`. */
  save(digest: string, snapshot: Snapshot, root: string, replace = false): void {
    const path = join(this.dir, `${digest}.snap`);
    try {
      if (!replace && mtimeOf(path) !== -Infinity) {
        const now = new Date();
        utimesSync(path, now, now);
        return;
      }
      // A snapshot that cannot be written only makes the next run slower.
      writeQuietly(path, serialize(toStored(snapshot, root)));
    } catch {
      // Nor one that cannot be touched.
    }
  }
}

/** Write `path` whole or not at all (a temporary file renamed over it), creating its folder; a failure is ignored. */
function writeQuietly(path: string, content: string | Uint8Array): void {
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  } catch {
    rmSync(tmp, { force: true });
  }
}

function mtimeOf(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -Infinity;
  }
}
