/**
 * `mlcat build`'s work: validate the catalog (refusing one with errors),
 * compute the site's data once, render the pages with Astro into a temporary
 * folder, add the JSON API, schemas and sitemap, index the pages for search,
 * and swap the result in.
 */
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Catalog } from "../model/catalog.js";
import { loadSiteData, type LoadSiteDataOptions } from "../site-data/build-site-data.js";
import type { SiteData } from "../site-data/types.js";
import type { ValidationSummary } from "../validate.js";
import { astroBuildConfig, releaseDataSource, type DataSource } from "./astro-config.js";
import { writeAtomically } from "./output-dir.js";
import { forEachBounded } from "../runtime/bounded.js";
import { inShard } from "../site-data/shard.js";
import { scanForNames, type Leak } from "./leak-scan.js";
import { hiddenNames } from "../site-data/audience.js";
import { indexSite } from "./search-index.js";

/** Options of `buildSite`. */
export interface BuildSiteOptions extends LoadSiteDataOptions {
  /** Where the site goes (default `site-dist`). */
  outDir?: string;
  /** Skip the Pagefind index (tests of the pages alone). */
  search?: boolean;
  /** Reports each step as it starts and ends. */
  progress?: (line: string) => void;
}

/** What a build did. */
export interface BuildSiteResult {
  ok: boolean;
  catalog: Catalog;
  diagnostics: Diagnostic[];
  summary: ValidationSummary;
  outDir: string;
  data?: SiteData;
  indexed?: number;
  /** Public builds: files that still name something private; the site is not written when there are any. */
  leaks?: Leak[];
  ms: number;
}

/** Write the static files the data carries (JSON API, schemas, sitemap) under `dir`; returns how many it wrote. */
export async function writeStaticFiles(dir: string, data: SiteData): Promise<number> {
  // A sharded build writes its part of the entities' API files; every part writes the rest (index, schemas, sitemap).
  const shard = data.meta.shard;
  const files = shard ? data.files.filter((f) => !ENTITY_FILE.test(f.path) || inShard(shard, f.path)) : data.files;
  const folders = new Set(files.map((f) => dirname(join(dir, f.path))));
  // Bounded: a catalog of any size writes with a bounded number of open files.
  await forEachBounded(folders, (f) => mkdir(f, { recursive: true }));
  await forEachBounded(files, (f) => writeFile(join(dir, f.path), f.body));
  return files.length;
}

/** The API files of one entity each (`api/index.json` lists them all). */
const ENTITY_FILE = /^api\/(?!index\.json$)/;

/** Time a step and report it. */
async function step<T>(progress: (line: string) => void, label: string, run: () => Promise<T>, done: (value: T) => string): Promise<T> {
  const start = performance.now();
  progress(`${label}…`);
  const value = await run();
  progress(`  ${done(value)} (${((performance.now() - start) / 1000).toFixed(1)}s)`);
  return value;
}

/** Build the site of a catalog folder. Resolves `ok: false` (and writes nothing) when the catalog has errors. */
export async function buildSite(options: BuildSiteOptions = {}): Promise<BuildSiteResult> {
  const start = performance.now();
  const progress = options.progress ?? (() => {});
  const outDir = options.outDir ?? "site-dist";
  const dir = options.dir ?? "catalog";
  process.env.ASTRO_TELEMETRY_DISABLED = "1";
  const { outDir: _o, search: _s, progress: _p, ...loadOptions } = options;
  const loaded = await step(
    progress,
    `validating ${dir}`,
    () => loadSiteData(loadOptions),
    (r) => `${r.summary.files} files, ${r.summary.errors} errors, ${r.summary.warnings} warnings`,
  );
  const base = { catalog: loaded.catalog, diagnostics: loaded.diagnostics, summary: loaded.summary, outDir };
  if (!loaded.data) return { ...base, ok: false, ms: performance.now() - start };
  if (loaded.historyNote) progress(`  no git history: ${loaded.historyNote}`);
  const data = loaded.data;
  const result = await writeAtomically(outDir, async (tmp) => {
    const cacheDir = await mkdtemp(join(tmpdir(), "mlcat-astro-"));
    const source: DataSource = { current: data };
    try {
      const { build } = await import("astro");
      const config = astroBuildConfig({ source, outDir: tmp, cacheDir });
      await step(progress, `rendering pages (${data.meta.audience} audience)`, () => build(config), () => "pages written");
    } finally {
      releaseDataSource(source);
      await rm(cacheDir, { recursive: true, force: true });
    }
    await step(progress, "writing the JSON API, schemas and sitemap", () => writeStaticFiles(tmp, data), (n) => `${n} files`);
    // A part of a sharded build is indexed once joined (one index for the whole site).
    const indexed =
      options.search === false || data.meta.shard ? undefined : await step(progress, "indexing for search", () => indexSite(tmp), (n) => `${n} pages indexed`);
    if (data.meta.audience === "public") {
      // Every file, the search index included: the site is not swapped in if any names something private.
      const found = await step(progress, "scanning the public site for private names", () => scanForNames(tmp, hiddenNames(loaded.catalog)), (l) => `${l.length} leaks`);
      if (found.length > 0) throw new LeakFound(found);
    }
    return { indexed };
  }, { basePath: data.meta.basePath, audience: data.meta.audience, generatedAt: data.meta.generatedAt, ...(data.meta.shard && { shard: data.meta.shard }) }).catch((err: unknown) => {
    if (err instanceof LeakFound) return { leaks: err.leaks };
    throw err;
  });
  if ("leaks" in result) return { ...base, ok: false, data, leaks: result.leaks, ms: performance.now() - start };
  return {
    ...base,
    ok: true,
    data,
    ...(result.indexed !== undefined && { indexed: result.indexed }),
    ...(data.meta.audience === "public" && { leaks: [] }),
    ms: performance.now() - start,
  };
}

/** A public site that still names something private: it is not swapped in. */
class LeakFound extends Error {
  constructor(readonly leaks: Leak[]) {
    super(`${leaks.length} files name something private`);
  }
}
