/**
 * The `# yaml-language-server: $schema=...` first line that points an editor
 * (the YAML language server) at a file's JSON Schema.
 */
import { dirname, relative, resolve, sep } from "node:path";
import { SCHEMA_FILE, type Kind } from "../model/kinds.js";

/** Where to point modelines: the catalog folder and the folder holding the schemas, both on disk. */
export interface ModelineTarget {
  catalogDir: string;
  schemasDir: string;
}

/** The modeline comment text (without `#`) for a file of `kind` at `relPath` (relative to the catalog folder). */
export function modelineFor(target: ModelineTarget, kind: Kind, relPath: string): string {
  const file = resolve(target.catalogDir, ...relPath.split("/"));
  const schema = resolve(target.schemasDir, SCHEMA_FILE[kind]);
  const rel = relative(dirname(file), schema).split(sep).join("/");
  return `yaml-language-server: $schema=${rel}`;
}

/** The default schemas folder: `schemas/` beside the catalog folder (the repository layout). */
export function defaultSchemasDir(catalogDir: string): string {
  return resolve(catalogDir, "..", "schemas");
}
