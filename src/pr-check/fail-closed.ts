/** The diagnostics of a check that stops early, failing closed: base unreadable, too many changes, an ambiguous author or pusher, a merge that conflicts. */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { ConflictedPath } from "../git/merge-tree.js";
import type { Actor } from "../permissions/actor.js";
import type { PrincipalRole } from "./principals.js";
import { positionOf } from "../yaml/positions.js";
import { plural } from "../text/plural.js";
import type { Side } from "./read-sides.js";

/** Builders of fail-closed diagnostics. */
export const failClosed = {
  /** Each parse failure of the base, re-reported as pr/base-invalid. */
  baseInvalid(problems: readonly Diagnostic[]): Diagnostic[] {
    return problems.map((d) => ({
      ...d,
      code: "pr/base-invalid",
      severity: "error",
      message: `on the base branch, ${d.message}: roles and policy cannot be read, so nothing in this pull request is allowed`,
      hint: `fix ${d.file} on the base branch first (${d.hint})`,
    }));
  },

  /** The change count is over policy.maxChangedFiles. */
  tooManyChanges(base: Side, dir: string, count: number, cap: number): Diagnostic {
    const settings = base.loaded.catalog.get("Catalog", "catalog");
    const at = settings ? positionOf(settings.source, ["policy", "maxChangedFiles"]) : { line: 1, column: 1 };
    return {
      code: "pr/too-many-changes",
      severity: "error",
      file: settings?.source.file ?? `${dir}/catalog.yaml`,
      line: at.line,
      column: at.column,
      message: `this pull request changes ${plural(count, "file")}, more than the ${cap} that policy.maxChangedFiles allows: it is not checked, and not allowed`,
      hint: `split it into pull requests of at most ${cap} changed files`,
    };
  },

  /**
   * The branch does not merge cleanly into the base: one diagnostic per
   * conflicted path (`stages` as `mergeTreeOf` gives them), hinting at a rebase
   * on the base as the user named it (`baseName`).
   */
  mergeConflict(conflicts: readonly ConflictedPath[], dir: string, base: string, baseName: string): Diagnostic[] {
    const at = conflicts.length > 0 ? conflicts : [{ path: `${dir}/catalog.yaml`, stages: [] }];
    return at.map(({ path, stages }) => ({
      code: "pr/merge-conflict",
      severity: "error",
      file: path,
      line: 1,
      column: 1,
      message: `merging this branch into the base ${base.slice(0, 10)} conflicts ${conflicts.length > 0 ? `in this file: ${conflictOf(stages)}` : "(git names no file)"}; the file the merge would produce cannot be judged, so nothing in this pull request is allowed`,
      hint: `rebase the branch on ${baseName} and push again`,
    }));
  },

  /** The author (or a pusher, `as`) matches several user files. */
  ambiguousActor(dir: string, actor: Actor, as: PrincipalRole = "author"): Diagnostic {
    const names = actor.ambiguous ?? [];
    return {
      code: "pr/actor-ambiguous",
      severity: "error",
      file: `${dir}/users/${names[0] ?? "?"}.yaml`,
      line: 1,
      column: 1,
      message: `the ${as} ${actor.login}${actor.id !== undefined ? ` (id ${actor.id})` : ""} matches several user files on the base (${names.join(", ")}): nothing is allowed until one identity remains`,
      hint: `ask a catalog admin to fix the github login and id of ${names.map((n) => `users/${n}.yaml`).join(" and ")} so that each GitHub account has one user file`,
    };
  },
};

/** What a conflict's stages (1 merge-base, 2 base, 3 head) say happened to the file. */
function conflictOf(stages: readonly number[]): string {
  const has = (n: number) => stages.includes(n);
  if (has(1) && has(2) && has(3)) return "the base and the branch both changed the same lines since the branch forked";
  if (has(2) && has(3)) return "the base and the branch both added it, with different contents";
  if (has(1) && has(2)) return "the branch deleted it and the base changed it";
  if (has(1) && has(3)) return "the base deleted it and the branch changed it";
  return "git cannot merge it (a rename on one side, or a file where the other side has a folder)";
}
