/**
 * Run the checks incrementally: every check goes through its subjects, but
 * a subject whose result no change can have altered (its own files are the
 * same, it came from the content cache, and nothing it read last time
 * changed) is not checked again: its result comes from the previous
 * snapshot. What each check reads outside its subjects is recorded too; when
 * one of those reads changed, the whole check runs again. Parts of checks
 * that look only at paths across the catalog (name collisions, missing
 * parents) run every time. Without a previous snapshot everything runs, and
 * the snapshot of this run is the result either way.
 */
import type { Check, CheckScope } from "../checks/context.js";
import { DiagnosticCollector } from "../report/collector.js";
import { runCheck } from "../checks/run-check.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { isFromCache } from "./cached-entity.js";
import type { Catalog } from "../model/catalog.js";
import type { Entity } from "../model/entity.js";
import { ColumnsBuilder, TokenTable, type CheckColumns, type Snapshot } from "./snapshot.js";
import { invalidatedBy } from "./tokens.js";
import { recordingCatalog } from "./recording-catalog.js";

/** What an incremental run did. */
export interface IncrementalStats {
  /** Subject results computed in this run, and taken from the previous snapshot. */
  checked: number;
  reused: number;
  /** Checks that ran over every subject (no usable snapshot, or something they read outside subjects changed). */
  fullChecks: string[];
}

/** The outcome: the checks' diagnostics (unsorted) and this catalog's snapshot. */
export interface IncrementalResult {
  diagnostics: Diagnostic[];
  snapshot: Snapshot;
  stats: IncrementalStats;
}

const idOf = (e: Entity) => `${e.kind}|${e.key}`;

/** Which results a run will compute again, decided before it starts. */
export interface CheckPlan {
  /** Whether `check` runs over every subject. */
  full(check: string): boolean;
  /** Whether `check` computes the result of `subject` again. */
  stale(check: string, subject: Entity): boolean;
  /** The entities some check will look at again (every entity when a check runs in full). */
  entitiesToCheck(): Entity[];
  /** Every entity of the catalog by subject id (`Kind|key`). */
  byId: ReadonlyMap<string, Entity>;
}

/** Plan a run of `checks` over `catalog` (whose files are `files`) from `previous`. */
export function planChecks(
  catalog: Catalog,
  checks: readonly Check[],
  files: ReadonlyMap<string, string>,
  previous?: Snapshot,
): CheckPlan {
  const invalid = previous && invalidatedBy(previous.files, files);
  // The previous snapshot's token ids that a change invalidates.
  const changed = previous && invalid && Uint8Array.from(previous.tokens, (t) => (invalid.has(t) ? 1 : 0));
  const fullChecks = new Set<string>();
  for (const check of checks) {
    const before = previous?.checks.get(check.name);
    if (!changed || !before || before.globals.some((t) => changed[t] === 1)) fullChecks.add(check.name);
  }
  // Per check, the subjects whose own files changed or whose previous result read something that changed.
  const reached = new Map<string, Set<Entity>>();
  const byId = new Map<string, Entity>();
  for (const e of catalog.subjects(undefined, false)) byId.set(idOf(e), e);
  if (invalid && changed) {
    const own: Entity[] = [];
    for (const t of invalid) if (t.startsWith("=") && byId.has(t.slice(1))) own.push(byId.get(t.slice(1))!);
    for (const check of checks) {
      if (fullChecks.has(check.name)) continue;
      const set = new Set<Entity>(own);
      const before = previous!.checks.get(check.name)!;
      let start = 0;
      before.subjects.forEach((id, i) => {
        const end = before.readEnds[i]!;
        for (let k = start; k < end; k++) {
          if (changed[before.reads[k]!] !== 1) continue;
          const e = byId.get(id);
          if (e) set.add(e);
          break;
        }
        start = end;
      });
      reached.set(check.name, set);
    }
  }
  const stale = (check: string, e: Entity): boolean =>
    fullChecks.has(check) || !isFromCache(e) || reached.get(check)!.has(e);
  return {
    byId,
    full: (check) => fullChecks.has(check),
    stale,
    entitiesToCheck: () => {
      const all = [...byId.values()];
      return fullChecks.size > 0 ? all : all.filter((e) => checks.some((c) => stale(c.name, e)));
    },
  };
}

/** Run `checks` over `catalog`, whose files are `files`, reusing what `previous` found where nothing it depends on changed. */
export function runChecksIncrementally(
  catalog: Catalog,
  checks: readonly Check[],
  files: ReadonlyMap<string, string>,
  previous?: Snapshot,
  plan: CheckPlan = planChecks(catalog, checks, files, previous),
): IncrementalResult {
  const report = new DiagnosticCollector();
  const carried: Diagnostic[] = [];
  // The new snapshot's tokens start as the previous one's, so a carried result's token ids stay what they were.
  const table = new TokenTable(previous?.tokens);
  const columns = new Map<string, CheckColumns>();
  const stats: IncrementalStats = { checked: 0, reused: 0, fullChecks: [] };

  for (const check of checks) {
    const before = previous?.checks.get(check.name);
    const full = plan.full(check.name);
    if (full) stats.fullChecks.push(check.name);
    const stale = (e: Entity): boolean => plan.stale(check.name, e);

    const computed = new Map<string, { reads: Set<string>; diagnostics: Diagnostic[] }>();
    const globals = new Set<string>();
    const done = new Set<string>();
    let reads: Set<string> | undefined;
    let start = 0;
    const scope: Omit<CheckScope, "untracked"> = {
      wants: stale,
      enter: () => {
        reads = new Set();
        start = report.diagnostics.length;
      },
      leave: (e) => {
        const id = idOf(e);
        const diagnostics = report.diagnostics.slice(start);
        // A check may go through one subject in several passes (the vocabularies check: a model's tags, then its license): its result is all of them.
        const earlier = computed.get(id);
        if (earlier) {
          for (const t of reads!) earlier.reads.add(t);
          earlier.diagnostics.push(...diagnostics);
        } else if (reads!.size > 0 || diagnostics.length > 0) computed.set(id, { reads: reads!, diagnostics });
        reads = undefined;
        done.add(id);
        stats.checked++;
      },
    };
    const recorded = recordingCatalog(catalog, (t) => (reads ?? globals).add(t));
    runCheck(check, { catalog: recorded, report, scope: { ...scope, untracked: catalog } });
    const builder = new ColumnsBuilder(table);
    for (const [id, result] of computed) builder.add(id, result.reads, result.diagnostics);
    if (!full && before) {
      before.subjects.forEach((id, i) => {
        const e = plan.byId.get(id);
        if (done.has(id) || !e || stale(e)) return;
        builder.carry(before, i);
        const diagnostics = before.diagnostics.get(i);
        if (diagnostics) carried.push(...diagnostics);
        stats.reused++;
      });
    }
    columns.set(check.name, builder.build(globals));
  }
  return {
    diagnostics: [...report.diagnostics, ...carried],
    snapshot: { files: new Map(files), tokens: table.tokens, checks: columns },
    stats,
  };
}
