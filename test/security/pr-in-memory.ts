/**
 * The pull-request decision without git, for property tests that need many
 * runs: the same steps as `checkPullRequest` (base authority, actor, classify
 * each changed path, decide it with its sides) on two in-memory catalogs.
 * A few git-level runs in permissions.test.ts keep it honest.
 */
import { parse, stringify } from "yaml";
import type { ChangedFile } from "../../src/git/changed-files.js";
import { resolveActor, type ActorInput } from "../../src/permissions/actor.js";
import { Authority } from "../../src/permissions/authority.js";
import { classifyChange } from "../../src/pr-check/classify-change.js";
import { decideChange } from "../../src/pr-check/decide-change.js";
import type { Entity } from "../../src/model/entity.js";
import { loadFiles, type FileMap } from "../helpers/catalog.js";

/** Allowed or not, per changed catalog-relative path. */
export type Verdicts = Record<string, boolean>;

const byPath = (files: FileMap): Map<string, Entity> =>
  new Map(
    loadFiles(files)
      .catalog.entities()
      .map((e) => [e.source.relPath, e]),
  );

/** Judge the change from `base` to `head` (catalog-relative file maps) for `actor`, as `mlcat check` does. */
export function judgeInMemory(base: FileMap, head: FileMap, actor: ActorInput): Verdicts {
  const authority = new Authority(loadFiles(base).catalog);
  const who = resolveActor(authority, actor);
  const before = byPath(base);
  const after = byPath(head);
  const paths = [...new Set([...Object.keys(base), ...Object.keys(head)])].filter((p) => base[p] !== head[p]).sort();
  const out: Verdicts = {};
  for (const rel of paths) {
    const status = base[rel] === undefined ? "added" : head[rel] === undefined ? "deleted" : "modified";
    const file: ChangedFile = {
      status,
      path: `catalog/${rel}`,
      oldMode: status === "added" ? "000000" : "100644",
      newMode: status === "deleted" ? "000000" : "100644",
      oldOid: "0".repeat(40),
      newOid: "1".repeat(40),
      type: "file",
    };
    const change = classifyChange(file, "catalog");
    const sides = {
      ...(change.action !== "create" && before.has(rel) && { before: before.get(rel)! }),
      ...(change.action !== "delete" && after.has(rel) && { after: after.get(rel)! }),
      ...(before.has(rel) && { onBase: before.get(rel)! }),
    };
    const verdicts = decideChange({ authority, actor: who }, change, sides);
    // An ambiguous author fails the whole check closed.
    out[rel] = !who.ambiguous && verdicts.every((v) => v.decision.allowed);
  }
  return out;
}

/** A change to a catalog: new texts per path (`null` deletes), computed from the catalog it applies to. */
export type Change = (files: FileMap) => Record<string, string | null>;

/** Apply a change. */
export function applyChange(files: FileMap, change: Change): FileMap {
  const out = { ...files };
  for (const [p, text] of Object.entries(change(files))) {
    if (text === null) delete out[p];
    else out[p] = text;
  }
  return out;
}

/** A change that edits the parsed data of one file (skipped when the file is missing). */
export function editData(path: string, edit: (data: Record<string, unknown>) => void): Change {
  return (files) => {
    const text = files[path];
    if (text === undefined) return {};
    const data = parse(text) as Record<string, unknown>;
    edit(data);
    return { [path]: stringify(data) };
  };
}

/** Every place in the authority files where someone is granted something: a list item or an owner field. */
export interface GrantSite {
  path: string;
  /** Key path to the array (item index last) or to the `owner` field. */
  at: Array<string | number>;
  label: string;
}

const GRANT_LISTS = new Set(["admins", "members", "maintainers", "teams", "to"]);

/** The grant sites of a catalog: catalog admins, members (org, team, project, component, model), team project grants, entity team grants, delegates, owners, maintainers. */
export function grantSites(files: FileMap): GrantSite[] {
  const sites: GrantSite[] = [];
  for (const [path, text] of Object.entries(files)) {
    if (!path.endsWith(".yaml") || path.includes("/versions/") || path.includes("/experiments/")) continue;
    const walk = (value: unknown, at: Array<string | number>): void => {
      if (Array.isArray(value)) {
        const key = at[at.length - 1];
        const grants =
          typeof key === "string" && (GRANT_LISTS.has(key) || (key === "projects" && path.includes("/teams/")));
        value.forEach((item, i) => {
          if (grants)
            sites.push({ path, at: [...at, i], label: `${path} ${[...at, i].join(".")} (${JSON.stringify(item)})` });
          walk(item, [...at, i]);
        });
      } else if (value !== null && typeof value === "object") {
        for (const [k, v] of Object.entries(value)) {
          if (k === "owner" && typeof v === "string")
            sites.push({ path, at: [...at, k], label: `${path} ${[...at, k].join(".")} (${v})` });
          else walk(v, [...at, k]);
        }
      }
    };
    walk(parse(text), []);
  }
  return sites.sort((a, b) => (a.label < b.label ? -1 : 1));
}

/** `files` with the grant at `site` removed. */
export function removeGrant(files: FileMap, site: GrantSite): FileMap {
  const data = parse(files[site.path]!) as Record<string, unknown>;
  let parent: unknown = data;
  for (const key of site.at.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[key];
  const last = site.at[site.at.length - 1]!;
  if (Array.isArray(parent)) parent.splice(last as number, 1);
  else delete (parent as Record<string, unknown>)[last as string];
  return { ...files, [site.path]: stringify(data) };
}
