// Regenerate the docs that are derived from code: docs/diagnostics.md, docs/schemas.md, and the
// action and rule tables of docs/pull-request-checks.md.
// Run with `npm run docs` (compiles first; Node 24 strips the types of this script).
import { readFileSync, writeFileSync } from "node:fs";
import { renderDiagnosticsDoc } from "../dist/diagnostics/codes-doc.js";
import { withPolicyTables } from "../dist/permissions/policy-doc.js";
import { renderSchemaDoc } from "../dist/schemas/index.js";

writeFileSync(new URL("../docs/diagnostics.md", import.meta.url), renderDiagnosticsDoc());
writeFileSync(new URL("../docs/schemas.md", import.meta.url), renderSchemaDoc());
const checks = new URL("../docs/pull-request-checks.md", import.meta.url);
writeFileSync(checks, withPolicyTables(readFileSync(checks, "utf8")));
console.log("wrote docs/diagnostics.md, docs/schemas.md and the tables of docs/pull-request-checks.md");
