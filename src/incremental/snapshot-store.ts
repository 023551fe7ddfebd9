/**
 * Validation snapshots in the content cache folder, one file per validated
 * catalog state, named by the digest of its files (path and blob id of each).
 * They live beside the cache's packs, under the engine's fingerprint and the
 * fingerprint of the code of the checks, so a snapshot is never read by code
 * that would judge the same files differently; the cache's size bound
 * removes the oldest first. Written to a temporary file and renamed.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CODE_ROOT } from "../runtime/locations.js";
import { deserialize, serialize } from "node:v8";
import { hashFiles, moduleFiles, packageVersion } from "../load/cache-key.js";
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
export const CHECK_PACKAGES: readonly string[] = ["semver", "spdx-license-ids", "spdx-exceptions"];

/** A fingerprint of every module of mlcat (the checks and all they use) and of the packages they call: 16 hex digits. */
export function checksFingerprint(): string {
  if (codeFingerprint === undefined) {
    const hash = createHash("sha256");
    for (const name of CHECK_PACKAGES) hash.update(`${name}@${packageVersion(name)}\u0000`);
    // Case folding and NFKC normalization (names, suggestions) follow the runtime's Unicode version.
    hash.update(`unicode@${process.versions.unicode ?? "?"}\u0000`);
    hashFiles(hash, moduleFiles(CODE_ROOT, true), CODE_ROOT);
    codeFingerprint = hash.digest("hex").slice(0, 16);
  }
  return codeFingerprint;
}

/** Snapshots in a folder (a content cache's engine folder). */
export class SnapshotStore {
  private readonly dir: string;

  constructor(cacheFolder: string) {
    this.dir = join(cacheFolder, `snapshots-${checksFingerprint()}`);
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
      mkdirSync(this.dir, { recursive: true });
      const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`;
      writeFileSync(tmp, serialize(toStored(snapshot, root)));
      renameSync(tmp, path);
    } catch {
      // A snapshot that cannot be written only makes the next run slower.
    }
  }
}

function mtimeOf(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -Infinity;
  }
}
