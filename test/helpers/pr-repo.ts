/** Pull-request scenarios on a real temporary repository: branch from main, commit a change, run the check. */
import { checkPullRequest, type CheckResult } from "../../src/pr-check/run-check.js";
import type { FileMap } from "./catalog.js";
import { makeRepo, type CommitAuthor, type TestRepo } from "./git-repo.js";
import { PR_BASE } from "./pr-catalog.js";

/** One pull request: catalog files to write (`null` deletes), other files, symlinks, who commits, who is the author. */
export interface PrCase {
  /** Catalog-relative paths -> new text (or bytes), or null to delete. */
  change?: Record<string, string | Uint8Array | null>;
  /** Paths from the repository root -> new text (or bytes), or null to delete. */
  files?: Record<string, string | Uint8Array | null>;
  /** Paths from the repository root -> symlink target. */
  symlinks?: Record<string, string>;
  /** The authenticated author CI gives. */
  actor: string;
  actorId?: number;
  /** Others who pushed to the branch (the event's sender), judged as well. */
  pushers?: Array<{ login: string; id?: number }>;
  /** Who the commit claims to be from (default: a neutral test author). */
  commitAuthor?: CommitAuthor;
}

/** A repository whose main holds `files`; each `check` runs on a fresh branch from main. */
export class PrScenario {
  readonly repo: TestRepo;
  private count = 0;

  constructor(files: FileMap = PR_BASE) {
    this.repo = makeRepo(files);
  }

  /** Commit catalog changes straight to main (a merged pull request). */
  commitToMain(change: Record<string, string | null>, message = "merged change"): string {
    this.repo.checkout("main");
    this.repo.writeCatalog(change);
    return this.repo.commit(message);
  }

  /** Open a branch from main with the case's change and check it against main. */
  async check(c: PrCase): Promise<CheckResult> {
    const branch = this.openBranch(c);
    try {
      const principals = (c.pushers ?? []).map((p) => ({ ...p, as: "pusher" as const }));
      return await checkPullRequest({
        cwd: this.repo.dir,
        base: "main",
        head: branch,
        actor: { login: c.actor, ...(c.actorId !== undefined && { id: c.actorId }) },
        principals,
      });
    } finally {
      this.repo.checkout("main");
    }
  }

  /** Create the branch of a case (left checked out); returns its name. */
  openBranch(c: Omit<PrCase, "actor" | "actorId" | "pushers">): string {
    const branch = `pr-${++this.count}`;
    this.repo.branch(branch, "main");
    this.repo.writeCatalog(c.change ?? {});
    this.repo.write(c.files ?? {});
    for (const [path, target] of Object.entries(c.symlinks ?? {})) this.repo.symlink(path, target);
    this.repo.commit(`change ${this.count}`, c.commitAuthor);
    return branch;
  }

  remove(): void {
    this.repo.remove();
  }
}

/** The errors of a check as `{code, file, line, column}` (files relative to catalog/ when under it): what tables compare. */
export function errorsOf(result: CheckResult): Array<{ code: string; file: string; line: number; column: number }> {
  return result.diagnostics
    .filter((d) => d.severity === "error")
    .map(({ code, file, line, column }) => ({ code, file: file.replace(/^catalog\//, ""), line, column }));
}
