/**
 * The secret scan of `mlcat check`: every line added by any commit of the pull
 * request (`base..head`), anywhere in the repository, judged with the BASE's
 * allowlist. A secret added in one commit and removed in the next still fails:
 * it is in the history the pull request would merge.
 */
import { forEachAddedBlock } from "../git/added-lines.js";
import type { GitOptions } from "../git/run-git.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { EMPTY_ALLOWLIST, fingerprintSecret, type SecretsAllowlist } from "./allowlist.js";
import { scanText } from "./scan-text.js";
import { secretDiagnostic } from "./secret-diagnostic.js";

/** Options of `scanPullRequestSecrets`. */
export interface ScanPullRequestOptions extends GitOptions {
  /** The base commit (commits reachable from it are not the pull request's). */
  base: string;
  head: string;
  /** From the base revision's catalog.yaml, never from the head. */
  allowlist?: SecretsAllowlist;
}

/** One `secret/detected` per secret and file, at the commit that first added it. Git failures throw GitError. */
export async function scanPullRequestSecrets(options: ScanPullRequestOptions): Promise<Diagnostic[]> {
  const allowlist = options.allowlist ?? EMPTY_ALLOWLIST;
  const isAllowed = (value: string) => allowlist.allows(value);
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  const { base, head, allowlist: _a, ...git } = options;
  await forEachAddedBlock({ ...git, from: base, to: head }, (block) => {
    for (const finding of scanText(block.lines.join("\n"), { firstLine: block.firstLine, isAllowed })) {
      const key = `${block.path}\0${fingerprintSecret(finding.value)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      diagnostics.push(secretDiagnostic(finding, { file: block.path, commit: block.commit }));
    }
  });
  return diagnostics;
}
