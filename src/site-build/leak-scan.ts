/**
 * A last look at a public site before it is swapped in: does any file still
 * name something private? Structured references are redacted by the audience
 * filter; this catches free text (a README or description that names a
 * private project), which mlcat publishes as written.
 */
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { effectiveVisibility } from "../site-data/audience.js";
import type { Catalog } from "../model/catalog.js";

/** One file that names something private. */
export interface Leak {
  file: string;
  name: string;
}

/** The names a public site must not contain: private organizations, and `org/name` of private projects, components and models. */
export function privateNames(catalog: Catalog): string[] {
  const names = new Set<string>();
  for (const org of catalog.all("Organization")) if (effectiveVisibility(catalog, org) === "private") names.add(org.name);
  for (const kind of ["Project", "Component", "Model"] as const) {
    for (const e of catalog.all(kind)) {
      if (effectiveVisibility(catalog, e) === "private" && !names.has(e.org ?? "")) names.add(e.key);
    }
  }
  return [...names].sort();
}

/** Files under `dir` (HTML, JSON, XML) that contain one of `names` as a whole word. */
export async function scanForNames(dir: string, names: readonly string[]): Promise<Leak[]> {
  if (names.length === 0) return [];
  const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"));
  const pattern = new RegExp(`(?<![\\w-])(${escaped.join("|")})(?![\\w-])`);
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const leaks: Leak[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || !/\.(html|json|xml)$/.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    const m = pattern.exec(await readFile(path, "utf8"));
    if (m) leaks.push({ file: relative(dir, path), name: m[1]! });
  }
  return leaks.sort((a, b) => a.file.localeCompare(b.file));
}
