/** `mlcat fmt [files...] [--check]`: canonical formatting and key order for catalog files, keeping comments. */
import { relative, resolve, sep } from "node:path";
import type { Command } from "commander";
import { formatCatalog } from "../authoring/format-catalog.js";
import { ExitError } from "../diagnostics/diagnostic.js";
import { applyPlan } from "../authoring/apply-plan.js";
import { addAuthoringOptions, openCatalog, valueOr, type AuthoringOptions } from "./authoring-run.js";
import type { CliIO } from "./io.js";
import { plural } from "../text/plural.js";

interface FmtOptions extends AuthoringOptions {
  check?: boolean;
}

/** Register `fmt` on `program`. */
export function registerFmtCommand(program: Command, io: CliIO, setExit: (code: number) => void): void {
  const cmd = program
    .command("fmt")
    .argument("[files...]", "catalog files to format (default: every file of the catalog)")
    .description(
      "Put catalog files in canonical form: key order, indentation, flow style; comments and blank lines stay.",
    )
    .option("--check", "change nothing; list the files that are not formatted and exit 1 if there are any");
  addAuthoringOptions(cmd, { dryRun: false });
  cmd
    .addHelpText(
      "after",
      `
Component specs (versions/<tag>.yaml and project components) are Polyaxon's files and are left as they are.

Exit codes: 0 formatted (or, with --check, nothing to format), 1 files to format or files that do not load, 2 bad usage.

Examples:
  $ mlcat fmt
  $ mlcat fmt --check                  # in CI
  $ mlcat fmt catalog/orgs/acme/teams/ml.yaml`,
    )
    .action(async (files: string[], opts: FmtOptions) => {
      const ws = await openCatalog(io, opts.catalog);
      const only = files.length ? new Set(files.map((f) => toCatalogPath(opts.catalog, f))) : undefined;
      const result = formatCatalog(ws, only);
      for (const { file, reason } of result.skipped) io.err(`mlcat: cannot format ${file}: ${reason}\n`);
      const changed = result.plan.changes.map((c) => `${ws.root}/${c.relPath}`);
      if (opts.check) {
        for (const file of changed) io.out(`${file}\n`);
        io.out(
          changed.length
            ? `${changed.length} of ${plural(result.checked.length, "file")} ${changed.length === 1 ? "is" : "are"} not formatted: run mlcat fmt\n`
            : `${plural(result.checked.length, "file")} ${result.checked.length === 1 ? "is" : "are"} formatted\n`,
        );
        setExit(changed.length || result.skipped.length ? 1 : 0);
        return;
      }
      if (changed.length === 0) {
        io.out(
          `${plural(result.checked.length, "file")} ${result.checked.length === 1 ? "is" : "are"} formatted; nothing to change\n`,
        );
        setExit(result.skipped.length ? 1 : 0);
        return;
      }
      const applied = valueOr(io, await applyPlan(ws, result.plan));
      for (const file of applied.written) io.out(`formatted ${file}\n`);
      const withErrors = new Set(applied.diagnostics.filter((d) => d.severity === "error").map((d) => d.file)).size;
      if (withErrors)
        io.out(
          `note: ${withErrors} of the formatted files have errors that formatting does not fix (run mlcat validate ${ws.root})\n`,
        );
      setExit(result.skipped.length ? 1 : 0);
    });
}

/** A file argument (relative to the working directory) as a path relative to the catalog folder. */
function toCatalogPath(catalogDir: string, file: string): string {
  const rel = relative(resolve(catalogDir), resolve(file));
  if (rel.startsWith("..") || rel === "")
    throw new ExitError(
      2,
      `${file} is not inside the catalog folder ${catalogDir}\n  hint: pass files under ${catalogDir}, or set --catalog`,
    );
  return rel.split(sep).join("/");
}
