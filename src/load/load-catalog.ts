/** Load a catalog from raw files or from a folder: the plain path, or the fast paths (content cache, worker threads). */
import { posix } from "node:path";
import { DiagnosticCollector } from "../checks/context.js";
import { Catalog } from "../model/catalog.js";
import { DEFAULT_LIMITS, type YamlLimits } from "../yaml/parse.js";
import { buildCatalog, plainParseStep, type LoadResult } from "./build-catalog.js";
import { ContentCache } from "./content-cache.js";
import { cacheDirOf, knownToCache, loadFast, loadFastSync, wantsFastPath, type FastOptions } from "./load-fast.js";
import { isCatalogDir, readCatalogDir } from "./read-dir.js";
import type { RawFile } from "./raw-file.js";

export type { LoadResult } from "./build-catalog.js";

/** Options of `loadCatalogFromFiles`. */
export interface LoadFilesOptions extends FastOptions {
  /** Display path of the catalog folder, prefixed to every file in diagnostics (default `catalog`). */
  root?: string;
  limits?: Partial<YamlLimits>;
}

/**
 * Load a catalog from raw files (from a folder or from git objects). With a
 * content cache (`cache`, or the MLCAT_CACHE_DIR environment variable) files
 * seen before are not parsed again; the diagnostics are the same either way.
 */
export function loadCatalogFromFiles(files: readonly RawFile[], options: LoadFilesOptions = {}): LoadResult {
  const root = options.root ?? "catalog";
  const limits: YamlLimits = { ...DEFAULT_LIMITS, ...options.limits };
  if (wantsFastPath(options, files.length)) return loadFastSync(files, root, limits, options);
  return buildCatalog(files, root, limits, plainParseStep(limits));
}

/** Options of `loadCatalog`. */
export interface LoadOptions extends FastOptions {
  /** The catalog folder on disk (default `catalog`). */
  dir?: string;
  limits?: Partial<YamlLimits>;
}

/**
 * Load a catalog folder from the working tree. A large catalog is parsed by
 * worker threads and the main thread together (`workers`, default `auto`);
 * with a content cache, files seen before are not parsed again.
 */
export async function loadCatalog(options: LoadOptions = {}): Promise<LoadResult> {
  const dir = options.dir ?? "catalog";
  const root = posix.normalize(dir.split("\\").join("/")).replace(/\/$/, "") || ".";
  if (!(await isCatalogDir(dir))) {
    const catalog = new Catalog(root);
    const report = new DiagnosticCollector();
    report.atFile(
      root,
      "file/missing-catalog",
      `catalog folder ${root} does not exist or is not a folder`,
      "pass the catalog folder as an argument (mlcat validate path/to/catalog), or run from the repository root",
    );
    return { catalog, diagnostics: report.diagnostics, files: 0 };
  }
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  // With a cache, files it knows are hashed as they are read and their bytes let go (read again only if a text is needed).
  const cacheDir = options.openCache ? undefined : cacheDirOf(options);
  const cache = cacheDir === undefined ? options.openCache : new ContentCache(cacheDir, limits, options.cacheMaxBytes);
  const files = await readCatalogDir(dir, {
    maxFileBytes: limits.maxFileBytes,
    ...(cache && { defer: (relPath: string, oid: string) => knownToCache(cache, relPath, oid) }),
  });
  if (!cache && !wantsFastPath(options, files.length)) return buildCatalog(files, root, limits, plainParseStep(limits));
  const loaded = await loadFast(files, root, limits, { ...options, ...(cache && { openCache: cache }) });
  if (cache && cache !== options.openCache) {
    cache.finish();
    loaded.cache = { ...cache.stats };
  }
  return loaded;
}
