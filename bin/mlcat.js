#!/usr/bin/env node
// Thin launcher: the CLI is compiled from src/cli/main.ts into dist/, and
// bundled into dist/bundle/ (scripts/bundle-cli.ts), which loads faster. The
// bundle runs only while every file it was built from (dist/ modules and the
// packages taken in, listed in its manifest) has its recorded size and has not
// been written since the bundle was (a file's change time, which nothing sets
// back). Otherwise (a compile or a watch that did not bundle, a package
// upgraded, no manifest) the compiled modules run: never code older than dist/.
import { readFileSync, statSync } from "node:fs";

// The Node.js lines mlcat is tested on (package.json engines): an older one is told so, before anything else runs.
const MIN_NODE_MAJOR = 22;
const major = Number(process.versions.node.split(".")[0]);
if (!(major >= MIN_NODE_MAJOR)) {
  process.stderr.write(
    `mlcat: needs Node.js ${MIN_NODE_MAJOR} or later (it is tested on Node.js 22 and 24); this is Node.js ${process.versions.node}\n` +
      "  hint: install Node.js 22 or 24 (nodejs.org, or a version manager such as nvm: nvm install 24), then run mlcat again\n",
  );
  process.exit(2);
}

function bundleIsCurrent() {
  try {
    const root = new URL("../", import.meta.url);
    const manifest = JSON.parse(readFileSync(new URL("dist/bundle/manifest.json", root), "utf8"));
    const built = statSync(new URL("dist/bundle/main.js", root), { bigint: true }).mtimeNs;
    if (manifest.format !== "mlcat-bundle/1" || !Array.isArray(manifest.inputs) || manifest.inputs.length === 0)
      return false;
    return manifest.inputs.every(({ path, size }) => {
      const s = statSync(new URL(path, root), { bigint: true });
      return s.isFile() && s.size === BigInt(size) && s.ctimeNs <= built;
    });
  } catch {
    return false;
  }
}
const entry = bundleIsCurrent() ? "../dist/bundle/main.js" : "../dist/cli/main.js";
const { main } = await import(entry);

// Fail closed: if the command's work never settles (a child process died and a
// pending read was never answered), node would exit 0 once nothing is left to
// do. A check must never pass that way: exit 2 with a message instead.
let settled = false;
process.on("exit", (code) => {
  // A non-zero exit (an interruption, process.exit(n)) already fails: keep its code.
  if (settled || code !== 0) return;
  process.stderr.write(
    "mlcat: internal error: the command stopped before it finished (an operation it waited for never completed)\nThis is a bug in mlcat: please report it with the command you ran and the output above.\n",
  );
  process.exitCode = 2;
});

// A reader that stops early (`mlcat ... | head`) closes the pipe, and what is left to print has
// nowhere to go: end quietly, as a process killed by SIGPIPE would (141), never with exit 0, so a
// check whose output was cut never passes.
process.stdout.on("error", (err) => {
  if (err.code !== "EPIPE") throw err;
  settled = true;
  process.exit(141);
});

main(process.argv).then((code) => {
  settled = true;
  process.exitCode = code;
});
