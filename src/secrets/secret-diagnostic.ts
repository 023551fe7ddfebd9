/** The `secret/detected` diagnostic: what was found, never the secret itself, and to revoke it first. */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { fingerprintSecret } from "./allowlist.js";
import { previewSecret, type SecretFinding } from "./scan-text.js";

/** Where a finding was made. */
export interface FindingPlace {
  /** Display path of the file. */
  file: string;
  /** When found in a pull request's history: the commit that added it. */
  commit?: { sha: string; subject?: string };
}

/** The diagnostic for one finding. */
export function secretDiagnostic(finding: SecretFinding, place: FindingPlace): Diagnostic {
  const where = place.commit ? `, added in commit ${place.commit.sha.slice(0, 12)}${place.commit.subject ? ` ("${clip(place.commit.subject)}")` : ""}` : "";
  const history = place.commit
    ? "removing it in a later commit is not enough: it stays in the pull request's history and may already have been copied"
    : "deleting it is not enough: it stays in git history and may already have been copied";
  return {
    code: "secret/detected",
    severity: "error",
    file: place.file,
    line: finding.line,
    column: finding.column,
    message: `this looks like ${finding.detector.label} (${previewSecret(finding.value)})${where}: credentials must never be committed`,
    hint:
      `${finding.detector.revoke} NOW, then remove it (${history}); refer to secrets by name instead (a connection's secret.name). ` +
      `If it is a public example value, a catalog admin can list its fingerprint ${fingerprintSecret(finding.value)} under policy.secretsAllowlist in catalog.yaml on the base branch`,
  };
}

function clip(text: string): string {
  const one = text.replace(/\s+/g, " ").trim();
  return one.length > 60 ? `${one.slice(0, 59)}…` : one;
}
