#!/usr/bin/env node
// Thin launcher: the CLI is compiled from src/cli/main.ts into dist/.
import { main } from "../dist/cli/main.js";

main(process.argv).then((code) => {
  process.exitCode = code;
});
