/**
 * Where mlcat's files are, found from this module's own place: it sits in
 * `src/runtime/` (run from the sources) or `dist/runtime/` (compiled), two
 * levels below the package root. The bundled CLI (`dist/bundle/`) does not
 * take this module in: it imports this very file, so every path below is the
 * same whichever copy of the rest of the code asks. Import nothing here.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
/** Whether the code runs from the TypeScript sources (tests), not from `dist/`. */
const fromSources = import.meta.url.endsWith(".ts");

/** The package root: where `package.json`, `schemas/` and `site/` are. */
export const PACKAGE_ROOT: string = join(here, "..", "..");

/** The folder of mlcat's own modules that run: `src/` or `dist/`. */
export const CODE_ROOT: string = join(here, "..");

/** The extension of those modules: `.ts` from the sources, else `.js`. */
export const MODULE_EXT: ".ts" | ".js" = fromSources ? ".ts" : ".js";

/** The folder of the JSON Schemas (no trailing separator). */
export const SCHEMA_DIR: string = join(PACKAGE_ROOT, "schemas");

/** The Astro project shipped with mlcat (no trailing separator). */
export const SITE_DIR: string = join(PACKAGE_ROOT, "site");

/** The precompiled schema validators `npm run compile` writes (under `src/` there are none). */
export const GENERATED_VALIDATORS_PATH: string = join(CODE_ROOT, "schemas", "validators.generated.cjs");

/** The parse worker's script: always the compiled one (a worker thread cannot run the TypeScript sources). */
export const PARSE_WORKER_PATH: string = join(PACKAGE_ROOT, "dist", "accel", "parse-worker.js");

/** The worker that highlights the site's YAML blocks while Astro renders: the compiled one, like the parse worker's. */
export const HIGHLIGHT_WORKER_PATH: string = join(PACKAGE_ROOT, "dist", "site-build", "highlight-worker.js");

/** The folder of the bundled CLI `npm run compile` writes. */
export const BUNDLE_DIR: string = join(PACKAGE_ROOT, "dist", "bundle");
