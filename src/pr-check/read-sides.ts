/** Read the three sides of a pull request from git objects: the base's authority, the merge-base's old files, the head. */
import type { BlobReader } from "../git/blob-reader.js";
import { readCatalogAt } from "../git/read-catalog.js";
import { listTreeAt, type TreeEntry } from "../git/tree.js";
import { loadCatalogFromFiles, type LoadResult } from "../load/load-catalog.js";
import type { Entity } from "../model/entity.js";
import type { DeferredTexts } from "../git/blob-text.js";
import { entityFromCache, knownToCache, type Accelerator } from "../accel/load-fast.js";
import { isFromCache } from "../accel/cached-entity.js";
import { kindsWhere } from "../model/kind-descriptors.js";
import { classifyPath, type Kind } from "../model/kinds.js";
import { DEFAULT_LIMITS } from "../yaml/parse.js";

/** The kinds roles, delegations and policy are read from. */
export const AUTHORITY_KINDS: ReadonlySet<Kind> = new Set(kindsWhere((d) => d.authority !== "none"));

/** A loaded side and its entities by catalog-relative path. */
export interface Side {
  loaded: LoadResult;
  byPath: Map<string, Entity>;
  /** Every entry of the side's catalog folder (also the ones not read). */
  entries: TreeEntry[];
}

/** Where and what to read. */
export interface ReadSideOptions {
  cwd: string;
  binary?: string;
  reader: BlobReader;
  rev: string;
  /** The catalog folder from the repository root. */
  dir: string;
  /** Read only these catalog-relative paths (all when omitted). */
  include?: (relPath: string) => boolean;
  /** The side's tree under `dir`, when listed already. */
  entries?: TreeEntry[];
  /**
   * Who does the per-file work (worker threads, the content cache); with a
   * cache, files it knows are left unread until something needs their text
   * (read through `texts`).
   */
  accelerator?: Accelerator;
  texts?: DeferredTexts;
  /**
   * A side loaded already (the head): its entities that came from the content
   * cache are shared for the same blob at the same path, not read or built
   * again. READMEs must then be left out (`include`): they would change the
   * shared entities.
   */
  reuse?: Side;
}

/** Read and load one side (no checks run). */
export async function readSide(options: ReadSideOptions): Promise<Side> {
  const entries =
    options.entries ??
    (await listTreeAt({ cwd: options.cwd, binary: options.binary, rev: options.rev, dir: options.dir }));
  const { accelerator, texts } = options;
  const cache = accelerator?.cache;
  const deferred =
    cache &&
    texts &&
    ((relPath: string, oid: string) => (knownToCache(cache, relPath, oid) ? texts.later(oid) : undefined));
  // Entity files the cache knows: the other side's entity for the same blob, else one built straight from the cache.
  const shared = options.reuse && sharedWith(options.reuse);
  const fromCache =
    cache &&
    texts &&
    ((relPath: string, oid: string) => entityFromCache(cache, options.dir, relPath, oid, texts.later(oid)));
  const built =
    (shared || fromCache) &&
    ((relPath: string, oid: string) => {
      const entity = shared?.(relPath, oid);
      if (entity) return { entity, shared: true };
      const own = fromCache?.(relPath, oid);
      return own && { entity: own, shared: false };
    });
  const files = await readCatalogAt({
    ...options,
    entries,
    maxFileBytes: DEFAULT_LIMITS.maxFileBytes,
    ...(deferred && { deferred }),
    ...(built && { built }),
  });
  const loaded = loadCatalogFromFiles(files, { root: options.dir, ...(accelerator && { accelerator }) });
  const byPath = new Map(loaded.catalog.entities().map((e) => [e.source.relPath, e]));
  return { loaded, byPath, entries };
}

/** The entities of `side` a load of another revision may take as they are: built from the cache, by path and blob id. */
function sharedWith(side: Side): (relPath: string, oid: string) => Entity | undefined {
  const oids = side.loaded.oids;
  return (relPath, oid) => {
    const entity = side.byPath.get(relPath);
    // An entity with a README carries the other side's README: the base's own is built instead.
    return entity && !entity.readme && oids?.get(relPath) === oid && isFromCache(entity) ? entity : undefined;
  };
}

/** The base's authority files plus the given paths' entity files: what the check reads of the base (never a README: rules read none). */
export function authorityFilter(paths: ReadonlySet<string>): (relPath: string) => boolean {
  return (relPath) => {
    const kind = classifyPath(relPath)?.kind;
    return kind !== undefined && (paths.has(relPath) || AUTHORITY_KINDS.has(kind));
  };
}

const FATAL = /^(yaml\/|file\/(invalid-utf8|too-large|unreadable|missing-catalog)$)/;

/**
 * Problems of the base that make its roles or policy unreadable: parse failures
 * of catalog.yaml, of user files, and of the authority files of the organizations
 * the pull request touches.
 */
export function baseProblems(base: Side, dir: string, touchedOrgs: ReadonlySet<string>): LoadResult["diagnostics"] {
  const prefix = `${dir}/`;
  return base.loaded.diagnostics.filter((d) => {
    if (d.severity !== "error" || !FATAL.test(d.code)) return false;
    const rel = d.file.startsWith(prefix) ? d.file.slice(prefix.length) : d.file;
    if (d.code === "file/missing-catalog") return true;
    const info = classifyPath(rel);
    if (!info || !AUTHORITY_KINDS.has(info.kind)) return false;
    return info.org === undefined || touchedOrgs.has(info.org);
  });
}
