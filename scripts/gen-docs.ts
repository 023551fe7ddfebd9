// Regenerate the docs that are derived from code: docs/diagnostics.md and docs/schemas.md.
// Run with `npm run docs` (compiles first; Node 24 strips the types of this script).
import { writeFileSync } from "node:fs";
import { renderDiagnosticsDoc } from "../dist/diagnostics/codes-doc.js";
import { renderSchemaDoc } from "../dist/schemas/index.js";

writeFileSync(new URL("../docs/diagnostics.md", import.meta.url), renderDiagnosticsDoc());
writeFileSync(new URL("../docs/schemas.md", import.meta.url), renderSchemaDoc());
console.log("wrote docs/diagnostics.md and docs/schemas.md");
