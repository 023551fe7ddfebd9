/**
 * Problems are data: every check reports `Diagnostic` values into a collector
 * and the run goes on, so a user sees every problem at once.
 */
import type { DiagnosticCode } from "./codes.js";

/** How bad a problem is. Only `error` makes `mlcat validate` exit 1. */
export type Severity = "error" | "warning" | "info";

/** A position in a file: 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

/** One problem, at one place, with a way out. */
export interface Diagnostic {
  /** A code from the closed table in `codes.ts` (documented in docs/diagnostics.md). */
  code: DiagnosticCode;
  severity: Severity;
  /** Path of the file as the user knows it (e.g. `catalog/orgs/acme/organization.yaml`). */
  file: string;
  /** 1-based line; 1 for problems about a whole file. */
  line: number;
  /** 1-based column; 1 for problems about a whole file. */
  column: number;
  /** What is wrong, where, and what was expected. */
  message: string;
  /** How to fix it. */
  hint: string;
}

/** Sort order used by every reporter: file, then line, then column, then code (then message and hint, so ties have a fixed order). */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  if (a.column !== b.column) return a.column - b.column;
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  // Ties (two problems of one code at one place) in a fixed order, however the checks ran.
  if (a.message !== b.message) return a.message < b.message ? -1 : 1;
  return a.hint < b.hint ? -1 : a.hint > b.hint ? 1 : 0;
}

/** Counts of diagnostics by severity. */
export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}

/** Thrown for bugs only: the CLI prints it, asks the user to report it, and exits 2. */
export class InternalError extends Error {
  override name = "InternalError";
}

/** Thrown by the CLI to exit with a code after printing `message` (if any) to stderr. */
export class ExitError extends Error {
  override name = "ExitError";
  constructor(
    readonly exitCode: number,
    message = "",
  ) {
    super(message);
  }
}
