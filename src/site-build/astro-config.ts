/**
 * The Astro configuration mlcat builds the site with: the `site/` project,
 * static output, and the computed data served to pages as the virtual module
 * `virtual:mlcat/site-data` (the one way data reaches the pages).
 */
import { randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AstroInlineConfig } from "astro";
import type { SiteData } from "../site-data/types.js";
import { SITE_DIR as SITE_FOLDER } from "../runtime/locations.js";

/** The Astro project shipped with mlcat. */
export const SITE_DIR = `${SITE_FOLDER}/`;

const VIRTUAL_ID = "virtual:mlcat/site-data";
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

/**
 * Holds the data the pages see; `mlcat dev` replaces it when the catalog
 * changes. A build may start Astro before the data is computed (Astro
 * bundles the pages meanwhile): `current` is then unset and the pages wait
 * for `ready`.
 */
export interface DataSource {
  current?: SiteData;
  ready?: Promise<SiteData>;
}

/**
 * The data sources of the builds and dev servers of this process, by id. Astro
 * renders the pages in this process, so the virtual module looks its data up
 * here instead of carrying it as code: embedded as a literal, tens of
 * megabytes of JSON were bundled, compiled as a module (superlinear in its
 * size: most of a large build's time) and held in memory several times over.
 */
const SOURCES_KEY = "mlcat.site-data-sources";
const SOURCES = Symbol.for(SOURCES_KEY);

function sources(): Map<string, DataSource> {
  const store = globalThis as { [SOURCES]?: Map<string, DataSource> };
  return (store[SOURCES] ??= new Map());
}

/** Make `source` reachable from the virtual module until `releaseDataSource`; returns its id. */
function registerDataSource(source: DataSource): string {
  for (const [id, known] of sources()) if (known === source) return id;
  const id = randomUUID();
  sources().set(id, source);
  return id;
}

/** Forget `source` once its build or dev server is over (the data is large). */
export function releaseDataSource(source: DataSource): void {
  for (const [id, known] of sources()) if (known === source) sources().delete(id);
}

/** A Vite plugin serving `virtual:mlcat/site-data` from `source`, which stays registered until `releaseDataSource(source)`. */
export function siteDataPlugin(source: DataSource) {
  const id = registerDataSource(source);
  return {
    name: "mlcat-site-data",
    resolveId(id: string) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    load(loadId: string) {
      if (loadId !== RESOLVED_ID) return undefined;
      // Read at import time, so a dev server's re-import after invalidation sees the new data.
      return [
        `const source = globalThis[Symbol.for(${JSON.stringify(SOURCES_KEY)})]?.get(${JSON.stringify(id)});`,
        `if (!source) throw new Error("mlcat: the site data is not available: pages must render in the process that runs the build");`,
        `export default source.current ?? (await source.ready);`,
      ].join("\n");
    },
  };
}

/** The id Vite knows the data module by: `mlcat dev` invalidates it on change. */
export const SITE_DATA_MODULE_ID = RESOLVED_ID;

/** Options of `astroConfig`. */
export interface AstroConfigOptions {
  source: DataSource;
  /** The site's URL and base path (the data's, known before the data itself). */
  location: { siteUrl: string; basePath: string };
  outDir: string;
  /** Astro's log level (default `warn`). */
  logLevel?: "debug" | "info" | "warn" | "error" | "silent";
  integrations?: AstroInlineConfig["integrations"];
}

/** The inline Astro config for one build, dev server or preview. */
export function astroConfig(options: AstroConfigOptions): AstroInlineConfig {
  const meta = options.location;
  return {
    root: SITE_DIR,
    configFile: false,
    output: "static",
    outDir: options.outDir,
    site: meta.siteUrl,
    base: meta.basePath,
    trailingSlash: "ignore",
    cacheDir: join(tmpdir(), "mlcat-astro-cache"),
    logLevel: options.logLevel ?? "warn",
    devToolbar: { enabled: false },
    // Pages render in a few milliseconds but each then waits on four file-system round trips
    // (mkdir, open, write, close): one at a time, the main thread sat idle half the rendering step.
    build: { format: "directory", inlineStylesheets: "auto", concurrency: 4 },
    integrations: options.integrations ?? [],
    vite: { plugins: [siteDataPlugin(options.source)], logLevel: "warn" },
  } as AstroInlineConfig;
}

/**
 * The inline Astro config for `mlcat build`, its caches under `cacheDir`.
 * Astro renders the pages by importing a server bundle it writes next to the
 * output, in the user's folder; Node resolves that bundle's package imports
 * from where it lies, and finds nothing where there is no node_modules
 * (`Cannot find package '@oslojs/encoding'`), or another project's copies.
 * So the bundle takes in every package it uses and imports none: it runs the
 * same wherever it is written, with the packages of mlcat's installation
 * (resolved by Vite from the Astro project, mlcat's own `site/`). `outDir`
 * must be a new, empty folder: Astro does not empty it, so that other files
 * can be written into it while it renders.
 */
export function astroBuildConfig(options: AstroConfigOptions & { cacheDir: string }): AstroInlineConfig {
  const { cacheDir, ...rest } = options;
  const inline = astroConfig(rest);
  const environments = { prerender: { resolve: { noExternal: true as const } } };
  // The output folder is new and empty; the JSON API and the search index are written into it while Astro renders.
  const build = { emptyOutDir: false };
  return { ...inline, cacheDir, vite: { ...inline.vite, cacheDir: join(cacheDir, "vite"), environments, build } };
}
