/**
 * The Astro configuration mlcat builds the site with: the `site/` project,
 * static output, and the computed data served to pages as the virtual module
 * `virtual:mlcat/site-data` (the one way data reaches the pages).
 */
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroInlineConfig } from "astro";
import type { SiteData } from "../site-data/types.js";

/** The Astro project shipped with mlcat. */
export const SITE_DIR = fileURLToPath(new URL("../../site/", import.meta.url));

const VIRTUAL_ID = "virtual:mlcat/site-data";
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

/** Holds the data the pages see; `mlcat dev` replaces it when the catalog changes. */
export interface DataSource {
  current: SiteData;
}

/** A Vite plugin serving `virtual:mlcat/site-data` from `source`. */
export function siteDataPlugin(source: DataSource) {
  return {
    name: "mlcat-site-data",
    resolveId(id: string) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    load(id: string) {
      if (id !== RESOLVED_ID) return undefined;
      // JSON.parse of a string literal: fast for large data, and nothing in it is evaluated as code.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(source.current))});`;
    },
  };
}

/** The id Vite knows the data module by: `mlcat dev` invalidates it on change. */
export const SITE_DATA_MODULE_ID = RESOLVED_ID;

/** Options of `astroConfig`. */
export interface AstroConfigOptions {
  source: DataSource;
  outDir: string;
  /** Astro's log level (default `warn`). */
  logLevel?: "debug" | "info" | "warn" | "error" | "silent";
  integrations?: AstroInlineConfig["integrations"];
}

/** The inline Astro config for one build, dev server or preview. */
export function astroConfig(options: AstroConfigOptions): AstroInlineConfig {
  const meta = options.source.current.meta;
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
    build: { format: "directory", inlineStylesheets: "auto" },
    integrations: options.integrations ?? [],
    vite: { plugins: [siteDataPlugin(options.source)], logLevel: "warn" },
  } as AstroInlineConfig;
}
