// Regenerate the files that are derived from code: docs/diagnostics.md, docs/schemas.md and the
// editor settings .vscode/settings.json (from the kinds' descriptors).
// Run with `npm run docs` (compiles first; Node 24 strips the types of this script).
import { writeFileSync } from "node:fs";
import { renderDiagnosticsDoc } from "../dist/diagnostics/codes-doc.js";
import { renderSchemaDoc } from "../dist/schemas/index.js";
import { editorSettingsText } from "../dist/authoring/editor-schemas.js";

writeFileSync(new URL("../docs/diagnostics.md", import.meta.url), renderDiagnosticsDoc());
writeFileSync(new URL("../docs/schemas.md", import.meta.url), renderSchemaDoc());
writeFileSync(new URL("../.vscode/settings.json", import.meta.url), editorSettingsText("./schemas", "catalog"));
console.log("wrote docs/diagnostics.md, docs/schemas.md and .vscode/settings.json");
