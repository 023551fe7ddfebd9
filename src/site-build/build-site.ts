/**
 * `mlcat build`'s work: validate the catalog (refusing one with errors),
 * compute the site's data once, render the pages with Astro into a temporary
 * folder while the JSON API, schemas and sitemap are written and Pagefind
 * indexes the same data for search, and swap the result in.
 */
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Catalog } from "../model/catalog.js";
import { validateSite, type LoadSiteDataOptions, type SiteLocation } from "../site-data/build-site-data.js";
import { searchRecords } from "../site-data/search-records.js";
import { pageUrls } from "../site-data/sitemap.js";
import type { SiteData } from "../site-data/types.js";
import type { ValidationSummary } from "../validate.js";
import { astroBuildConfig, releaseDataSource, type DataSource } from "./astro-config.js";
import { writeAtomically } from "./output-dir.js";
import { forEachBounded } from "../runtime/bounded.js";
import { inShard } from "../site-data/shard.js";
import { scanForNames, type Leak } from "./leak-scan.js";
import { hiddenNames } from "../site-data/audience.js";
import { indexRecords, writeSearchRecords } from "./search-index.js";
import { CARD_FILE, CARD_SIZE, cardPng, writeCard } from "./og-card.js";
import { startHighlightAhead } from "./highlight-ahead.js";
import { releaseDocuments } from "../accel/lazy-source.js";
import { releaseWorkers } from "../accel/worker-pool.js";

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

/** Write the static files the data carries (JSON API, schemas, sitemap) under `dir`; resolves how many were written. */
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
async function step<T>(
  progress: (line: string) => void,
  label: string,
  run: () => Promise<T>,
  done: (value: T) => string,
): Promise<T> {
  const start = performance.now();
  progress(`${label}…`);
  const value = await run();
  progress(`  ${done(value)} (${seconds(start)})`);
  return value;
}

/** Seconds since `start`, as progress lines show them. */
function seconds(start: number): string {
  return `${((performance.now() - start) / 1000).toFixed(1)}s`;
}

/**
 * Time work that runs alongside other work: reported when it ends, the line
 * saying what was done (`  10086 pages indexed for search (7.1s)`).
 */
async function alongside<T>(
  progress: (line: string) => void,
  run: () => Promise<T>,
  done: (value: T) => string,
): Promise<T> {
  const start = performance.now();
  const value = await run();
  progress(`  ${done(value)} (${seconds(start)})`);
  return value;
}

/** The builds of this process, one after another (see `buildSite`). */
let building: Promise<unknown> = Promise.resolve();

/**
 * Build the site of a catalog folder. Resolves `ok: false` (and writes nothing) when the catalog has errors.
 * Astro renders with the output folder as the process's working directory (`inWorkingDirectory`), so builds
 * started together in one process run one after another: each reads its relative folders against the
 * working directory the caller set, and the last leaves it as it was.
 */
export function buildSite(options: BuildSiteOptions = {}): Promise<BuildSiteResult> {
  const run = building.then(() => buildSiteNow(options));
  building = run.catch(() => {});
  return run;
}

async function buildSiteNow(options: BuildSiteOptions): Promise<BuildSiteResult> {
  const start = performance.now();
  const progress = options.progress ?? (() => {});
  const outDir = options.outDir ?? "site-dist";
  const dir = options.dir ?? "catalog";
  process.env.ASTRO_TELEMETRY_DISABLED = "1";
  const { outDir: _o, search: _s, progress: _p, ...loadOptions } = options;
  const validated = await step(
    progress,
    `validating ${dir}`,
    () => validateSite(loadOptions),
    (r) => `${r.summary.files} files, ${r.summary.errors} errors, ${r.summary.warnings} warnings`,
  );
  const base = { catalog: validated.catalog, diagnostics: validated.diagnostics, summary: validated.summary, outDir };
  const computeData = validated.compute;
  if (!computeData) return { ...base, ok: false, ms: performance.now() - start };
  // The parsing workers, and the YAML documents validation and the data composed, are not needed while
  // Astro renders: let them go.
  await releaseWorkers();
  const sources = () => validated.catalog.entities().map((e) => e.source);
  releaseDocuments(sources());
  const compute = () => {
    const data = computeData();
    releaseDocuments(sources());
    return data;
  };
  if (validated.historyNote) progress(`  no git history: ${validated.historyNote}`);
  if (validated.sourceNote) progress(`  ${validated.sourceNote}`);
  let data: SiteData | undefined;
  const result = await writeAtomically(
    outDir,
    async (tmp) => {
      const built = await renderSite(tmp, validated.location, compute, options.search !== false, progress);
      data = built.data;
      if (data.meta.audience === "public") {
        // Every file, the search index included: the site is not swapped in if any names something private.
        const found = await step(
          progress,
          "scanning the public site for private names",
          () => scanForNames(tmp, hiddenNames(validated.catalog)),
          (l) => `${l.length} leaks`,
        );
        if (found.length > 0) throw new LeakFound(found);
      }
      return { indexed: built.indexed };
    },
    () => ({
      basePath: data!.meta.basePath,
      audience: data!.meta.audience,
      generatedAt: data!.meta.generatedAt,
      ...(data!.meta.shard && { shard: data!.meta.shard }),
    }),
  ).catch((err: unknown) => {
    if (err instanceof LeakFound) return { leaks: err.leaks };
    throw err;
  });
  if ("leaks" in result)
    return { ...base, ok: false, ...(data && { data }), leaks: result.leaks, ms: performance.now() - start };
  return {
    ...base,
    ok: true,
    ...(data && { data }),
    ...(result.indexed !== undefined && { indexed: result.indexed }),
    ...(data?.meta.audience === "public" && { leaks: [] }),
    ms: performance.now() - start,
  };
}

/**
 * Render the site into `tmp`, everything that can overlap overlapping, as
 * the machine has two cores to give it: Astro starts (and bundles the pages)
 * while the site data is computed on the main thread; then Astro renders
 * the pages while Pagefind (its own process) indexes the search records, a
 * worker thread highlights the pages' YAML and the JSON API is written.
 */
async function renderSite(
  tmp: string,
  location: SiteLocation,
  compute: () => SiteData,
  search: boolean,
  progress: (line: string) => void,
): Promise<{ data: SiteData; indexed?: number }> {
  const cacheDir = await mkdtemp(join(tmpdir(), "mlcat-astro-"));
  let provide: (data: SiteData) => void = () => {};
  let fail: (err: unknown) => void = () => {};
  const ready = new Promise<SiteData>((resolve, reject) => {
    provide = resolve;
    fail = reject;
  });
  // Astro waits for the data only once it has bundled the pages; a failure there must not go unhandled meanwhile.
  ready.catch(() => {});
  const source: DataSource = { ready };
  const renderStart = performance.now();
  const rendering = (async () => {
    const { build } = await import("astro");
    await inWorkingDirectory(tmp, () => build(astroBuildConfig({ source, location, outDir: tmp, cacheDir })));
  })();
  rendering.catch(() => {});
  let side: Promise<unknown> = Promise.resolve();
  // The pages' YAML blocks are highlighted in a worker thread while Astro renders them; it starts now.
  const ahead = startHighlightAhead();
  try {
    let data: SiteData;
    let card: Buffer | undefined;
    try {
      data = await step(
        progress,
        "computing the site's data",
        async () => compute(),
        (d) => `${pageUrls(d).length + 1} pages, ${d.files.length} JSON API, schema and sitemap files`,
      );
      // The card pages point to (og:image), drawn before they render (a tenth of a second); one that cannot be drawn is left out.
      card = await cardPng(data).catch(() => undefined);
      if (card) data.meta.card = { path: CARD_FILE, ...CARD_SIZE };
    } catch (err) {
      // Astro is waiting for the data: it fails too, and the build ends.
      fail(err);
      throw err;
    }
    ahead.supply(data);
    source.current = data;
    provide(data);
    progress(
      `rendering pages (${data.meta.audience} audience)${search && !data.meta.shard ? ", indexing for search" : ""} and writing the JSON API…`,
    );
    const shard = data.meta.shard;
    const records = search ? searchRecords(data, (url) => inShard(shard, url)) : [];
    const work = Promise.all([
      alongside(
        progress,
        async () => {
          const written = await writeStaticFiles(tmp, data);
          if (card) await writeCard(tmp, card);
          return written;
        },
        (written) => `${written} JSON API, schema and sitemap files${card ? " and the card" : ""} written`,
      ),
      // A part of a sharded build keeps its records for the join, which indexes the whole site once.
      !search
        ? undefined
        : shard
          ? alongside(
              progress,
              () => writeSearchRecords(tmp, records),
              () => `${records.length} search records kept for mlcat join`,
            ).then(() => undefined)
          : alongside(
              progress,
              () => indexRecords(records, join(tmp, "pagefind")),
              (n) => `${n} pages indexed for search`,
            ),
    ]);
    side = work;
    work.catch(() => {});
    await rendering;
    progress(`  ${pageCount(data)} pages written (${seconds(renderStart)}, Astro's start included)`);
    const [, indexed] = await work;
    return { data, ...(indexed !== undefined && { indexed }) };
  } finally {
    // Nothing may still be writing into the folder when it is swapped in, or removed after a failure.
    await Promise.all([rendering.catch(() => {}), side.catch(() => {})]);
    await ahead.stop();
    releaseDataSource(source);
    await rm(cacheDir, { recursive: true, force: true });
  }
}

/**
 * Run Astro's build with the output folder as the working directory. Astro
 * writes its server bundle next to the output only when the output lies under
 * the working directory; otherwise it writes a `.astro/` folder into the
 * working directory and then moves the built assets from there with a rename,
 * which fails between two file systems (EXDEV: a repository on disk, the
 * output on a tmpfs `/tmp`) and leaves `.astro/` behind in the user's folder.
 * Everything else the build does uses absolute paths (the catalog's texts
 * left unread are read again from an absolute path). In a worker thread,
 * where the working directory cannot change, Astro runs as it is.
 */
async function inWorkingDirectory<T>(dir: string, run: () => Promise<T>): Promise<T> {
  const previous = process.cwd();
  try {
    process.chdir(dir);
  } catch {
    return run();
  }
  try {
    return await run();
  } finally {
    process.chdir(previous);
  }
}

/** How many pages this build renders: the whole site's, or a part's. */
function pageCount(data: SiteData): number {
  const shard = data.meta.shard;
  const urls = pageUrls(data);
  return (shard ? urls.filter((u) => inShard(shard, u)).length : urls.length) + 1;
}

/** A public site that still names something private: it is not swapped in. */
class LeakFound extends Error {
  constructor(readonly leaks: Leak[]) {
    super(`${leaks.length} files name something private`);
  }
}
