/**
 * Load and validate a catalog: the library's main entry points. The plain
 * path reads, parses, builds the catalog, runs the checks and reports; with a
 * content cache or worker threads (src/accel/) the load and the checks are
 * sped up behind their seams, with the same diagnostics.
 */
import { CHECKS } from "./checks/index.js";
import type { Check } from "./checks/context.js";
import { DiagnosticCollector } from "./report/collector.js";
import { runCheck } from "./checks/run-check.js";
import { compareDiagnostics, countBySeverity, type Diagnostic } from "./diagnostics/diagnostic.js";
import type { CacheStats } from "./accel/content-cache.js";
import { checkWithSnapshots, type SnapshotRunStats } from "./accel/validate-with-snapshots.js";
import { Accelerator, type AccelOptions } from "./accel/load-fast.js";
import { loadCatalog, type LoadOptions } from "./load/load-catalog.js";
import { DEFAULT_LIMITS } from "./yaml/parse.js";
import { redactDiagnostics } from "./secrets/redact.js";
import type { Catalog } from "./model/catalog.js";
import type { Kind } from "./model/kinds.js";

/** Counts a validation run reports. */
export interface ValidationSummary {
  /** Files read (entities plus READMEs plus rejected files). */
  files: number;
  /** Number of entities per kind. */
  entities: Record<Kind, number>;
  errors: number;
  warnings: number;
  infos: number;
}

/** A validated catalog and every problem found, sorted by file, line and column. */
export interface ValidationResult {
  catalog: Catalog;
  diagnostics: Diagnostic[];
  summary: ValidationSummary;
  /** What the content cache did, when one was used. */
  cache?: CacheStats;
  /** With a content cache: the validation snapshot the checks started from, and how much they checked again. */
  snapshot?: SnapshotRunStats;
}

/** Run `checks` (default: all of them, in order) over a loaded catalog. A check that throws is a bug: it becomes an InternalError. */
export function validateCatalog(catalog: Catalog, checks: readonly Check[] = CHECKS): Diagnostic[] {
  const report = new DiagnosticCollector();
  for (const check of checks) runCheck(check, { catalog, report });
  return report.diagnostics;
}

/** Options of `validate`: where the catalog is, and how the run is sped up (`cache` and `workers`, or an accelerator of your own, which `validate` finishes). */
export type ValidateOptions = Omit<LoadOptions, "accelerator"> & AccelOptions & { accelerator?: Accelerator };

/**
 * Load the catalog folder and validate it: every problem at once. Options
 * choose the content cache (`cache`, a folder) and worker threads
 * (`workers`); the diagnostics are the same with or without them.
 */
export async function validate(options: ValidateOptions = {}): Promise<ValidationResult> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const accelerator = options.accelerator ?? new Accelerator(options, limits);
  const loaded = await loadCatalog({ ...options, accelerator });
  const cache = accelerator.finish();
  const cacheDir = accelerator.cache?.dir;
  // With a cache, the checks start from the snapshot of an earlier run and check again only what the changes can alter.
  const incremental =
    cacheDir !== undefined && loaded.oids
      ? checkWithSnapshots(loaded.catalog, CHECKS, loaded.oids, { cacheDir, limits })
      : undefined;
  const checked = incremental ? incremental.diagnostics : validateCatalog(loaded.catalog);
  // A credential held in a path or quoted in a message is reported by the secrets check, and masked everywhere.
  const diagnostics = redactDiagnostics([...loaded.diagnostics, ...checked]).sort(compareDiagnostics);
  return {
    catalog: loaded.catalog,
    diagnostics,
    summary: summarize(loaded.catalog, diagnostics, loaded.files),
    ...(cache && { cache }),
    ...(incremental && { snapshot: incremental.stats }),
  };
}

/** The summary of a run. */
export function summarize(catalog: Catalog, diagnostics: readonly Diagnostic[], files: number): ValidationSummary {
  const counts = countBySeverity(diagnostics);
  return { files, entities: catalog.counts(), errors: counts.error, warnings: counts.warning, infos: counts.info };
}
