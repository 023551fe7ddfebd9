/** The Markdown of docs/diagnostics.md, generated from the code table. */
import { CODES, type DiagnosticCode } from "./codes.js";

const INTRO = `# Diagnostics

Every problem mlcat reports is a diagnostic: \`{code, severity, file, line, column, message, hint}\`.
\`mlcat validate\` and \`mlcat check\` report all of them at once; \`--format json\` prints them as data,
\`--format github\` as annotations on the pull request's diff.

Severities: **error** fails the run (exit 1); **warning** and **info** are reported but do not fail it.
The severities below are the defaults: catalog.yaml's \`severity\` can set another per path glob, or turn a code
off (see [checks.md](checks.md#severity-settings)).

This table is generated from \`src/diagnostics/codes.ts\` by \`npm run docs\`; a test keeps it in step.
`;

/** docs/diagnostics.md, from `CODES`. */
export function renderDiagnosticsDoc(): string {
  const groups = new Map<string, DiagnosticCode[]>();
  for (const code of Object.keys(CODES) as DiagnosticCode[]) {
    const group = code.split("/")[0]!;
    groups.set(group, [...(groups.get(group) ?? []), code]);
  }
  const parts = [INTRO];
  for (const [group, codes] of groups) {
    parts.push(`## ${group}\n\n| code | severity | meaning |\n| --- | --- | --- |`);
    parts.push(
      codes.map((c) => `| \`${c}\` | ${CODES[c].severity} | ${CODES[c].summary.replace(/\|/g, "\\|")} |`).join("\n") +
        "\n",
    );
  }
  return parts.join("\n");
}
