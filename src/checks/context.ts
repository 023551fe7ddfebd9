/** What every check receives: the catalog and a way to report problems at a value's position. */
import type { DiagnosticCode } from "../diagnostics/codes.js";
import type { DiagnosticCollector } from "../report/collector.js";
import type { Catalog } from "../model/catalog.js";
import type { Entity } from "../model/entity.js";

/** The input of a check. */
export interface CheckContext {
  catalog: Catalog;
  report: DiagnosticCollector;
  /** Set by an incremental run: which subjects to check, and where to file what each one read and reported. */
  scope?: CheckScope;
}

/**
 * How an incremental run steers a check. A check goes through its subjects
 * with `forEachSubject`; the scope says which ones need checking again and
 * records, for each one, what it read of the catalog and what it reported.
 */
export interface CheckScope {
  wants(subject: Entity): boolean;
  enter(subject: Entity): void;
  leave(subject: Entity): void;
  /** The catalog with no read tracked (`ctx.catalog` tracks them), for `acrossCatalog`. */
  untracked: Catalog;
}

/**
 * Check each of `subjects` with `fn`: all of them in a plain run; in an
 * incremental run only those whose result a change may have altered, each
 * one's reads and reports recorded. `fn` may read anything of the catalog
 * and report anywhere; what it reports is the subject's result.
 */
export function forEachSubject<E extends Entity>(
  ctx: CheckContext,
  subjects: readonly E[],
  fn: (subject: E) => void,
): void {
  const scope = ctx.scope;
  if (!scope) {
    for (const subject of subjects) fn(subject);
    return;
  }
  for (const subject of subjects) {
    if (!scope.wants(subject)) continue;
    scope.enter(subject);
    try {
      fn(subject);
    } finally {
      scope.leave(subject);
    }
  }
}

/**
 * Run a part of a check that goes across the whole catalog on every run
 * (path names, or one kind's own files): an incremental run does not track
 * what it reads, and runs it in full every time.
 */
export function acrossCatalog<T>(ctx: CheckContext, fn: (catalog: Catalog) => T): T {
  return fn(ctx.scope?.untracked ?? ctx.catalog);
}

/** A small named unit of validation. */
export interface Check {
  /** Short kebab-case name, e.g. `references`. */
  name: string;
  /** The codes this check may report. */
  codes: readonly DiagnosticCode[];
  run(ctx: CheckContext): void;
}
