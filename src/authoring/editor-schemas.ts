/**
 * JSON Schemas for editors: copy mlcat's schema files to a folder, and the
 * YAML language server's `yaml.schemas` mapping from those files to the
 * catalog's paths.
 */
import { readFile } from "node:fs/promises";
import { join, posix } from "node:path";
import { SCHEMA_FILE, type Kind } from "../model/kinds.js";
import { SCHEMA_DIR, SCHEMA_FILES } from "../schemas/schema-files.js";
import { createFileAtomic, replaceFileAtomic } from "./write-files.js";
import { refuse, succeed, type Outcome } from "./outcome.js";
import { readFileIfExists } from "./read-file.js";
import { KIND_GLOBS } from "../schemas/schema-files.js";

/**
 * The `yaml.schemas` setting: schema path -> globs. `schemasDir` and
 * `catalogDir` are written as given (relative to the workspace root, POSIX).
 */
export function yamlSchemasSetting(schemasDir: string, catalogDir: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [kind, file] of Object.entries(SCHEMA_FILE) as Array<[Kind, string]>) {
    const key = `${schemasDir.replace(/\/$/, "")}/${file}`;
    (out[key] ??= []).push(posix.join(catalogDir, KIND_GLOBS[kind]));
  }
  return out;
}

/**
 * A `.vscode/settings.json` for a workspace holding a catalog: the `yaml.schemas` mapping, with
 * validation, hovers and completion on. The repository's own file is this, written by `npm run docs`
 * (a test keeps the two in step).
 */
export function editorSettingsText(schemasDir: string, catalogDir: string): string {
  const settings = {
    "yaml.schemas": yamlSchemasSetting(schemasDir, catalogDir),
    "yaml.validate": true,
    "yaml.hover": true,
    "yaml.completion": true,
  };
  return `${JSON.stringify(settings, null, 2)}\n`;
}

/** What `writeSchemaFiles` did to each file. */
export interface SchemaWrite {
  file: string;
  status: "created" | "updated" | "unchanged";
}

/**
 * Copy every schema file into `outDir`. A file that exists with other content
 * is refused (nothing is written) unless `force` is set.
 */
export async function writeSchemaFiles(
  outDir: string,
  options: { force?: boolean } = {},
): Promise<Outcome<SchemaWrite[]>> {
  const planned: Array<{ target: string; bytes: Buffer; status: SchemaWrite["status"] }> = [];
  for (const file of SCHEMA_FILES) {
    const bytes = await readFile(join(SCHEMA_DIR, file));
    const target = join(outDir, file);
    const existing = await readFileIfExists(target);
    const status = existing === undefined ? "created" : existing.equals(bytes) ? "unchanged" : "updated";
    if (status === "updated" && !options.force) {
      return refuse(
        `${target} exists with other content; mlcat does not overwrite it`,
        "pass --force to replace the schemas with this version of mlcat's, or choose another --out folder",
      );
    }
    planned.push({ target, bytes, status });
  }
  for (const p of planned) {
    if (p.status === "created") await createFileAtomic(p.target, p.bytes);
    else if (p.status === "updated") await replaceFileAtomic(p.target, p.bytes);
  }
  return succeed(planned.map((p) => ({ file: p.target, status: p.status })));
}
