#!/usr/bin/env node
// npm's `prepare`: compile mlcat (TypeScript to dist/, the precompiled schema
// validators, the CLI bundle) wherever it is installed from source: this
// repository's `npm ci`, a git URL, or a folder (`npm install path/to/mlcat`).
// A folder installed without its development dependencies gets them first,
// into its own node_modules (no package file changes). A tarball made by
// `npm pack` holds dist/ already, and npm does not run this for it.
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(join(root, "package.json"));
const tsc = () => {
  try {
    return require.resolve("typescript/bin/tsc");
  } catch {
    return undefined;
  }
};
const run = (args) => execFileSync(process.execPath, args, { cwd: root, stdio: "inherit" });

if (tsc() === undefined) {
  const npm = process.env.npm_execpath;
  if (!npm) {
    process.stderr.write("mlcat: its build tools are not installed: run npm install in " + root + " first\n");
    process.exit(1);
  }
  process.stderr.write("mlcat: installing its build tools to compile it (once)...\n");
  run([
    npm,
    "install",
    "--include=dev",
    "--ignore-scripts",
    "--no-save",
    "--no-package-lock",
    "--no-audit",
    "--no-fund",
  ]);
}
run([tsc(), "-p", "tsconfig.build.json"]);
run(["scripts/gen-validators.ts"]);
run(["scripts/bundle-cli.ts"]);
