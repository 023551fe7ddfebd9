/** What every rule receives and returns, and the helpers rules share. */
import type { DiagnosticCode } from "../diagnostics/codes.js";
import type { Entity } from "../model/entity.js";
import { KIND_DESCRIPTORS } from "../model/kind-descriptors.js";
import type { PathInfo } from "../model/kinds.js";
import { fillTemplate } from "../model/path-template.js";
import type { Decision } from "../permissions/decision.js";
import type { Scope } from "../permissions/effective-role.js";
import type { DecideContext } from "../permissions/requirements.js";
import type { ValuePath } from "../yaml/positions.js";
import type { ChangeAction, PrChange } from "./classify-change.js";
import { changedPaths } from "./field-diff.js";

/** The input of a rule: one change, both sides parsed where they could be, and the base's authority. */
export interface RuleInput {
  ctx: DecideContext;
  change: PrChange;
  /** What is judged (an update whose old or new side is unreadable is judged as a delete plus a create). */
  action: ChangeAction;
  /** The entity before the change (from the merge-base), for updates and deletes. */
  before?: Entity;
  /** The entity after the change (from the head), for creates and updates. */
  after?: Entity;
  /** The entity at the same path on the base branch's tip, if any (it may be newer than `before`). */
  onBase?: Entity;
  /** For a path absent from the base: its last content in the base's history, and the commit that deleted it. */
  tombstone?: Tombstone;
}

/** A path the base's history once had: the blob it last held and the commit that deleted it. */
export interface Tombstone {
  oid: string;
  commit: string;
}

/** One requirement of a change and its decision: denied ones become diagnostics. */
export interface Verdict {
  decision: Decision;
  /** Where in the head file the judged value is (`[]`: the whole file). */
  path: ValuePath;
  /** The diagnostic code a denial is reported with. */
  code: DiagnosticCode;
  /** An explicit line in the head file (when the change is textual, not a value). */
  line?: number;
  /** What to do instead, when no approver can help (e.g. publish a new version). */
  hint?: string;
}

/** A verdict reported with `pr/permission-denied` unless told otherwise. */
export function verdict(
  decision: Decision,
  path: ValuePath = [],
  extra: Partial<Omit<Verdict, "decision" | "path">> = {},
): Verdict {
  return {
    decision,
    path,
    code: extra.code ?? "pr/permission-denied",
    ...(extra.line !== undefined && { line: extra.line }),
    ...(extra.hint && { hint: extra.hint }),
  };
}

/** The scope whose roles govern a path: its project, hub component or model (with its area), or its organization (its kind says which). */
export function scopeOf(info: PathInfo): Scope {
  const org = info.org!;
  const rules = KIND_DESCRIPTORS[info.kind].rules;
  if (typeof rules === "string") return { org };
  const key = fillTemplate(rules.key, { org, project: info.project, parent: info.parent, name: info.name });
  return { org, area: rules.area, entity: { kind: rules.entity, key, name: key.slice(org.length + 1) } };
}

/** The organization-level scope of an area (for creating a project, component or model). */
export function areaScope(info: PathInfo): Scope {
  const scope = scopeOf(info);
  return scope.area ? { org: scope.org, area: scope.area } : { org: scope.org };
}

/** The changed value paths of an update (empty when only comments or layout changed), from `before` (default: the merge-base side). */
export function fieldChanges(input: RuleInput, before: Entity | undefined = input.before): ValuePath[] {
  return changedPaths(before?.data, input.after?.data);
}

/** Group paths by top-level key: `releases` -> every path under it. */
export function byTopKey(paths: readonly ValuePath[]): Map<string, ValuePath[]> {
  const out = new Map<string, ValuePath[]>();
  for (const p of paths) {
    const key = p.length === 0 ? "" : String(p[0]);
    out.set(key, [...(out.get(key) ?? []), p]);
  }
  return out;
}
