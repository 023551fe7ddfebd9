/** Print a run's diagnostics in the format the user chose. */
import { readFileSync, statSync } from "node:fs";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { formatGithubAnnotations, formatGithubSummary } from "../report/github.js";
import { formatJson } from "../report/json.js";
import { formatPretty } from "../report/pretty.js";
import type { ReportSummary } from "../report/summary.js";
import type { CliIO } from "./io.js";

/** The output formats of `validate` and `check`. */
export const FORMATS = ["pretty", "json", "github"] as const;
export type Format = (typeof FORMATS)[number];

/** What to print. */
export interface PrintInput<S> {
  format: Format;
  diagnostics: readonly Diagnostic[];
  summary: ReportSummary;
  /** The summary object of the JSON report. */
  jsonSummary: S;
  /** Title of the GitHub job summary. */
  title: string;
  /** Source texts for code frames (pretty); files not found here are read from disk. */
  getText?: (file: string) => string | undefined;
}

/** Write the report to `io` (and the job summary file when GITHUB_STEP_SUMMARY is set). */
export function printReport<S>(io: CliIO, input: PrintInput<S>): void {
  const { diagnostics, summary } = input;
  switch (input.format) {
    case "json":
      io.out(formatJson(diagnostics, input.jsonSummary));
      return;
    case "github": {
      io.out(formatGithubAnnotations(diagnostics));
      io.out(`${summary.errors} errors, ${summary.warnings} warnings in ${summary.files} files\n`);
      const path = io.env.GITHUB_STEP_SUMMARY;
      if (path) io.appendFile(path, formatGithubSummary(diagnostics, summary, input.title));
      return;
    }
    case "pretty": {
      const getText = (file: string) => input.getText?.(file) ?? readSmallFile(file);
      const color = io.env.NO_COLOR ? false : io.env.FORCE_COLOR ? true : io.isTTY;
      io.out(formatPretty(diagnostics, summary, { getText, color }));
      return;
    }
  }
}

/** A file's text for a code frame, if it exists and is small. */
function readSmallFile(file: string): string | undefined {
  try {
    if (statSync(file).size > 1024 * 1024) return undefined;
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}
