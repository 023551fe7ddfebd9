/**
 * `--format github`: GitHub Actions workflow commands (annotations on the
 * diff) and a Markdown job summary. All text is escaped: messages carry
 * names from untrusted files.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { ReportSummary } from "./summary.js";
import { visible } from "./code-frame.js";
import { plural } from "../text/plural.js";

const COMMAND = { error: "error", warning: "warning", info: "notice" } as const;

/** One workflow command per diagnostic (`::error file=...,line=...,col=...,title=...::message`). */
export function formatGithubAnnotations(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const props = [
        `file=${escapeProperty(d.file)}`,
        `line=${d.line}`,
        `col=${d.column}`,
        `title=${escapeProperty(`mlcat ${d.code}`)}`,
      ].join(",");
      return `::${COMMAND[d.severity]} ${props}::${escapeData(`${d.message}\nhint: ${d.hint}`)}\n`;
    })
    .join("");
}

/** A Markdown job summary: counts, then a table of the problems (at most `limit` rows). */
export function formatGithubSummary(
  diagnostics: readonly Diagnostic[],
  summary: ReportSummary,
  title = "mlcat validate",
  limit = 200,
): string {
  const status = summary.errors > 0 ? "❌" : "✅";
  const lines = [
    `## ${status} ${escapeMarkdown(title)}`,
    "",
    `${plural(summary.errors, "error")}, ${plural(summary.warnings, "warning")}, ${plural(summary.infos, "info")} in ${plural(summary.files, "file")} (${plural(summary.entities, "entity", "entities")}).`,
    "",
  ];
  if (diagnostics.length > 0) {
    lines.push("| | where | code | problem | hint |", "| --- | --- | --- | --- | --- |");
    for (const d of diagnostics.slice(0, limit)) {
      const icon = d.severity === "error" ? "❌" : d.severity === "warning" ? "⚠️" : "ℹ️";
      lines.push(
        `| ${icon} | \`${escapeCode(`${d.file}:${d.line}:${d.column}`)}\` | \`${d.code}\` | ${escapeMarkdown(d.message)} | ${escapeMarkdown(d.hint)} |`,
      );
    }
    if (diagnostics.length > limit) lines.push("", `…and ${diagnostics.length - limit} more (see the job log).`);
  }
  return lines.join("\n") + "\n";
}

/** Escape a workflow command's message. */
export function escapeData(s: string): string {
  return visible(s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A"));
}

/** Escape a workflow command's property value. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** Make untrusted text inert in a Markdown table cell: no HTML, no links, no breaking out of the cell. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\r\n]+/g, " ").replace(/[\\`*_{}[\]()#+!|<>&~]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function escapeCode(s: string): string {
  return s.replace(/[`\r\n|]/g, "_");
}
