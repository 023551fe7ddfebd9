/** `mlcat import polyaxon-hub <dir> --org <org>`: bring a Polyaxon hub checkout into the catalog, then validate it. */
import { posix } from "node:path";
import type { Command } from "commander";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { importPolyaxonHub, type ImportPolyaxonHubResult } from "../import/polyaxon-hub.js";
import { formatPretty } from "../report/pretty.js";
import { reportSummary } from "../report/summary.js";
import { validate } from "../validate.js";
import { processIO, type CliIO } from "./io.js";
import { plural } from "../text/plural.js";

interface ImportFlags {
  org: string;
  catalog: string;
  owner?: string;
  force?: boolean;
  extendVocabulary?: boolean;
}

/**
 * Register `import` (with its `polyaxon-hub` subcommand) on `program`.
 * `setExit` receives 1 when something was not imported or the imported files
 * have validation errors, else 0; a missing organization or source folder
 * throws `ExitError(2)`.
 */
export function registerImportCommand(
  program: Command,
  io: CliIO = processIO,
  setExit: (code: number) => void = () => {},
): Command {
  const cmd = program.command("import").description("Import components from other tools into the catalog.");
  cmd
    .command("polyaxon-hub")
    .description(
      "Import a Polyaxon hub checkout (<component>/<tag>.yaml) into an organization's component hub, then validate the catalog.",
    )
    .argument("<dir>", "the hub checkout folder")
    .requiredOption("--org <org>", "the organization that receives the components (must exist)")
    .option("-c, --catalog <catalog-dir>", "the catalog folder", "catalog")
    .option("--owner <user>", "owner of the new hub entries (default: the organization's first owner)")
    .option("--force", "overwrite files that exist")
    .option(
      "--extend-vocabulary",
      "add the specs' tags that catalog.yaml's vocabularies.tags lacks to it, instead of leaving them out of the entries",
    )
    .addHelpText(
      "after",
      `
Every spec is copied byte for byte to orgs/<org>/components/<component>/versions/<tag>.yaml;
component.yaml (the hub entry) gets the specs' description and tags, the owner and one release per tag.
Files that exist are left alone unless --force is given. Spec tags outside catalog.yaml's tag vocabulary
are left out of the entries and listed, or added to the vocabulary with --extend-vocabulary.

Exit codes: 0 imported, 1 something was not imported or has validation errors, 2 bad usage.

Example:
  $ mlcat import polyaxon-hub ../hub --org acme --owner alice
  $ mlcat import polyaxon-hub ../hub --org polyaxon --extend-vocabulary`,
    )
    .action(async (dir: string, flags: ImportFlags) => {
      const result = await importPolyaxonHub({
        source: dir,
        org: flags.org,
        catalogDir: flags.catalog,
        owner: flags.owner,
        force: flags.force,
        extendVocabulary: flags.extendVocabulary,
      });
      io.out(formatImport(result));
      const errors = await printValidation(io, flags.catalog, flags.org, result.components);
      setExit(result.problems.length > 0 || errors > 0 ? 1 : 0);
    });
  for (const c of [cmd, ...cmd.commands]) c.exitOverride();
  return cmd;
}

/** What the import did, one line per file, then a summary line. */
export function formatImport(result: ImportPolyaxonHubResult): string {
  const lines = [
    ...result.written.map((f) => `wrote ${f}`),
    ...result.skipped.map((f) => `skipped ${f} (exists; pass --force to overwrite)`),
    ...result.problems.flatMap((p) => [`not imported: ${p.message}`, `  hint: ${p.hint}`]),
  ];
  if (result.ignored.length > 0) lines.push(`ignored: ${result.ignored.join(", ")}`);
  lines.push(...result.notes.map((n) => `note: ${n}`));
  const n = result.components.length;
  lines.push(
    `Imported ${n} component${n === 1 ? "" : "s"}: ${plural(result.written.length, "file")} written, ${result.skipped.length} skipped, ${result.problems.length} not imported.`,
  );
  if (result.written.length === 0 && result.skipped.length > 0)
    lines.push(`Nothing written: every file exists. Pass --force to overwrite them.`);
  return lines.join("\n") + "\n";
}

/** Validate the catalog; print the diagnostics of the imported components and the catalog's totals. Returns the imported files' error count. */
async function printValidation(io: CliIO, catalogDir: string, org: string, components: string[]): Promise<number> {
  const result = await validate({ dir: catalogDir });
  const root = posix.normalize(catalogDir.split("\\").join("/")).replace(/\/$/, "") || ".";
  const prefixes = components.map((c) => posix.join(root, "orgs", org, "components", c) + "/");
  const mine = result.diagnostics.filter((d: Diagnostic) => prefixes.some((p) => d.file.startsWith(p)));
  const texts = new Map(result.catalog.entities().map((e) => [e.source.file, e.source.text]));
  const entities = Object.values(result.summary.entities).reduce((a, b) => a + b, 0);
  const color = io.env.NO_COLOR ? false : io.env.FORCE_COLOR ? true : io.isTTY;
  io.out(`\nValidation of the imported components:\n\n`);
  io.out(
    formatPretty(mine, reportSummary(mine, result.summary.files, entities), { getText: (f) => texts.get(f), color }),
  );
  const { errors, warnings, infos } = result.summary;
  io.out(
    `Whole catalog ${root}: ${plural(errors, "error")}, ${plural(warnings, "warning")}, ${plural(infos, "info")} (mlcat validate ${root} shows them all).\n`,
  );
  return mine.filter((d) => d.severity === "error").length;
}
