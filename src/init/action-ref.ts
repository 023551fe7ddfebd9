/**
 * Which mlcat action the workflows run: `--action owner/repo@<commit-sha>`, or
 * the commit the repository installed mlcat from (its package-lock.json's
 * resolved git URL, or package.json's spec when it names a full commit).
 * Only a full commit SHA is taken: a branch or tag can move.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** `owner/repo@sha` from a git URL or spec naming a GitHub repository and a full commit, else undefined. */
export function actionFromGitSpec(spec: string): string | undefined {
  const m =
    /^(?:github:|git\+https:\/\/github\.com\/|git\+ssh:\/\/git@github\.com\/|https:\/\/github\.com\/|git:\/\/github\.com\/)?([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+?)(?:\.git)?#([0-9a-f]{40})$/.exec(
      spec.trim(),
    );
  return m ? `${m[1]}/${m[2]}@${m[3]}` : undefined;
}

/** Whether `ref` is `owner/repo@<40 hex>` (or a path under it: `owner/repo/sub@sha`). */
export function isPinnedAction(ref: string): boolean {
  return /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+(\/[A-Za-z0-9._/-]+)?@[0-9a-f]{40}$/.test(ref);
}

/** The action of the mlcat the repository at `dir` installed from GitHub at a commit, if any. */
export function actionFromPackage(dir: string): string | undefined {
  const read = (file: string): unknown => {
    try {
      return JSON.parse(readFileSync(join(dir, file), "utf8"));
    } catch {
      return undefined;
    }
  };
  const lock = read("package-lock.json") as { packages?: Record<string, { resolved?: string }> } | undefined;
  const resolved = lock?.packages?.["node_modules/mlcat"]?.resolved;
  if (resolved) return actionFromGitSpec(resolved);
  const pkg = read("package.json") as
    { dependencies?: Record<string, string>; devDependencies?: Record<string, string> } | undefined;
  const spec = pkg?.devDependencies?.mlcat ?? pkg?.dependencies?.mlcat;
  return spec ? actionFromGitSpec(spec) : undefined;
}
