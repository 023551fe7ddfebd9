/** What every check receives: the catalog and a way to report problems at a value's position. */
import type { Diagnostic, Severity } from "../diagnostics/diagnostic.js";
import { CODES, type DiagnosticCode } from "../diagnostics/codes.js";
import type { Catalog } from "../model/catalog.js";
import type { Entity } from "../model/entity.js";
import { positionOf, type PositionTarget, type ValuePath } from "../yaml/positions.js";

/** Options of one report. */
export interface ReportOptions {
  /** Point at the key of the last path segment instead of its value. */
  target?: PositionTarget;
  /** Override the code's default severity. */
  severity?: Severity;
}

/** Collects diagnostics; checks never throw for bad input. */
export class DiagnosticCollector {
  readonly diagnostics: Diagnostic[] = [];

  /** Add a ready-made diagnostic. */
  push(d: Diagnostic): void {
    this.diagnostics.push(d);
  }

  /** Report `code` at the value `path` of `entity`. */
  at(
    entity: Entity,
    path: ValuePath,
    code: DiagnosticCode,
    message: string,
    hint: string,
    options: ReportOptions = {},
  ): void {
    const { line, column } = positionOf(entity.source, path, options.target);
    this.push({
      code,
      severity: options.severity ?? CODES[code].severity,
      file: entity.source.file,
      line,
      column,
      message,
      hint,
    });
  }

  /** Report `code` about a whole file (line 1, column 1 unless given). */
  atFile(
    file: string,
    code: DiagnosticCode,
    message: string,
    hint: string,
    options: { line?: number; column?: number; severity?: Severity } = {},
  ): void {
    this.push({
      code,
      severity: options.severity ?? CODES[code].severity,
      file,
      line: options.line ?? 1,
      column: options.column ?? 1,
      message,
      hint,
    });
  }
}

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

/** A small named unit of validation. */
export interface Check {
  /** Short kebab-case name, e.g. `references`. */
  name: string;
  /** The codes this check may report. */
  codes: readonly DiagnosticCode[];
  run(ctx: CheckContext): void;
}
