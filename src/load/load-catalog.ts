/**
 * Load a catalog from raw files or from a folder. The plain path reads the
 * files, parses each one in the loop and builds the catalog; a
 * `LoadAccelerator` (see src/accel/) may take the per-file work over (a
 * content cache, worker threads) and gives the same catalog and diagnostics.
 */
import { posix } from "node:path";
import { DiagnosticCollector } from "../report/collector.js";
import { Catalog } from "../model/catalog.js";
import { DEFAULT_LIMITS, type YamlLimits } from "../yaml/parse.js";
import { buildCatalog, plainParseStep, type LoadResult } from "./build-catalog.js";
import { isCatalogDir, readCatalogDir } from "./read-dir.js";
import type { RawFile } from "../model/raw-file.js";

export type { LoadResult } from "./build-catalog.js";

/** The loader's seam: how a load's per-file work is done when it is not done in the loop. */
export interface LoadAccelerator {
  /** Whether a file read from disk may be left unread, keeping only its blob id (its outcome is known already). */
  defer?(relPath: string, oid: string): boolean;
  /** Build the catalog of `files`: the catalog and diagnostics the plain path gives. */
  load(files: readonly RawFile[], root: string, limits: YamlLimits): LoadResult;
}

/** Options of `loadCatalogFromFiles`. */
export interface LoadFilesOptions {
  /** Display path of the catalog folder, prefixed to every file in diagnostics (default `catalog`). */
  root?: string;
  limits?: Partial<YamlLimits>;
  /** Who does the per-file work (default: parsed in the loop). */
  accelerator?: LoadAccelerator;
}

/** Load a catalog from raw files (from a folder or from git objects). */
export function loadCatalogFromFiles(files: readonly RawFile[], options: LoadFilesOptions = {}): LoadResult {
  const root = options.root ?? "catalog";
  const limits: YamlLimits = { ...DEFAULT_LIMITS, ...options.limits };
  if (options.accelerator) return options.accelerator.load(files, root, limits);
  return buildCatalog(files, root, limits, plainParseStep(limits));
}

/** Options of `loadCatalog`. */
export interface LoadOptions {
  /** The catalog folder on disk (default `catalog`). */
  dir?: string;
  limits?: Partial<YamlLimits>;
  /** Who does the per-file work (default: parsed in the loop). */
  accelerator?: LoadAccelerator;
}

/** Load a catalog folder from the working tree. */
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
  const accelerator = options.accelerator;
  const defer = accelerator?.defer?.bind(accelerator);
  const files = await readCatalogDir(dir, { maxFileBytes: limits.maxFileBytes, ...(defer && { defer }) });
  if (accelerator) return accelerator.load(files, root, limits);
  return buildCatalog(files, root, limits, plainParseStep(limits));
}
