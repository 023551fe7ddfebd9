/**
 * Check `secrets`: no catalog file holds a credential, in its text or in its
 * path. Entity files and READMEs are scanned as parsed; files the loader
 * could not take (rejected, a UTF-16 file, at a path of no kind) are scanned
 * as text too, and every path is scanned. The allowlist is the catalog's own
 * `policy.secretsAllowlist`, which is right for `mlcat validate` on a branch;
 * `mlcat check` runs without this check and scans the pull request's added
 * lines and paths with the base's allowlist instead.
 */
import { forEachSubject, type Check } from "./context.js";
import { readSecretsAllowlist, type SecretsAllowlist } from "../secrets/allowlist.js";
import { scanText } from "../secrets/scan-text.js";
import { secretDiagnostic } from "../secrets/secret-diagnostic.js";

/** A secrets check with a fixed allowlist (default: the one in the catalog it runs on). */
export function makeSecretsCheck(allowlist?: SecretsAllowlist): Check {
  return {
    name: "secrets",
    codes: ["secret/detected"],
    run(ctx) {
      const { catalog, report } = ctx;
      // Read once for every file: a change to catalog.yaml scans every file again.
      const allowed = allowlist ?? readSecretsAllowlist(catalog.get("Catalog", "catalog")?.data);
      const isAllowed = (value: string) => allowed.allows(value);
      forEachSubject(ctx, catalog.subjects(undefined, false), (entity) => {
        for (const text of [entity.source, ...(entity.readme ? [entity.readme] : [])]) {
          for (const finding of scanText(text.text, { isAllowed }))
            report.push(secretDiagnostic(finding, { file: text.file }));
        }
      });
      // Paths, and the files no entity or README holds: the loader reports those on every run, so they are scanned on every run.
      for (const file of catalog.files()) {
        for (const finding of scanText(file.relPath, { isAllowed }))
          report.push(secretDiagnostic(finding, { file: file.file, inPath: true }));
        if (!file.unloadedText) continue;
        for (const finding of scanText(file.unloadedText(), { isAllowed }))
          report.push(secretDiagnostic(finding, { file: file.file }));
      }
    },
  };
}

/** The secrets check of `mlcat validate`: the catalog's own allowlist. */
export const secretsCheck: Check = makeSecretsCheck();
