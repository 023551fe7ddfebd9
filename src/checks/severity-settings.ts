/**
 * Check `severity-settings`: catalog.yaml's `severity` entries name codes
 * mlcat has and may change, and globs mlcat reads that match some file. The
 * settings themselves are applied to every run's diagnostics by
 * `applySeveritySettings` (validate, build, check), not here.
 */
import { readSeveritySettings } from "../report/severity-settings.js";
import type { Catalog } from "../model/catalog.js";
import type { DiagnosticCollector } from "../report/collector.js";
import { acrossCatalog, type Check } from "./context.js";

export const severitySettingsCheck: Check = {
  name: "severity-settings",
  codes: ["severity/unknown-code", "severity/fixed-code", "severity/invalid-glob", "severity/unmatched-glob"],
  run(ctx) {
    // One small file and the paths of every file: checked in full on every run, its reads not tracked.
    acrossCatalog(ctx, (catalog) => checkSettings(catalog, ctx.report));
  },
};

function checkSettings(catalog: Catalog, report: DiagnosticCollector): void {
  const entity = catalog.get("Catalog", "catalog");
  if (!entity?.schemaValid) return;
  const settings = readSeveritySettings(entity.data);
  for (const p of settings.problems)
    report.at(entity, p.path, p.code, p.message, p.hint, p.key ? { target: "key" } : {});
  const paths = catalog.files().map((f) => f.relPath);
  for (const { glob, test, path } of settings.globs) {
    if (paths.some(test)) continue;
    const folder = paths.some((p) => p.startsWith(`${glob.replace(/\/+$/, "")}/`));
    report.at(
      entity,
      path,
      "severity/unmatched-glob",
      `severity glob "${glob}" matches no file of the catalog`,
      folder
        ? `"${glob}" is a folder: write "${glob.replace(/\/+$/, "")}/**" to match the files in it`
        : "correct the path (relative to the catalog folder, e.g. orgs/acme/**), or remove the glob",
    );
  }
}
