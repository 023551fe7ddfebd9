/** `mlcat validate [catalog-dir]`. */
import { Option, type Command } from "commander";
import { reportSummary } from "../report/summary.js";
import { validate } from "../validate.js";
import type { CliIO } from "./io.js";
import { FORMATS, printReport, type Format } from "./output.js";

/** Register `validate` on `program`; `setExit` receives the exit code. */
export function registerValidateCommand(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command("validate")
    .description("Validate a catalog folder: every problem at once, with file, line, column and a hint.")
    .argument("[catalog-dir]", "the catalog folder", "catalog")
    .addOption(new Option("-f, --format <format>", "output format").choices(FORMATS).default("pretty"))
    .addHelpText(
      "after",
      `
Exit codes: 0 no errors, 1 errors found, 2 bad usage or internal error.

Examples:
  $ mlcat validate
  $ mlcat validate path/to/catalog --format json
  $ mlcat validate --format github   # annotations, plus a job summary when GITHUB_STEP_SUMMARY is set`,
    )
    .action(async (dir: string, opts: { format: Format }) => {
      const result = await validate({ dir });
      const total = Object.values(result.summary.entities).reduce((a, b) => a + b, 0);
      const texts = new Map(result.catalog.entities().map((e) => [e.source.file, e.source.text]));
      printReport(io, {
        format: opts.format,
        diagnostics: result.diagnostics,
        summary: reportSummary(result.diagnostics, result.summary.files, total),
        jsonSummary: {
          files: result.summary.files,
          entities: result.summary.entities,
          errors: result.summary.errors,
          warnings: result.summary.warnings,
          infos: result.summary.infos,
        },
        title: `mlcat validate ${dir}`,
        getText: (f) => texts.get(f),
      });
      setExit(result.summary.errors > 0 ? 1 : 0);
    });
}
