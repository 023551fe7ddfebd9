/**
 * A catalog folder opened for authoring: its raw files (to copy bytes and to
 * validate planned changes in memory) and the catalog loaded from them.
 */
import { posix } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { loadCatalogFromFiles } from "../load/load-catalog.js";
import type { RawFile } from "../model/raw-file.js";
import { isCatalogDir, readCatalogDir } from "../load/read-dir.js";
import type { Catalog } from "../model/catalog.js";
import { refuseUsage, succeed, type Outcome } from "./outcome.js";

/** An opened catalog folder. */
export interface Workspace {
  /** The catalog folder on disk, as given. */
  dir: string;
  /** Display path of the folder, prefixed to files in diagnostics. */
  root: string;
  /** Every file under the folder, by path relative to it. */
  files: Map<string, RawFile>;
  catalog: Catalog;
  /** Problems found while loading (YAML, paths). */
  loadDiagnostics: Diagnostic[];
}

/** The display root of a catalog folder: POSIX separators, no trailing slash. */
export function displayRoot(dir: string): string {
  return posix.normalize(dir.split("\\").join("/")).replace(/\/$/, "") || ".";
}

/** Open the catalog folder `dir`; refuses (as bad usage) when it is not a folder. */
export async function openWorkspace(dir: string): Promise<Outcome<Workspace>> {
  if (!(await isCatalogDir(dir))) {
    return refuseUsage(
      `catalog folder ${dir} does not exist or is not a folder`,
      "run from the repository root, or pass the catalog folder with --catalog path/to/catalog",
    );
  }
  const raw = await readCatalogDir(dir);
  const root = displayRoot(dir);
  const loaded = loadCatalogFromFiles(raw, { root });
  return succeed({
    dir,
    root,
    files: new Map(raw.map((f) => [f.relPath, f])),
    catalog: loaded.catalog,
    loadDiagnostics: loaded.diagnostics,
  });
}

/** A catalog-relative path as the user knows it: `catalog/orgs/acme/...`. */
export function displayPath(ws: Pick<Workspace, "root">, relPath: string): string {
  return posix.join(ws.root, relPath);
}

/** The text of a file of the workspace, if it exists and is a regular file. */
export function readWorkspaceText(ws: Workspace, relPath: string): string | undefined {
  const raw = ws.files.get(relPath);
  if (!raw || raw.type !== "file" || raw.error !== undefined) return undefined;
  return new TextDecoder("utf-8").decode(raw.bytes);
}
