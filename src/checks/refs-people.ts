/**
 * References to people and teams: catalog admins, organization members and
 * delegations, team members and project access, and the owner, team, teams,
 * members, maintainers and connections of projects, hub components and models.
 */
import type { Entity } from "../model/entity.js";
import type { MemberRole, TeamRole } from "../model/types.js";
import { DELEGATED_ROLE } from "../permissions/actions.js";
import { atLeast } from "../permissions/roles.js";
import { collectField, collectStrings, type RefChecker } from "./refs-index.js";

/** `catalog.yaml`: admins are users, each listed once; so are the service accounts of `policy.recordOnBehalf`. */
export function checkCatalogAdmins(refs: RefChecker, entity: Entity<"Catalog">): void {
  const admins = collectStrings(entity.data.admins, ["admins"]);
  for (const { value, path } of admins) refs.expectUser(entity, path, value, "catalog admin");
  refs.expectUnique(entity, admins, "user", "the catalog admins");
  const recorders = collectStrings((entity.data as { policy?: { recordOnBehalf?: string[] } }).policy?.recordOnBehalf, [
    "policy",
    "recordOnBehalf",
  ]);
  for (const { value, path } of recorders)
    refs.expectUser(entity, path, value, "service account recording on behalf of others");
}

/** An organization: members are users, listed once; delegates are members with role admin or higher. */
export function checkOrganization(refs: RefChecker, entity: Entity<"Organization">): void {
  const org = entity.key;
  const members = collectField<MemberRole>(entity.data.members, "user", ["members"]);
  for (const { value, path } of members) refs.expectUser(entity, path, value, "organization member");
  refs.expectUnique(entity, members, "user", `the members of organization "${org}"`);
  const roles = refs.orgRoles(org);
  (entity.data.delegations ?? []).forEach((delegation, i) => {
    const delegates = collectStrings(delegation?.to, ["delegations", i, "to"]);
    for (const { value, path } of delegates) {
      refs.expectOrgMember(entity, path, value, "delegate", org);
      const role = roles?.get(value);
      // Delegations narrow what admins may do: a delegate holds that role or a higher one.
      if (role !== undefined && !atLeast(role, DELEGATED_ROLE)) {
        refs.report.at(
          entity,
          path,
          "ref/role-too-low",
          `delegate "${value}" has role "${role}" in organization "${org}", but ${delegation.area} management is delegated to admins or higher`,
          `make ${value} an admin in orgs/${org}/organization.yaml, or remove ${value} from this delegation`,
        );
      }
    }
    refs.expectUnique(entity, delegates, "user", `the ${delegation.area} delegation`);
  });
}

/** A team: members are users and members of its organization, listed once; its projects exist. */
export function checkTeam(refs: RefChecker, entity: Entity<"Team">): void {
  const org = entity.org!;
  const members = collectField<MemberRole>(entity.data.members, "user", ["members"]);
  for (const { value, path } of members) refs.expectOrgMember(entity, path, value, "team member", org);
  refs.expectUnique(entity, members, "user", `the members of team "${entity.name}"`);
  const projects = collectField(entity.data.projects, "project", ["projects"]);
  for (const { value, path } of projects) refs.expectProject(entity, path, value, org);
  refs.expectUnique(entity, projects, "project", `the projects of team "${entity.name}"`);
}

/** The access fields a project, hub component or model may have. */
interface AccessData {
  owner?: string;
  team?: string;
  teams?: TeamRole[];
  members?: MemberRole[];
  maintainers?: string[];
  connections?: string[];
}

/** A project, hub component or model: owner, members and maintainers are org members; teams and connections exist; lists hold no repeats. */
export function checkAccess(refs: RefChecker, entity: Entity<"Project" | "Component" | "Model">): void {
  const org = entity.org!;
  const data = entity.data as AccessData;
  const label = entity.kind === "Component" ? "component" : entity.kind.toLowerCase();
  const title = `${label} "${entity.key}"`;
  if (typeof data.owner === "string") refs.expectOrgMember(entity, ["owner"], data.owner, `${label} owner`, org);
  if (typeof data.team === "string") refs.expectTeam(entity, ["team"], data.team, org);

  const teams = collectField<TeamRole>(data.teams, "team", ["teams"]);
  for (const { value, path } of teams) refs.expectTeam(entity, path, value, org);
  refs.expectUnique(entity, teams, "team", `the teams of ${title}`);

  const members = collectField<MemberRole>(data.members, "user", ["members"]);
  for (const { value, path } of members) refs.expectOrgMember(entity, path, value, `${label} member`, org);
  refs.expectUnique(entity, members, "user", `the members of ${title}`);

  const maintainers = collectStrings(data.maintainers, ["maintainers"]);
  for (const { value, path } of maintainers) refs.expectOrgMember(entity, path, value, `${label} maintainer`, org);
  refs.expectUnique(entity, maintainers, "user", `the maintainers of ${title}`);

  const connections = collectStrings(data.connections, ["connections"]);
  for (const { value, path } of connections) refs.expectConnection(entity, path, value, org);
  refs.expectUnique(entity, connections, "connection", `the connections of ${title}`);
}
