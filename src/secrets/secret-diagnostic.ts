/** The `secret/detected` diagnostic: what was found, never the secret itself, and to revoke it first. */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { fingerprintSecret } from "./allowlist.js";
import { redactSecrets } from "./redact.js";
import { previewSecret, type SecretFinding } from "./scan-text.js";

/** Where a finding was made. */
export interface FindingPlace {
  /** Display path of the file. */
  file: string;
  /** When found in a pull request's history: the commit that added it. */
  commit?: { sha: string; subject?: string };
  /**
   * The finding is in the file's path (a file or folder name), not in its
   * text: the path is shown with the secret masked, and the position is 1:1.
   */
  inPath?: boolean;
}

/** The diagnostic for one finding. */
export function secretDiagnostic(finding: SecretFinding, place: FindingPlace): Diagnostic {
  const where = place.commit
    ? `, added in commit ${place.commit.sha.slice(0, 12)}${place.commit.subject ? ` ("${clip(place.commit.subject)}")` : ""}`
    : "";
  const gone = place.inPath ? "renaming" : place.commit ? "removing it in a later commit" : "deleting it";
  const history = place.commit
    ? `${gone} is not enough: it stays in the pull request's history and may already have been copied`
    : `${gone} is not enough: it stays in git history and may already have been copied`;
  const what = place.inPath ? "the path of this file (a file or folder name) holds what looks like" : "this looks like";
  return {
    code: "secret/detected",
    severity: "error",
    file: place.inPath ? redactSecrets(place.file) : place.file,
    line: place.inPath ? 1 : finding.line,
    column: place.inPath ? 1 : finding.column,
    message: `${what} ${finding.detector.label} (${previewSecret(finding.value)})${where}: credentials must never be committed`,
    hint:
      `${finding.detector.revoke} NOW, then ${place.inPath ? "rename the file or folder" : "remove it"} (${history}); refer to secrets by name instead (a connection's secret.name). ` +
      `If it is a public example value, a catalog admin can list its fingerprint ${fingerprintSecret(finding.value)} under policy.secretsAllowlist in catalog.yaml on the base branch`,
  };
}

function clip(text: string): string {
  const one = text.replace(/\s+/g, " ").trim();
  return one.length > 60 ? `${one.slice(0, 59)}…` : one;
}
