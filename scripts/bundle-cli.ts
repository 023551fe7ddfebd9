/**
 * Bundle the compiled CLI (`dist/cli/main.js`) into `dist/bundle/`, which
 * `bin/mlcat.js` runs: loading some 200 modules one by one costs a command
 * more time than its work on a small catalog (and a pull-request check more
 * than a tenth of its time on a large one). Each command stays its own chunk,
 * loaded only when named.
 *
 * Only mlcat's own code and small pure-JavaScript packages are taken in;
 * every other package (Astro, Ajv, the Markdown pipeline...) is imported from
 * node_modules as before, and so is `dist/runtime/locations.js`, so that
 * every path mlcat finds from its own place is the same as unbundled.
 * Run after `tsc` (it reads `dist/`); `npm run compile` does both.
 */
import { readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build, type Plugin } from "esbuild";
import { BUNDLE_DIR, CODE_ROOT, PACKAGE_ROOT } from "../dist/runtime/locations.js";

/** Packages taken into the bundle: the ones every command loads, with no files of their own to find at run time. */
const BUNDLED = new Set([
  "yaml",
  "semver",
  "commander",
  "picocolors",
  "simple-git",
  "@simple-git/argv-parser",
  "@simple-git/args-pathspec",
  "@kwsites/file-exists",
  "@kwsites/promise-deferred",
  "debug",
  "ms",
]);

/** The package a bare import names: `@scope/name/sub` gives `@scope/name`. */
function packageOf(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

const externals: Plugin = {
  name: "mlcat-externals",
  setup(on) {
    // Found from its own place: imported from dist/runtime/, beside dist/bundle/.
    on.onResolve({ filter: /(^|\/)runtime\/locations\.js$/ }, () => ({
      path: "../runtime/locations.js",
      external: true,
    }));
    on.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith("node:")) return { path: args.path, external: true };
      return BUNDLED.has(packageOf(args.path)) ? undefined : { path: args.path, external: true };
    });
  },
};

rmSync(BUNDLE_DIR, { recursive: true, force: true });
const { metafile } = await build({
  entryPoints: { main: `${CODE_ROOT}/cli/main.js` },
  outdir: BUNDLE_DIR,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node24",
  plugins: [externals],
  // The CommonJS packages taken in call `require` for Node's own modules.
  banner: {
    js: 'import { createRequire as __mlcatCreateRequire } from "node:module";\nconst require = __mlcatCreateRequire(import.meta.url);',
  },
  legalComments: "linked",
  logLevel: "warning",
  absWorkingDir: PACKAGE_ROOT,
  metafile: true,
});

// What it was built from, for bin/mlcat.js to run it only while none of them changed: each file's path from the
// package root and size (its change time is compared with the bundle's own modification time).
const inputs = Object.keys(metafile.inputs)
  .sort()
  .map((path) => ({ path, size: statSync(join(PACKAGE_ROOT, path)).size }));
writeFileSync(join(BUNDLE_DIR, "manifest.json"), `${JSON.stringify({ format: "mlcat-bundle/1", inputs })}\n`);
// The bundle's entry is written last: its modification time is the one every input's change time is compared with.
const entry = join(BUNDLE_DIR, "main.js");
writeFileSync(entry, readFileSync(entry));
