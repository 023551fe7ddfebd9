/** `--format json`: one object on stdout, for machines. */
import type { Diagnostic } from "../diagnostics/diagnostic.js";

/** The JSON report: every diagnostic and a summary. */
export interface JsonReport<S> {
  diagnostics: Diagnostic[];
  summary: S;
}

/** The report as one line of JSON plus a newline. */
export function formatJson<S>(diagnostics: readonly Diagnostic[], summary: S): string {
  const report: JsonReport<S> = { diagnostics: [...diagnostics], summary };
  return JSON.stringify(report) + "\n";
}
