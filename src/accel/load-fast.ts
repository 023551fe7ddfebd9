/**
 * The loader's fast paths, which give the same catalog and the same
 * diagnostics as the plain path: each YAML entity file is parsed and checked
 * against its schema once (a file job), in worker threads on large catalogs,
 * and a content cache keeps the data of files that parsed cleanly and passed
 * their schema, keyed by blob id. Accepted files get a lazy source: their
 * document is composed again only if a diagnostic needs a position in them.
 */
import { SCHEMA_FILE, classifyPath, classifyReadme } from "../model/kinds.js";
import { createLazySource } from "./lazy-source.js";
import type { YamlLimits } from "../yaml/parse.js";
import { decodeUtf8 } from "../yaml/utf8.js";
import { displayPath } from "../load/display-path.js";
import type { Entity } from "../model/entity.js";
import {
  buildCatalog,
  plainParseStep,
  type LoadResult,
  type ParsedFile,
  type ParseStep,
} from "../load/build-catalog.js";
import type { LoadAccelerator } from "../load/load-catalog.js";
import { cachedEntity } from "./cached-entity.js";
import { blobId } from "../model/blob-id.js";
import { ContentCache, type CacheStats } from "./content-cache.js";
import type { FileJob, FileOutcome } from "./file-job.js";
import type { RawFile } from "../model/raw-file.js";
import { runFileJobs, workerCount, type PoolOptions, type PoolSplit } from "./worker-pool.js";

/** How loads are sped up, as the CLI or a library caller chooses. */
export interface AccelOptions {
  /** The content cache folder; none when omitted or `false`. */
  cache?: string | false;
  /** The cache folder's bound in bytes (default 512 MiB). */
  cacheMaxBytes?: number;
  /** Worker threads for parsing: a number, or `auto` (default) for large catalogs on several cores. */
  workers?: number | "auto";
}

/** A YAML entity file to parse: those, and only those, the builder hands to its parse step. */
interface Pending {
  raw: RawFile;
  job: FileJob;
  oid?: string;
}

/** The files the builder will parse, as jobs (same filter as `buildCatalog`). */
function collectJobs(files: readonly RawFile[], root: string): Pending[] {
  const out: Pending[] = [];
  for (const raw of files) {
    if (raw.type !== "file" || raw.error !== undefined || raw.built || classifyReadme(raw.relPath)) continue;
    const info = classifyPath(raw.relPath);
    if (!info) continue;
    const file = displayPath(root, raw.relPath);
    out.push({
      raw,
      job: { file, relPath: raw.relPath, bytes: raw.bytes, size: raw.size, schemaFile: SCHEMA_FILE[info.kind] },
    });
  }
  return out;
}

/** An outcome found in the cache folder: the data is decoded only when a check reads it. */
type Found = FileOutcome | { cached: () => unknown };

/** The text of a file the builder keeps: decoded (or read) on first use. */
function textOf(raw: RawFile, file: string): () => string {
  if (raw.deferredText) return raw.deferredText;
  return () => {
    const decoded = decodeUtf8(raw.bytes);
    if (!decoded.ok) throw new Error(`${file} was accepted but is not valid UTF-8`);
    return decoded.text;
  };
}

/** The builder's view of a job's outcome: accepted files get a lazy source over their text. */
function toParsed(pending: Pending, outcome: Found): ParsedFile {
  if ("cached" in outcome)
    return {
      source: createLazySource(pending.job.file, pending.job.relPath, textOf(pending.raw, pending.job.file)),
      entity: (identity, source) => cachedEntity(identity, source, outcome.cached),
      diagnostics: [],
    };
  if (!outcome.accepted) return { diagnostics: outcome.diagnostics };
  const text = textOf(pending.raw, pending.job.file)();
  return {
    source: createLazySource(pending.job.file, pending.job.relPath, text),
    value: outcome.value,
    schemaValid: outcome.schemaValid,
    diagnostics: [],
  };
}

/** Outcomes an accelerator computed already, by `memoKey` (see `Accelerator`). */
type Memo = Map<string, unknown>;
const MEMO_MAX = 100_000;

function memoKey(p: Pending, limits: YamlLimits): string {
  return `${limits.maxFileBytes}:${limits.maxDepth}:${p.oid}.${p.job.schemaFile}`;
}

/** Look every job up in the cache folder, then in the run's memo; returns the outcomes found (by job index). */
function lookUp(
  pending: Pending[],
  cache: ContentCache | undefined,
  limits: YamlLimits,
  memo: Memo,
): Map<number, Found> {
  const found = new Map<number, Found>();
  pending.forEach((p, i) => {
    // A file over the size cap was not read: nothing to look up.
    if (p.raw.deferredText === undefined && p.raw.bytes.length !== p.raw.size) return;
    p.oid = p.raw.oid ?? blobId(p.raw.bytes);
    const hit = cache?.peek(p.oid, p.job.schemaFile);
    if (hit) {
      found.set(i, { cached: hit });
      return;
    }
    if (p.raw.deferredText) throw new Error(`${p.job.file} was left unread, but the content cache does not know it`);
    const key = memoKey(p, limits);
    if (!memo.has(key)) return;
    const value = memo.get(key);
    cache?.put(p.oid, p.job.schemaFile, value);
    found.set(i, { accepted: true, value, schemaValid: true });
  });
  return found;
}

/** Keep what is safe to keep: files that parsed cleanly and passed their schema. */
function remember(
  pending: Pending,
  outcome: FileOutcome,
  cache: ContentCache | undefined,
  limits: YamlLimits,
  memo: Memo,
): void {
  if (pending.oid === undefined || !outcome.accepted || !outcome.schemaValid) return;
  cache?.put(pending.oid, pending.job.schemaFile, outcome.value, outcome.serialized);
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(memoKey(pending, limits), outcome.value);
}

function finish(
  files: readonly RawFile[],
  root: string,
  limits: YamlLimits,
  pending: Pending[],
  outcomes: Found[],
  cache: ContentCache | undefined,
): LoadResult {
  const byPath = new Map<string, ParsedFile>();
  pending.forEach((p, i) => byPath.set(p.raw.relPath, toParsed(p, outcomes[i]!)));
  const step: ParseStep = (raw) => byPath.get(raw.relPath)!;
  const result = buildCatalog(files, root, limits, step);
  const oids = new Map<string, string>();
  for (const p of pending) if (p.oid !== undefined) oids.set(p.raw.relPath, p.oid);
  for (const raw of files) if (!oids.has(raw.relPath)) oids.set(raw.relPath, fileIdentity(raw, cache, limits));
  result.oids = oids;
  return result;
}

/** The cache's marker for a README that is within the size cap and valid UTF-8: a reader may leave it unread. */
export const README_OK = "README.ok";

/**
 * The entity of an entity file the cache knows, built straight from the
 * cache (what the loader builds for a cache hit, without the steps between):
 * its data is decoded, and its text read through `text`, on first use.
 */
export function entityFromCache(
  cache: ContentCache,
  root: string,
  relPath: string,
  oid: string,
  text: () => string,
): Entity | undefined {
  if (classifyReadme(relPath)) return undefined;
  const info = classifyPath(relPath);
  if (!info || !cache.has(oid, SCHEMA_FILE[info.kind])) return undefined;
  const decode = cache.peek(oid, SCHEMA_FILE[info.kind])!;
  return cachedEntity(info, createLazySource(displayPath(root, relPath), relPath, text), decode);
}

/** Whether the cache knows the outcome of a file: an entity file that passed its schema, or a readable README. */
export function knownToCache(cache: ContentCache, relPath: string, oid: string): boolean {
  if (classifyReadme(relPath)) return cache.has(oid, README_OK);
  const info = classifyPath(relPath);
  return info !== undefined && cache.has(oid, SCHEMA_FILE[info.kind]);
}

/**
 * The identity of a file that is not a YAML entity file (a README, a file at
 * a path of no kind, a symlink), for the validation snapshot; a README found
 * readable is remembered in the cache.
 */
function fileIdentity(raw: RawFile, cache: ContentCache | undefined, limits: YamlLimits): string {
  if (raw.type !== "file") return `(${raw.type})`;
  if (raw.error !== undefined) return "(unreadable)";
  if (raw.built && raw.oid !== undefined) return raw.oid;
  if (raw.deferredText === undefined && raw.bytes.length !== raw.size) return `(over the cap: ${raw.size})`;
  const oid = raw.oid ?? blobId(raw.bytes);
  if (
    cache &&
    raw.deferredText === undefined &&
    classifyReadme(raw.relPath) &&
    raw.size <= limits.maxFileBytes &&
    !cache.has(oid, README_OK) &&
    decodeUtf8(raw.bytes).ok
  ) {
    cache.mark(oid, README_OK);
  }
  return oid;
}

/**
 * The loader's accelerator: cache hits first, then the misses over worker
 * threads and the main thread (synchronously: the main thread waits for the
 * workers). One accelerator serves every load of a run (a pull request's
 * sides share its cache and what it parsed); `finish` once at the end.
 */
export class Accelerator implements LoadAccelerator {
  /** The open content cache, when a folder was given. */
  readonly cache: ContentCache | undefined;
  private readonly workers: number | "auto";
  private readonly pool: PoolOptions;
  /** How the last load that ran file jobs split them over the threads (for tests and benchmarks). */
  lastSplit: PoolSplit | undefined;
  /**
   * Outcomes this run has already computed (accepted files that passed their
   * schema), by blob id, schema and limits: the sides of a pull request share
   * most of their files, and each is parsed once. Bounded in entries.
   */
  private readonly memo: Memo = new Map();

  constructor(options: AccelOptions & { openCache?: ContentCache; mainThreadWorks?: boolean }, limits: YamlLimits) {
    this.workers = options.workers ?? "auto";
    this.pool = options.mainThreadWorks === false ? { mainThreadWorks: false } : {};
    this.cache =
      options.openCache ??
      (typeof options.cache === "string" && options.cache !== ""
        ? new ContentCache(options.cache, limits, options.cacheMaxBytes)
        : undefined);
  }

  /** With a cache, files it knows are hashed as they are read and their bytes let go (read again only if a text is needed). */
  defer(relPath: string, oid: string): boolean {
    return this.cache !== undefined && knownToCache(this.cache, relPath, oid);
  }

  load(files: readonly RawFile[], root: string, limits: YamlLimits): LoadResult {
    const cache = this.cache;
    if (!cache && workerCount(files.length, this.workers) === 0)
      return buildCatalog(files, root, limits, plainParseStep(limits));
    const pending = collectJobs(files, root);
    const found = lookUp(pending, cache, limits, this.memo);
    const misses = pending.map((_, i) => i).filter((i) => !found.has(i));
    const { outcomes: computed, split } = runFileJobs(
      misses.map((i) => pending[i]!.job),
      limits,
      workerCount(misses.length, this.workers),
      { ...this.pool, serialize: cache !== undefined },
    );
    this.lastSplit = split;
    const outcomes: Found[] = pending.map((_, i) => found.get(i)!);
    misses.forEach((i, k) => {
      outcomes[i] = computed[k]!;
      remember(pending[i]!, computed[k]!, cache, limits, this.memo);
    });
    return finish(files, root, limits, pending, outcomes, cache);
  }

  /** After the run's loads: the cache writes what it learned; what it did. */
  finish(): CacheStats | undefined {
    if (!this.cache) return undefined;
    this.cache.finish();
    return { ...this.cache.stats };
  }
}
