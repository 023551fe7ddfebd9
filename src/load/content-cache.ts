/**
 * The content cache of the loader: for each file that parsed cleanly and
 * passed its schema, its data, keyed by the file's git blob id and schema,
 * under the engine's fingerprint (see cache-key.ts). Only outcomes that
 * depend on nothing but the file's bytes are kept; every cross-file check
 * runs on every run.
 *
 * Entries live in packs: one file per run that learned something new,
 * holding every entry that run used, so a warm run reads one file (newest
 * first; older packs only for what is still missing). A pack is written to
 * a temporary file and renamed into place, so runs may share a folder; the
 * folder is bounded in size, the oldest packs (and packs of other engine
 * versions) removed first. Share it only between runs of trusted code.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import type { YamlLimits } from "../yaml/parse.js";
import { engineFingerprint } from "./cache-key.js";

/** The default bound of a cache folder: 512 MiB. */
export const DEFAULT_CACHE_MAX_BYTES = 512 * 1024 * 1024;

/** What a run did with the cache. */
export interface CacheStats {
  hits: number;
  misses: number;
  /** New entries (they went into a new pack). */
  writes: number;
  /** Packs read, and packs removed to keep the folder within its bound. */
  packsRead: number;
  evicted: number;
}

const MAGIC = 0x4d4c4350; // "MLCP"

/** One pack, read: its index and its entries' bytes. */
interface Pack {
  index: Map<string, [number, number]>;
  body: Buffer;
}

/** An entry of a pack read: its bytes are viewed only when needed (a view per entry is costly on a large catalog). */
interface PackSlice {
  body: Buffer;
  at: [number, number];
}

function bytesOf(entry: Uint8Array | PackSlice): Uint8Array {
  return entry instanceof Uint8Array ? entry : entry.body.subarray(entry.at[0], entry.at[0] + entry.at[1]);
}

/** Parse a pack file; undefined when it is damaged. */
function readPack(path: string): Pack | undefined {
  try {
    const buf = readFileSync(path);
    if (buf.length < 8 || buf.readUInt32BE(0) !== MAGIC) return undefined;
    const indexLength = buf.readUInt32BE(4);
    const index = deserialize(buf.subarray(8, 8 + indexLength)) as Map<string, [number, number]>;
    if (!(index instanceof Map)) return undefined;
    return { index, body: buf.subarray(8 + indexLength) };
  } catch {
    return undefined;
  }
}

/** The folder of a cache folder's entries for this engine with `limits`. */
export function engineFolder(dir: string, limits: YamlLimits): string {
  return join(dir, `v-${engineFingerprint(limits)}`);
}

/** A content cache in a folder. */
export class ContentCache {
  readonly stats: CacheStats = { hits: 0, misses: 0, writes: 0, packsRead: 0, evicted: 0 };
  private readonly namespace: string;
  /** Packs of this engine, newest first, read when a lookup needs them. */
  private readonly packPaths: string[];
  private readonly packs: Pack[] = [];
  /** Every entry this run used or learned, as serialized bytes or where they are in a pack read: the next pack. */
  private readonly used = new Map<string, Uint8Array | PackSlice>();
  /** Facts learned by `mark`. */
  private marks = 0;
  /** Keys of the entries this run added (by `put` and `mark`). */
  private readonly learned = new Set<string>();

  constructor(
    readonly dir: string,
    limits: YamlLimits,
    readonly maxBytes: number = DEFAULT_CACHE_MAX_BYTES,
  ) {
    this.namespace = engineFolder(dir, limits);
    this.packPaths = listFiles(this.namespace)
      .filter((f) => f.path.endsWith(".pack"))
      .sort((a, b) => b.mtimeMs - a.mtimeMs || (a.path < b.path ? 1 : -1))
      .map((f) => f.path);
  }

  /**
   * Whether the file with blob id `oid` that passed `schemaFile` is cached,
   * without decoding its data: a function that decodes it when called.
   */
  peek(oid: string, schemaFile: string): (() => unknown) | undefined {
    const key = `${oid}.${schemaFile}`;
    // What this run learned or used already first (a file both sides of a pull request share), then the packs.
    const entry = this.used.get(key) ?? this.fromPacks(key);
    if (entry === undefined) {
      this.stats.misses++;
      return undefined;
    }
    this.used.set(key, entry);
    this.stats.hits++;
    return () => {
      try {
        return deserialize(bytesOf(entry));
      } catch (err) {
        throw new Error(`a content cache entry in ${this.namespace} is damaged (${(err as Error).message}): remove the cache folder and run again`);
      }
    };
  }

  /** Remember a fact about a file that is not its data (a README found readable); not counted among the writes. */
  mark(oid: string, what: string): void {
    this.used.set(`${oid}.${what}`, serialize(true));
    this.learned.add(`${oid}.${what}`);
    this.marks++;
  }

  /** Whether an entry is cached (kept for the next pack when it is), without counting a hit or a miss. */
  has(oid: string, schemaFile: string): boolean {
    const key = `${oid}.${schemaFile}`;
    if (this.used.has(key)) return true;
    const entry = this.fromPacks(key);
    if (entry === undefined) return false;
    this.used.set(key, entry);
    return true;
  }

  /** Where the entry `key` is in the newest pack that holds it. */
  private fromPacks(key: string): PackSlice | undefined {
    for (let i = 0; ; i++) {
      const pack = this.packAt(i);
      if (!pack) return undefined;
      const at = pack.index.get(key);
      if (at) return { body: pack.body, at };
    }
  }

  /** Read the newest pack now (a caller waiting on another process meanwhile), rather than at the first lookup. */
  warm(): void {
    this.packAt(0);
  }

  /** The folder of this engine's entries: other stores (validation snapshots) keep their files under it. */
  get folder(): string {
    return this.namespace;
  }

  /** Remember that the file with blob id `oid` parsed cleanly to `value` and passed `schemaFile`. */
  put(oid: string, schemaFile: string, value: unknown): void {
    this.used.set(`${oid}.${schemaFile}`, serialize(value));
    this.learned.add(`${oid}.${schemaFile}`);
    this.stats.writes++;
  }

  /**
   * After a run: write a pack when it learned something, then keep the folder
   * within its bound. The pack holds every entry the run used (so the next run
   * reads one file), unless the run learned only a few: then just those (a
   * pull request's handful of files need not rewrite megabytes).
   */
  finish(): void {
    if (this.stats.writes === 0 && this.marks === 0) return;
    try {
      mkdirSync(this.namespace, { recursive: true });
      const keys = this.learned.size * 10 < this.used.size ? [...this.learned] : [...this.used.keys()];
      const entries = keys.map((key) => [key, bytesOf(this.used.get(key)!)] as const);
      const index = new Map<string, [number, number]>();
      let offset = 0;
      for (const [key, bytes] of entries) {
        index.set(key, [offset, bytes.length]);
        offset += bytes.length;
      }
      const indexBytes = serialize(index);
      const header = Buffer.alloc(8);
      header.writeUInt32BE(MAGIC, 0);
      header.writeUInt32BE(indexBytes.length, 4);
      const name = `${Date.now().toString(36)}-${process.pid}-${Math.random().toString(36).slice(2, 8)}.pack`;
      const tmp = join(this.namespace, `${name}.tmp`);
      writeFileSync(tmp, Buffer.concat([header, indexBytes, ...entries.map(([, bytes]) => bytes)]));
      renameSync(tmp, join(this.namespace, name));
      this.evict(join(this.namespace, name));
    } catch {
      // A cache that cannot be written only makes the next run slower.
    }
  }

  private packAt(i: number): Pack | undefined {
    while (this.packs.length <= i && this.packs.length < this.packPaths.length) {
      const pack = readPack(this.packPaths[this.packs.length]!);
      this.stats.packsRead++;
      this.packs.push(pack ?? { index: new Map(), body: Buffer.alloc(0) });
    }
    return this.packs[i];
  }

  /**
   * Remove files of other engine versions, then the oldest files, until the
   * folder is within its bound; `keep` (this run's pack) always stays, named
   * rather than found by time: file times are coarse, and a snapshot written
   * a moment earlier can carry the same one.
   */
  evict(keep?: string): void {
    const files = listFiles(this.dir);
    let total = files.reduce((sum, f) => sum + f.size, 0);
    if (total <= this.maxBytes) return;
    const mine = (p: string) => p.startsWith(this.namespace);
    files.sort((a, b) => Number(mine(a.path)) - Number(mine(b.path)) || a.mtimeMs - b.mtimeMs);
    for (const f of files) {
      if (f.path === keep) continue;
      if (total <= this.maxBytes * 0.9) break;
      rmSync(f.path, { force: true });
      total -= f.size;
      this.stats.evicted++;
    }
  }
}

/** Every file under `dir`, recursively, with size and modification time. */
function listFiles(dir: string): Array<{ path: string; size: number; mtimeMs: number }> {
  const out: Array<{ path: string; size: number; mtimeMs: number }> = [];
  const walk = (d: string) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        try {
          const { size, mtimeMs } = statSync(p);
          out.push({ path: p, size, mtimeMs });
        } catch {
          // removed meanwhile by another run
        }
      }
    }
  };
  walk(dir);
  return out;
}
