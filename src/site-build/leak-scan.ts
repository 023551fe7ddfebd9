/**
 * A last look at a public site before it is swapped in: does any file still
 * name something private? The audience filter redacts references and free
 * text; this scan reads every file the build wrote from catalog data (pages,
 * JSON API, sitemap, and Pagefind's index, fragments and filters inflated) and
 * the build refuses a site where it finds one: a leak here is a bug, not a
 * warning.
 */
import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { gunzipSync } from "node:zlib";
import { hiddenNames } from "../site-data/audience.js";
import { HiddenNames } from "../site-data/hidden-names.js";
import type { Catalog } from "../model/catalog.js";

/** One file that names something private. */
export interface Leak {
  file: string;
  name: string;
}

/** The names a public site must not contain (see `hiddenNames`). */
export function privateNames(catalog: Catalog): string[] {
  return hiddenNames(catalog).list();
}

/** Files made from catalog data: pages, API and schema files, the sitemap, and Pagefind's own files (`.pf_*`). */
const DERIVED = /\.(html|json|xml|txt|pf_fragment|pf_meta|pf_index|pf_filter)$/;

/**
 * Files of mlcat's own text, not the catalog's: the JSON Schemas it ships and
 * the schema reference page made from them alone (its header and footer come
 * from catalog.yaml, as every other page's do, and are scanned there). Their
 * examples name `acme`, `ml`, `churn`: a private organization of that name
 * must not stop the public site.
 */
const MLCAT_TEXT = /^(?:schemas\/[^/]+\.schema\.json|schema\/index\.html)$/;

/** A file's text: Pagefind's files are gzip-compressed (fragments start with a `pagefind_dcd` signature once inflated). */
function textOf(bytes: Buffer): string {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      return gunzipSync(bytes).toString("utf8");
    } catch {
      // Not gzip after all: read the bytes as they are.
    }
  }
  return bytes.toString("utf8");
}

/** Files under `dir` made from catalog data that contain one of `names` as a whole word. */
export async function scanForNames(dir: string, names: readonly string[] | HiddenNames): Promise<Leak[]> {
  const hidden = names instanceof HiddenNames ? names : new HiddenNames(names);
  if (hidden.empty) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const leaks: Leak[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || !DERIVED.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    if (MLCAT_TEXT.test(relative(dir, path).split(sep).join("/"))) continue;
    const name = hidden.find(textOf(await readFile(path)));
    if (name !== undefined) leaks.push({ file: relative(dir, path), name });
  }
  return leaks.sort((a, b) => a.file.localeCompare(b.file));
}
