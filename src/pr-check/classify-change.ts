/** What a changed path is for the pull-request check: create, update or delete of which kind of catalog file. */
import type { ChangedFile } from "../git/changed-files.js";
import { entryTypeOfMode } from "../git/tree.js";
import type { EntryType } from "../model/raw-file.js";
import {
  classifyPath,
  classifyReadme,
  KIND_LABEL as SHARED_KIND_LABEL,
  type PathInfo,
  type ReadmeInfo,
} from "../model/kinds.js";

/** What the pull request does to a path. */
export type ChangeAction = "create" | "update" | "delete";

/** One changed path, classified. */
export interface PrChange {
  action: ChangeAction;
  /** Path from the repository root, as annotations show it (e.g. `catalog/orgs/acme/organization.yaml`). */
  path: string;
  /** Path relative to the catalog folder, when the path is under it. */
  relPath?: string;
  /** The kind and identity the path gives, for catalog entity files. */
  info?: PathInfo;
  /** The owner of a README, for README files. */
  readme?: ReadmeInfo;
  /** What the path is before the change (absent for creates). */
  oldType?: EntryType;
  /** What the path is after the change (absent for deletes). */
  newType?: EntryType;
  oldOid?: string;
  newOid?: string;
}

/** Classify one changed file; `dir` is the catalog folder from the repository root (e.g. `catalog`). */
export function classifyChange(file: ChangedFile, dir: string): PrChange {
  const action: ChangeAction = file.status === "added" ? "create" : file.status === "deleted" ? "delete" : "update";
  const change: PrChange = { action, path: file.path };
  if (action !== "create") {
    change.oldType = entryTypeOfMode(file.oldMode);
    change.oldOid = file.oldOid;
  }
  if (action !== "delete") {
    change.newType = entryTypeOfMode(file.newMode);
    change.newOid = file.newOid;
  }
  const prefix = `${dir.replace(/\/+$/, "")}/`;
  if (!file.path.startsWith(prefix)) return change;
  const relPath = file.path.slice(prefix.length);
  change.relPath = relPath;
  // Git objects can carry `.`, `..` and empty segments that git's index refuses: such a path is no entity's (`..` would name another place).
  if (relPath.split("/").some((segment) => segment === "" || segment === "." || segment === "..")) return change;
  const readme = classifyReadme(relPath);
  if (readme) change.readme = readme;
  else {
    const info = classifyPath(relPath);
    if (info) change.info = info;
  }
  return change;
}

/** `experiment acme/churn/run-1`, `README of project acme/churn`: what a change is about, for messages. */
export function describeTarget(change: PrChange): string {
  if (change.readme) return `the README of ${KIND_LABEL[change.readme.ownerKind]} ${change.readme.ownerKey}`;
  if (change.info?.kind === "Catalog") return "the catalog settings (catalog.yaml)";
  if (change.info) return `${KIND_LABEL[change.info.kind]} ${change.info.key}`;
  return change.path;
}

/** How messages name each kind: the shared labels, with the check's wording for two of them. */
export const KIND_LABEL: Record<PathInfo["kind"], string> = {
  ...SHARED_KIND_LABEL,
  Catalog: "the catalog settings",
  Model: "registry model",
};
