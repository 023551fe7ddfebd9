/**
 * Run one rule check on in-memory files with every entity marked schema-valid,
 * so rule tests do not depend on the schema check (written in parallel).
 * The files must load cleanly: a loader diagnostic means the test input is wrong.
 */
import { compareDiagnostics, type Diagnostic } from "../../src/diagnostics/diagnostic.js";
import type { Check } from "../../src/checks/context.js";
import type { Catalog } from "../../src/model/catalog.js";
import { validateCatalog } from "../../src/validate.js";
import { loadFiles, type FileMap } from "../helpers/catalog.js";

/** Load `files` and mark every entity schema-valid; throws if loading reported anything. */
export function loadValid(files: FileMap): Catalog {
  const { catalog, diagnostics } = loadFiles(files);
  if (diagnostics.length > 0) throw new Error(`test input does not load: ${JSON.stringify(diagnostics, null, 2)}`);
  for (const entity of catalog.entities()) entity.schemaValid = true;
  return catalog;
}

/** The diagnostics of `check` over `files` (all entities schema-valid), sorted. */
export function runRule(check: Check, files: FileMap): Diagnostic[] {
  return validateCatalog(loadValid(files), [check]).sort(compareDiagnostics);
}
