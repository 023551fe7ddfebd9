/**
 * Check `secrets`: no catalog file (YAML or README) holds a credential. The
 * allowlist is the catalog's own `policy.secretsAllowlist`, which is right for
 * `mlcat validate` on a branch; `mlcat check` runs without this check and scans
 * the pull request's added lines with the base's allowlist instead.
 */
import { forEachSubject, type Check } from "../checks/context.js";
import { readSecretsAllowlist, type SecretsAllowlist } from "./allowlist.js";
import { scanText } from "./scan-text.js";
import { secretDiagnostic } from "./secret-diagnostic.js";

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
          for (const finding of scanText(text.text, { isAllowed })) report.push(secretDiagnostic(finding, { file: text.file }));
        }
      });
    },
  };
}

/** The secrets check of `mlcat validate`: the catalog's own allowlist. */
export const secretsCheck: Check = makeSecretsCheck();
