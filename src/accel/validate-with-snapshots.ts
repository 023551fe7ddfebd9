/**
 * The checks with validation snapshots kept in the content cache folder: the
 * snapshot of this very catalog state when there is one, else of a state
 * named in `prefer` (a pull request's base), else the newest; the checks run
 * incrementally from it, and this state's snapshot is stored for next time.
 * The diagnostics are exactly those of a run of every check (tests compare).
 */
import type { Check } from "../checks/context.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { engineFolder } from "./content-cache.js";
import type { Catalog } from "../model/catalog.js";
import type { YamlLimits } from "../yaml/parse.js";
import type { Entity } from "../model/entity.js";
import { planChecks, runChecksIncrementally, type CheckPlan, type IncrementalStats } from "./run-checks.js";
import type { Snapshot } from "./snapshot.js";
import { filesDigest, SnapshotStore } from "./snapshot-store.js";

/** Where snapshots live and which to prefer. */
export interface SnapshotOptions {
  /** The content cache folder. */
  cacheDir: string;
  /** The loader's limits (part of the engine's fingerprint). */
  limits: YamlLimits;
  /** Digests of catalog states to start from, best first, after the catalog's own. */
  prefer?: readonly string[];
}

/** What the run did with snapshots. */
export interface SnapshotRunStats extends IncrementalStats {
  /** The digest of this catalog state, and of the snapshot the run started from (if any). */
  digest: string;
  from?: string;
}

/** Run `checks` on `catalog` (whose files are `files`) from the best stored snapshot; store this state's snapshot. */
export function checkWithSnapshots(
  catalog: Catalog,
  checks: readonly Check[],
  files: ReadonlyMap<string, string>,
  options: SnapshotOptions,
): { diagnostics: Diagnostic[]; stats: SnapshotRunStats } {
  const { found, digest, store } = startFrom(catalog, files, options);
  return finishRun(catalog, checks, files, found, digest, store);
}

/**
 * `checkWithSnapshots` for catalogs whose unchanged files may be left unread:
 * `prepare` gets the entities the run will look at again first (to read
 * their texts in one batch).
 */
export async function checkWithSnapshotsPrepared(
  catalog: Catalog,
  checks: readonly Check[],
  files: ReadonlyMap<string, string>,
  options: SnapshotOptions,
  prepare: (entities: Entity[]) => Promise<void>,
): Promise<{ diagnostics: Diagnostic[]; stats: SnapshotRunStats }> {
  const { found, digest, store } = startFrom(catalog, files, options);
  const plan = planChecks(catalog, checks, files, found?.snapshot);
  await prepare(plan.entitiesToCheck());
  return finishRun(catalog, checks, files, found, digest, store, plan);
}

function startFrom(catalog: Catalog, files: ReadonlyMap<string, string>, options: SnapshotOptions) {
  const store = new SnapshotStore(engineFolder(options.cacheDir, options.limits));
  const digest = filesDigest(files);
  const found = store.find([digest, ...(options.prefer ?? [])], catalog.root);
  return { store, digest, found };
}

function finishRun(
  catalog: Catalog,
  checks: readonly Check[],
  files: ReadonlyMap<string, string>,
  found: { digest: string; snapshot: Snapshot } | undefined,
  digest: string,
  store: SnapshotStore,
  plan?: CheckPlan,
): { diagnostics: Diagnostic[]; stats: SnapshotRunStats } {
  const run = runChecksIncrementally(catalog, checks, files, found?.snapshot, plan);
  // The same files' snapshot may hold checks this run did not run (validate's secrets check, when check runs): keep them.
  // It is the snapshot the run started from, whose tokens begin the new snapshot's with the same ids.
  const same = found?.digest === digest ? found.snapshot : undefined;
  const learned = !same || checks.some((c) => !same.checks.has(c.name));
  if (same)
    for (const [name, record] of same.checks) if (!run.snapshot.checks.has(name)) run.snapshot.checks.set(name, record);
  store.save(digest, run.snapshot, catalog.root, learned);
  return { diagnostics: run.diagnostics, stats: { ...run.stats, digest, ...(found && { from: found.digest }) } };
}
