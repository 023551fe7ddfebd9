/** `mlcat reproduce <org/model:tag> [--out file]`: the Polyaxon operation that runs again what made a model version. */
import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { findVersion, reproduceVersion } from "../registry/reproduce.js";
import { ExitError } from "../diagnostics/diagnostic.js";
import { schemaCheck } from "../checks/schema.js";
import { validateCatalog } from "../validate.js";
import { openCatalog } from "./authoring-run.js";
import type { CliIO } from "./io.js";

interface ReproduceOptions {
  catalog: string;
  out?: string;
}

/** Register `reproduce` on `program`. */
export function registerReproduceCommand(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command("reproduce")
    .argument("<org/model:tag>", "the model version, or org/model@alias")
    .description(
      "Write the Polyaxon operation that re-runs what made a model version: its hub component version, params as recorded, code commit checked out.",
    )
    .option("-c, --catalog <dir>", "the catalog folder", "catalog")
    .option("-o, --out <file>", "write the operation to this file instead of printing it")
    .addHelpText(
      "after",
      `
It refuses (exit 1), listing every missing piece, when the lineage is not complete: no project or
experiment, a run that did not succeed, no hub component version, a required input without a param,
no code repository or commit, recorded data without a version or checksum.

Examples:
  $ mlcat reproduce acme/churn-model:1.2.0 --out reproduce.yaml
  $ polyaxon run -f reproduce.yaml --project acme/churn
  $ mlcat reproduce acme/churn-model@champion`,
    )
    .action(async (ref: string, opts: ReproduceOptions) => {
      const ws = await openCatalog(io, opts.catalog);
      // Marks each file schema-valid or not: only valid files are read as lineage.
      validateCatalog(ws.catalog, [schemaCheck]);
      const found = findVersion(ws.catalog, ref);
      if (!found.ok) throw new ExitError(found.usage ? 2 : 1, `${found.message}\n  hint: ${found.hint}`);
      const result = reproduceVersion(ws.catalog, found.version);
      if (!result.ok) {
        const list = result.missing.map((m) => `  - ${m}\n`).join("");
        throw new ExitError(
          1,
          `cannot reproduce ${found.version.key}: its lineage is not complete\n${list}  hint: record what is missing in ${ws.root}/${found.version.source.relPath} (or its experiment), then run this again`,
        );
      }
      if (opts.out === undefined) io.out(result.text);
      else {
        await writeFile(opts.out, result.text);
        io.out(`wrote ${opts.out}\nrun it: ${result.command.replace(/reproduce\.yaml/, opts.out)}\n`);
      }
      setExit(0);
    });
}
