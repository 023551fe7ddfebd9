/** `mlcat validate [-c catalog-dir]` (the folder may also be given as the argument, as before). */
import { Option, type Command } from "commander";
import { ExitError } from "../diagnostics/diagnostic.js";
import { reportSummary } from "../report/summary.js";
import { validate } from "../validate.js";
import type { CliIO } from "./io.js";
import { FORMATS, printReport, type Format } from "./output.js";

/** Register `validate` on `program`; `setExit` receives the exit code. */
export function registerValidateCommand(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command("validate")
    .description("Validate a catalog folder: every problem at once, with file, line, column and a hint.")
    .argument("[catalog-dir]", "the catalog folder, as an argument (the same as --catalog)")
    .option("-c, --catalog <dir>", "the catalog folder (default: catalog)")
    .addOption(new Option("-f, --format <format>", "output format").choices(FORMATS).default("pretty"))
    .option(
      "--cache <dir>",
      "keep the data of files that parsed cleanly and passed their schema in <dir>, keyed by content, and a snapshot of the checks' results (default: $MLCAT_CACHE_DIR)",
    )
    .option("--no-cache", "use no content cache, even when MLCAT_CACHE_DIR is set")
    .option("--workers <n>", "worker threads for parsing: a number, or auto (large catalogs on several cores)", "auto")
    .addHelpText(
      "after",
      `
Exit codes: 0 no errors, 1 errors found, 2 bad usage or internal error.

Examples:
  $ mlcat validate
  $ mlcat validate --catalog path/to/catalog --format json
  $ mlcat validate --format github   # annotations, plus a job summary when GITHUB_STEP_SUMMARY is set
  $ mlcat validate --cache .mlcat-cache   # warm runs parse only the files that changed, and check again only what they can alter`,
    )
    .action(
      async (
        given: string | undefined,
        opts: { catalog?: string; format: Format; cache: string | boolean; workers: string },
      ) => {
        if (given !== undefined && opts.catalog !== undefined && given !== opts.catalog) {
          throw new ExitError(
            2,
            `two catalog folders given: ${given} and --catalog ${opts.catalog}\n  hint: give one, with --catalog <dir>`,
          );
        }
        const dir = opts.catalog ?? given ?? "catalog";
        const workers = opts.workers === "auto" ? "auto" : Number(opts.workers);
        if (workers !== "auto" && !(Number.isInteger(workers) && workers >= 0))
          throw new ExitError(2, `--workers must be auto or a whole number, not ${JSON.stringify(opts.workers)}`);
        // --cache <dir> names the folder; --no-cache turns it off; neither leaves it to MLCAT_CACHE_DIR.
        const cache =
          typeof opts.cache === "string" ? opts.cache : opts.cache === false ? false : io.env.MLCAT_CACHE_DIR;
        const result = await validate({ dir, workers, ...(cache !== undefined && { cache }) });
        const total = Object.values(result.summary.entities).reduce((a, b) => a + b, 0);
        // Texts for code frames, read only for the files a diagnostic is shown in.
        const sources = new Map(result.catalog.entities().map((e) => [e.source.file, e.source]));
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
          getText: (f) => sources.get(f)?.text,
        });
        setExit(result.summary.errors > 0 ? 1 : 0);
      },
    );
}
