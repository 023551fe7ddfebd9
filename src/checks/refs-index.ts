/**
 * The lookups every reference rule needs, each reporting its own problem:
 * users, organization members, teams, connections and projects of an
 * organization, and duplicates in a list.
 */
import type { Catalog } from "../model/catalog.js";
import type { Entity } from "../model/entity.js";
import type { Kind } from "../model/kinds.js";
import type { Role } from "../model/types.js";
import type { ValuePath } from "../yaml/positions.js";
import { positionOf } from "../yaml/positions.js";
import type { DiagnosticCollector } from "../report/collector.js";
import { didYouMean } from "../text/suggest.js";

/** Resolves names against the catalog and reports what does not resolve. */
export class RefChecker {
  private readonly rolesByOrg = new Map<string, Map<string, Role> | undefined>();

  constructor(
    readonly catalog: Catalog,
    readonly report: DiagnosticCollector,
  ) {}

  /** The members of organization `org` with their roles; `undefined` when its file is missing or invalid. */
  orgRoles(org: string): Map<string, Role> | undefined {
    // Looked up every time, so an incremental run records the read for each entity that depends on it.
    const entity = this.catalog.get("Organization", org);
    if (!this.rolesByOrg.has(org)) {
      const members = entity?.schemaValid && Array.isArray(entity.data.members) ? entity.data.members : undefined;
      this.rolesByOrg.set(org, members && new Map(members.map((m) => [m.user, m.role])));
    }
    return this.rolesByOrg.get(org);
  }

  /** Names of the entities of `kind` under `prefix` (`acme/` for teams of acme). */
  namesUnder(kind: Kind, prefix: string): string[] {
    return this.catalog
      .keys(kind)
      .filter((key) => key.startsWith(prefix))
      .map((key) => key.slice(prefix.length));
  }

  /** Report `ref/unknown-user` unless `user` has a file; returns whether it has one. */
  expectUser(entity: Entity, path: ValuePath, user: string, what: string): boolean {
    if (this.catalog.has("User", user)) return true;
    const suggestion = didYouMean(user, this.catalog.keys("User"));
    this.report.at(
      entity,
      path,
      "ref/unknown-user",
      `${what} "${user}" is not a user of the catalog`,
      `fix the name${suggestion}, or add users/${user}.yaml`,
    );
    return false;
  }

  /** Report an unknown user, or `ref/not-org-member` when the user is not a member of `org`. */
  expectOrgMember(entity: Entity, path: ValuePath, user: string, what: string, org: string): void {
    if (!this.expectUser(entity, path, user, what)) return;
    const roles = this.orgRoles(org);
    if (!roles || roles.has(user)) return;
    this.report.at(
      entity,
      path,
      "ref/not-org-member",
      `${what} "${user}" is not a member of organization "${org}"`,
      `add ${user} to orgs/${org}/organization.yaml first`,
    );
  }

  /** Report `ref/unknown-team` unless `team` exists in `org`. */
  expectTeam(entity: Entity, path: ValuePath, team: string, org: string): void {
    if (this.catalog.has("Team", `${org}/${team}`)) return;
    const suggestion = didYouMean(team, this.namesUnder("Team", `${org}/`));
    this.report.at(
      entity,
      path,
      "ref/unknown-team",
      `team "${team}" does not exist in organization "${org}"`,
      `fix the name${suggestion}, or add orgs/${org}/teams/${team}.yaml`,
    );
  }

  /** Report `ref/unknown-connection` unless `connection` exists in `org`. */
  expectConnection(entity: Entity, path: ValuePath, connection: string, org: string): void {
    if (this.catalog.has("Connection", `${org}/${connection}`)) return;
    const suggestion = didYouMean(connection, this.namesUnder("Connection", `${org}/`));
    this.report.at(
      entity,
      path,
      "ref/unknown-connection",
      `connection "${connection}" does not exist in organization "${org}"`,
      `fix the name${suggestion}, or add orgs/${org}/connections/${connection}.yaml`,
    );
  }

  /** Report `ref/unknown-project` unless `project` exists in `org`; returns whether it exists. */
  expectProject(entity: Entity, path: ValuePath, project: string, org: string): boolean {
    if (this.catalog.has("Project", `${org}/${project}`)) return true;
    const suggestion = didYouMean(project, this.namesUnder("Project", `${org}/`));
    this.report.at(
      entity,
      path,
      "ref/unknown-project",
      `project "${project}" does not exist in organization "${org}"`,
      `fix the name${suggestion}, or add orgs/${org}/projects/${project}/project.yaml`,
    );
    return false;
  }

  /**
   * Report `ref/duplicate` at every repeat of a value in a list. `items` are
   * the values with their paths; `what` names the list (`members of team "ml"`).
   */
  expectUnique(
    entity: Entity,
    items: ReadonlyArray<{ value: string; path: ValuePath }>,
    noun: string,
    what: string,
  ): void {
    const first = new Map<string, ValuePath>();
    for (const { value, path } of items) {
      const earlier = first.get(value);
      if (!earlier) {
        first.set(value, path);
        continue;
      }
      const line = positionOf(entity.source, earlier).line;
      this.report.at(
        entity,
        path,
        "ref/duplicate",
        `${noun} "${value}" is listed twice in ${what} (first on line ${line})`,
        `keep one entry for ${value}`,
      );
    }
  }
}

/** The items of `list` that are objects with a string `field`, with their paths under `base`. */
export function collectField<T extends object>(
  list: readonly T[] | undefined,
  field: keyof T & string,
  base: ValuePath,
): Array<{ value: string; path: ValuePath }> {
  if (!Array.isArray(list)) return [];
  const out: Array<{ value: string; path: ValuePath }> = [];
  list.forEach((item, i) => {
    const value = (item as Record<string, unknown> | null)?.[field];
    if (typeof value === "string") out.push({ value, path: [...base, i, field] });
  });
  return out;
}

/** The string items of `list`, with their paths under `base`. */
export function collectStrings(
  list: readonly unknown[] | undefined,
  base: ValuePath,
): Array<{ value: string; path: ValuePath }> {
  if (!Array.isArray(list)) return [];
  const out: Array<{ value: string; path: ValuePath }> = [];
  list.forEach((value, i) => {
    if (typeof value === "string") out.push({ value, path: [...base, i] });
  });
  return out;
}
