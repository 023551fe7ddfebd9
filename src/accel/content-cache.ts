/**
 * The content cache of the loader: for each file that parsed cleanly and
 * passed its schema, its data, keyed by the file's git blob id and schema,
 * under the engine's fingerprint (see cache-key.ts). Only outcomes that
 * depend on nothing but the file's bytes are kept; every cross-file check
 * runs on every run.
 *
 * Entries live in packs: one file per run that learned something new,
 * holding every entry that run used, so a warm run opens one file (newest
 * first; older packs only for what is still missing), reads its index and
 * then only the entries it decodes. A pack is written to
 * a temporary file and renamed into place, so runs may share a folder; the
 * folder is bounded in size, the oldest packs (and packs of other engine
 * versions) removed first. Share it only between runs of trusted code.
 */
import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
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

const MAGIC = 0x4d4c4332; // "MLC2"
const HEADER_BYTES = 12;

/**
 * One pack, opened: its index read, its entries' bytes read one by one when
 * needed (a run from a warm cache decodes a small part of them). The file:
 * magic, entry count and keys' length (three 32-bit words), the keys joined
 * by newlines, the entries' offsets in the body (count + 1 words), the body.
 */
interface Pack {
  path: string;
  index: Map<string, number>;
  offsets: Uint32Array;
  bodyStart: number;
  /** The file as its index was read: an entry is read only from that very file. */
  ino: number;
  size: number;
  /** Open while entries are read from it (only packs an entry was taken from stay open). */
  fd?: number;
  opened: number[];
}

/** An entry of a pack: its bytes are read only when they are decoded or written again. */
interface PackSlice {
  pack: Pack;
  entry: number;
}

function bytesOf(entry: Uint8Array | PackSlice): Uint8Array {
  if (entry instanceof Uint8Array) return entry;
  const { pack, entry: i } = entry;
  const start = pack.offsets[i]!;
  const length = pack.offsets[i + 1]! - start;
  const bytes = readExactly(openedPack(pack), length, pack.bodyStart + start);
  if (!bytes) throw new Error("the pack ends early");
  return bytes;
}

/** The pack's file, opened again if it was closed after its index was read; it must be the file the index came from. */
function openedPack(pack: Pack): number {
  if (pack.fd !== undefined) return pack.fd;
  const fd = openSync(pack.path, "r");
  const stat = fstatSync(fd);
  if (stat.ino !== pack.ino || stat.size !== pack.size) {
    closeSync(fd);
    throw new Error("the pack was replaced while this run used it");
  }
  pack.opened.push(fd);
  pack.fd = fd;
  return fd;
}

/** Read exactly `length` bytes at `position`, or undefined. */
function readExactly(fd: number, length: number, position: number): Buffer | undefined {
  const buf = Buffer.allocUnsafe(length);
  let read = 0;
  while (read < length) {
    const n = readSync(fd, buf, read, length - read, position + read);
    if (n === 0) return undefined;
    read += n;
  }
  return buf;
}

/**
 * Open a pack file and read its index; undefined when it is damaged. With
 * `keepOpen` the file stays open for its entries (the newest pack, which
 * most lookups hit); others are opened again when an entry is taken, so a
 * folder of many packs never holds a descriptor per pack.
 */
function openPack(path: string, opened: number[], keepOpen: boolean): Pack | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    const { size, ino } = fstatSync(fd);
    const header = readExactly(fd, HEADER_BYTES, 0);
    if (!header || header.readUInt32BE(0) !== MAGIC) throw new Error("not a pack");
    const count = header.readUInt32BE(4);
    const keysLength = header.readUInt32BE(8);
    const bodyStart = HEADER_BYTES + keysLength + 4 * (count + 1);
    if (bodyStart > size) throw new Error("the pack ends early");
    const meta = readExactly(fd, bodyStart - HEADER_BYTES, HEADER_BYTES)!;
    const keys = count === 0 ? [] : meta.toString("utf8", 0, keysLength).split("\n");
    if (keys.length !== count) throw new Error("the pack's keys do not match its count");
    const offsets = new Uint32Array(count + 1);
    for (let i = 0; i <= count; i++) offsets[i] = meta.readUInt32BE(keysLength + 4 * i);
    for (let i = 0; i < count; i++)
      if (offsets[i]! > offsets[i + 1]!) throw new Error("the pack's offsets go backwards");
    if (offsets[0] !== 0 || bodyStart + offsets[count]! !== size)
      throw new Error("the pack's body is not as long as its offsets say");
    const index = new Map<string, number>();
    keys.forEach((key, i) => index.set(key, i));
    const pack: Pack = { path, index, offsets, bodyStart, ino, size, opened };
    if (keepOpen) {
      opened.push(fd);
      pack.fd = fd;
    } else closeSync(fd);
    return pack;
  } catch {
    if (fd !== undefined) closeSync(fd);
    return undefined;
  }
}

/** The pack file of `entries` (keys without newlines). */
function packBytes(entries: ReadonlyArray<readonly [string, Uint8Array]>): Buffer {
  const keys = Buffer.from(entries.map(([key]) => key).join("\n"), "utf8");
  const meta = Buffer.alloc(HEADER_BYTES + keys.length + 4 * (entries.length + 1));
  meta.writeUInt32BE(MAGIC, 0);
  meta.writeUInt32BE(entries.length, 4);
  meta.writeUInt32BE(keys.length, 8);
  keys.copy(meta, HEADER_BYTES);
  let offset = 0;
  entries.forEach(([, bytes], i) => {
    meta.writeUInt32BE(offset, HEADER_BYTES + keys.length + 4 * i);
    offset += bytes.length;
  });
  meta.writeUInt32BE(offset, HEADER_BYTES + keys.length + 4 * entries.length);
  return Buffer.concat([meta, ...entries.map(([, bytes]) => bytes)]);
}

/** Packs opened by caches no longer in use are closed when the cache is collected (files stay readable while open, even once evicted). */
const closeWhenCollected = new FinalizationRegistry<number[]>((fds) => {
  for (const fd of fds) {
    try {
      closeSync(fd);
    } catch {
      // closed already
    }
  }
});

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
  private readonly packs: Array<Pack | undefined> = [];
  /** The packs' open files (closed when this cache is collected). */
  private readonly opened: number[] = [];
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
    closeWhenCollected.register(this, this.opened);
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
        throw new Error(
          `a content cache entry in ${this.namespace} is damaged (${(err as Error).message}): remove the cache folder and run again`,
        );
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
      if (pack === null) return undefined;
      // A damaged pack is skipped: its entries are misses.
      const entry = pack?.index.get(key);
      if (pack && entry !== undefined) return { pack, entry };
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

  /** Remember that the file with blob id `oid` parsed cleanly to `value` and passed `schemaFile` (`serialized`: the value's bytes, when a worker thread made them). */
  put(oid: string, schemaFile: string, value: unknown, serialized?: Uint8Array): void {
    this.used.set(`${oid}.${schemaFile}`, serialized ?? serialize(value));
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
      const name = `${Date.now().toString(36)}-${process.pid}-${Math.random().toString(36).slice(2, 8)}.pack`;
      const tmp = join(this.namespace, `${name}.tmp`);
      writeFileSync(tmp, packBytes(entries));
      renameSync(tmp, join(this.namespace, name));
      this.evict(join(this.namespace, name));
    } catch {
      // A cache that cannot be written only makes the next run slower.
    }
  }

  /** The i-th newest pack, opened on first use (undefined when damaged); `null` past the last. */
  private packAt(i: number): Pack | undefined | null {
    while (this.packs.length <= i && this.packs.length < this.packPaths.length) {
      this.packs.push(openPack(this.packPaths[this.packs.length]!, this.opened, this.packs.length === 0));
      this.stats.packsRead++;
    }
    return i < this.packs.length ? this.packs[i] : null;
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
