/** Print a run's diagnostics in the format the user chose. */
import { readFileSync, statSync } from "node:fs";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { escapeMarkdown, formatGithubAnnotations, formatGithubSummary } from "../report/github.js";
import { formatJson } from "../report/json.js";
import { formatPretty } from "../report/pretty.js";
import type { ReportSummary } from "../report/summary.js";
import type { CliIO } from "./io.js";
import { plural } from "../text/plural.js";

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
  /** A line after the report (pretty and github, and the job summary): what was left out, and how to see it. */
  note?: string;
  /** The pretty report's closing line when nothing is shown. */
  noProblems?: string;
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
      io.out(
        `${plural(summary.errors, "error")}, ${plural(summary.warnings, "warning")} in ${plural(summary.files, "file")}\n`,
      );
      if (input.note) io.out(`${input.note}\n`);
      const path = io.env.GITHUB_STEP_SUMMARY;
      if (path)
        io.appendFile(
          path,
          formatGithubSummary(diagnostics, summary, input.title) +
            (input.note ? `\n${escapeMarkdown(input.note)}\n` : ""),
        );
      return;
    }
    case "pretty": {
      const getText = (file: string) => input.getText?.(file) ?? readSmallFile(file);
      const color = io.env.NO_COLOR ? false : io.env.FORCE_COLOR ? true : io.isTTY;
      io.out(
        formatPretty(diagnostics, summary, {
          getText,
          color,
          ...(input.noProblems !== undefined && { noProblems: input.noProblems }),
        }),
      );
      if (input.note) io.out(`${input.note}\n`);
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
