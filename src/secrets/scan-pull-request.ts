/**
 * The secret scan of `mlcat check`: every line added by any commit of the pull
 * request (`base..head`), anywhere in the repository, judged with the BASE's
 * allowlist. A secret added in one commit and removed in the next still fails:
 * it is in the history the pull request would merge.
 */
import { forEachAddedBlock, type AddedBlock } from "../git/added-lines.js";
import type { GitOptions } from "../git/run-git.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { EMPTY_ALLOWLIST, fingerprintSecret, type SecretsAllowlist } from "./allowlist.js";
import { scanText, type SecretFinding } from "./scan-text.js";
import { secretDiagnostic } from "./secret-diagnostic.js";

/** Options of `scanPullRequestSecrets`. */
export interface ScanPullRequestOptions extends GitOptions {
  /** The base commit (commits reachable from it are not the pull request's). */
  base: string;
  head: string;
  /**
   * From the base revision's catalog.yaml, never from the head. May come
   * later (a promise): the history is read and scanned meanwhile, and the
   * allowlist, a filter of values, applied at the end.
   */
  allowlist?: SecretsAllowlist | Promise<SecretsAllowlist>;
}

/** One `secret/detected` per secret and file, at the commit that first added it. Git failures throw GitError. */
export async function scanPullRequestSecrets(options: ScanPullRequestOptions): Promise<Diagnostic[]> {
  const seen = new Set<string>();
  const found: Array<{ finding: SecretFinding; file: string; commit: AddedBlock["commit"] }> = [];
  const { base, head, allowlist: _a, ...git } = options;
  await forEachAddedBlock({ ...git, from: base, to: head }, (block) => {
    for (const finding of scanText(block.lines.join("\n"), { firstLine: block.firstLine })) {
      // Whether a value is allowed depends on the value alone: the first of a file's copies stands for all.
      const key = `${block.path}\0${fingerprintSecret(finding.value)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      found.push({ finding, file: block.path, commit: block.commit });
    }
  });
  const allowlist = (await options.allowlist) ?? EMPTY_ALLOWLIST;
  return found.filter((f) => !allowlist.allows(f.finding.value)).map((f) => secretDiagnostic(f.finding, { file: f.file, commit: f.commit }));
}
