/** `--format pretty`: file:line:column, a code frame, the hint, and a summary, like `tsc`. */
import pc from "picocolors";
import type { Diagnostic, Severity } from "../diagnostics/diagnostic.js";
import { redactSecrets } from "../secrets/redact.js";
import { codeFrame, visible } from "./code-frame.js";
import type { ReportSummary } from "./summary.js";
import { plural } from "../text/plural.js";

/** Options of `formatPretty`. */
export interface PrettyOptions {
  /** The text of a file, for code frames; `undefined` when it is not available. */
  getText?: (file: string) => string | undefined;
  /** Colours on or off (default: picocolors' own detection of the terminal, NO_COLOR and FORCE_COLOR). */
  color?: boolean;
  /** The closing line when there is nothing to show (default: `No problems in N entities (M files).`). */
  noProblems?: string;
}

/** Diagnostics and a summary as human-readable text. */
export function formatPretty(
  diagnostics: readonly Diagnostic[],
  summary: ReportSummary,
  options: PrettyOptions = {},
): string {
  const c = pc.createColors(options.color ?? pc.isColorSupported);
  const paint: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.blue };
  const secretFiles = new Set(diagnostics.filter((d) => d.code === "secret/detected").map((d) => d.file));
  const blocks = diagnostics.map((d) => {
    const head = `${c.cyan(visible(d.file))}:${c.yellow(String(d.line))}:${c.yellow(String(d.column))} - ${paint[d.severity](d.severity)} ${c.gray(d.code)}: ${visible(d.message)}`;
    const raw = options.getText?.(d.file);
    // Frames of a file holding a secret show it masked: they would print it into the log.
    const text = raw !== undefined && secretFiles.has(d.file) ? redactSecrets(raw) : raw;
    // A secret found in a pull request's history may be gone from the file: its position is in the message, no frame.
    const frame = text === undefined || d.code === "secret/detected" ? "" : codeFrame(text, d.line, d.column);
    return [head, frame && `\n${frame}`, `\n  ${c.bold("hint:")} ${visible(d.hint)}`].filter(Boolean).join("\n");
  });
  const files = new Set(diagnostics.map((d) => d.file)).size;
  const counts = [plural(summary.errors, "error"), plural(summary.warnings, "warning")];
  if (summary.infos > 0) counts.push(plural(summary.infos, "info"));
  const tail =
    diagnostics.length === 0
      ? c.green(
          options.noProblems ??
            `No problems in ${plural(summary.entities, "entity", "entities")} (${plural(summary.files, "file")}).`,
        )
      : `Found ${counts.join(", ")} in ${plural(files, "file")} (${plural(summary.entities, "entity", "entities")} in ${plural(summary.files, "file")} checked).`;
  return [...blocks, tail].join("\n\n") + "\n";
}
