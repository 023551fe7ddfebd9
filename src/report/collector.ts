/** Collects diagnostics at a value's position in an entity's file, or about a whole file: what checks and the loader report through. */
import type { Diagnostic, Severity } from "../diagnostics/diagnostic.js";
import { CODES, type DiagnosticCode } from "../diagnostics/codes.js";
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
