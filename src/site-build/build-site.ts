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
import { privateNames, scanForNames } from "./leak-scan.js";
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
  /** Public builds: files that still name something private (in free text). */
  leaks?: number;
  ms: number;
}

/** Write the static files the data carries (JSON API, schemas, sitemap) under `dir`. */
export async function writeStaticFiles(dir: string, data: SiteData): Promise<void> {
  const folders = new Set(data.files.map((f) => dirname(join(dir, f.path))));
  await Promise.all([...folders].map((f) => mkdir(f, { recursive: true })));
  await Promise.all(data.files.map((f) => writeFile(join(dir, f.path), f.body)));
}

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
  let leakCount = 0;
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
    await step(progress, "writing the JSON API, schemas and sitemap", () => writeStaticFiles(tmp, data), () => `${data.files.length} files`);
    if (data.meta.audience === "public") {
      const leaks = await scanForNames(tmp, privateNames(loaded.catalog));
      for (const leak of leaks) progress(`  warning: ${leak.file} names private "${leak.name}" (free text is published as written: reword it)`);
      leakCount = leaks.length;
    }
    const indexed =
      options.search === false ? undefined : await step(progress, "indexing for search", () => indexSite(tmp), (n) => `${n} pages indexed`);
    return { indexed };
  }, { basePath: data.meta.basePath, audience: data.meta.audience, generatedAt: data.meta.generatedAt });
  return {
    ...base,
    ok: true,
    data,
    ...(result.indexed !== undefined && { indexed: result.indexed }),
    ...(data.meta.audience === "public" && { leaks: leakCount }),
    ms: performance.now() - start,
  };
}
