#!/usr/bin/env node
// Thin launcher: the CLI is compiled from src/cli/main.ts into dist/, and
// bundled into dist/bundle/ (scripts/bundle-cli.ts), which loads faster. The
// bundle runs only when it is at least as new as the compiled CLI: after a
// compile that did not bundle, the compiled modules run, never older code.
import { statSync } from "node:fs";

const mtime = (path) => {
  try {
    return statSync(new URL(path, import.meta.url)).mtimeMs;
  } catch {
    return -Infinity;
  }
};
const entry = mtime("../dist/bundle/main.js") >= mtime("../dist/cli/main.js") ? "../dist/bundle/main.js" : "../dist/cli/main.js";
const { main } = await import(entry);

// Fail closed: if the command's work never settles (a child process died and a
// pending read was never answered), node would exit 0 once nothing is left to
// do. A check must never pass that way: exit 2 with a message instead.
let settled = false;
process.on("exit", (code) => {
  // A non-zero exit (an interruption, process.exit(n)) already fails: keep its code.
  if (settled || code !== 0) return;
  process.stderr.write("mlcat: internal error: the command stopped before it finished (an operation it waited for never completed)\nThis is a bug in mlcat: please report it with the command you ran and the output above.\n");
  process.exitCode = 2;
});

main(process.argv).then((code) => {
  settled = true;
  process.exitCode = code;
});
