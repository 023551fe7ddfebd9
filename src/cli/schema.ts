/** `mlcat schema [--out dir]`: write mlcat's JSON Schemas, for editors and other tools. */
import { isAbsolute, relative, sep } from "node:path";
import type { Command } from "commander";
import { writeSchemaFiles, yamlSchemasSetting } from "../authoring/editor-schemas.js";
import { valueOr } from "./authoring-run.js";
import type { CliIO } from "./io.js";

interface SchemaOptions {
  out: string;
  catalog: string;
  force?: boolean;
}

/** Register `schema` on `program`. */
export function registerSchemaCommand(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command("schema")
    .description(
      "Write the JSON Schemas of every kind (and the shared definitions) to a folder, and print the editor mapping.",
    )
    .option("-o, --out <dir>", "the folder to write to", "schemas")
    .option("-c, --catalog <dir>", "the catalog folder, for the printed editor mapping", "catalog")
    .option("--force", "replace schema files that exist with other content")
    .addHelpText(
      "after",
      `
Files that exist with the same content are left alone; files with other content are refused unless --force.
Then point the YAML language server at them (the printed yaml.schemas setting goes in .vscode/settings.json),
or start a file with a modeline: mlcat new ... --modeline.

Examples:
  $ mlcat schema
  $ mlcat schema --out .mlcat/schemas --catalog catalog`,
    )
    .action(async (opts: SchemaOptions) => {
      const written = valueOr(io, await writeSchemaFiles(opts.out, { force: opts.force === true }));
      for (const w of written) io.out(`${w.status} ${w.file}\n`);
      const rel = relative(".", opts.out).split(sep).join("/");
      const schemasDir = rel.startsWith("..") || isAbsolute(rel) ? rel : `./${rel}`;
      const setting = { "yaml.schemas": yamlSchemasSetting(schemasDir, opts.catalog.split(sep).join("/")) };
      io.out(`\nFor editors, in .vscode/settings.json:\n${JSON.stringify(setting, null, 2)}\n`);
      setExit(0);
    });
}
