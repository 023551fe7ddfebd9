/** Temporary catalog folders for authoring tests: BASE (or overrides) written to disk, opened as a workspace. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Workspace } from "../../src/authoring/workspace.js";
import { openWorkspace } from "../../src/authoring/workspace.js";
import { BASE, type FileMap } from "../helpers/catalog.js";
import { writeTree } from "../helpers/cli.js";

/** A new temporary catalog folder holding BASE with `overrides` (a `null` value removes a file); returns its path. */
export function tempCatalog(overrides: Record<string, string | null> = {}): string {
  const files: FileMap = {};
  for (const [rel, text] of Object.entries({ ...BASE, ...overrides }))
    if (text !== null) files[join("catalog", rel)] = text;
  return join(writeTree(files), "catalog");
}

/** Open a catalog folder as a workspace (fails the test when it cannot be opened). */
export async function open(dir: string): Promise<Workspace> {
  const ws = await openWorkspace(dir);
  if (!ws.ok) throw new Error(ws.refusal.message);
  return ws.value;
}

/** Read a file of a catalog folder. */
export function read(dir: string, relPath: string): string {
  return readFileSync(join(dir, relPath), "utf8");
}
