/**
 * A user's effective role at one place: the organization role (capped where
 * its area is delegated to other admins), overridden by a role set on the
 * project, component or model, raised by ownership and by team roles where
 * those are higher. Everything is read from the authority's catalog.
 */
import type { Role } from "../model/types.js";
import { DELEGATED_ROLE, type Area } from "./actions.js";
import type { Authority } from "./authority.js";
import { rolesAt, stringAt, stringsAt } from "./read-data.js";
import { atLeast, describeRole } from "./roles.js";

/** The kinds that carry their own `members`, `teams` and `owner`. */
export type RoleBearingKind = "Project" | "Component" | "Model";

/** Where a role is resolved: an organization, optionally an area and an entity in it. */
export interface Scope {
  org: string;
  /** The managed area (projects, hub, registry): delegations apply here. */
  area?: Area;
  entity?: { kind: RoleBearingKind; key: string; name: string };
}

/** A resolved role and the steps that led to it. */
export interface RoleResolution {
  role?: Role;
  chain: string[];
}

const LABEL: Record<RoleBearingKind, string> = {
  Project: "project",
  Component: "hub component",
  Model: "registry model",
};

/** `project acme/churn`, `organization acme`: a scope for messages. */
export function describeScope(scope: Scope): string {
  return scope.entity ? `${LABEL[scope.entity.kind]} ${scope.entity.key}` : `organization ${scope.org}`;
}

/** The effective role of `user` (a catalog username) at `scope`. */
export function resolveRole(authority: Authority, user: string | undefined, scope: Scope): RoleResolution {
  const chain: string[] = [];
  if (user === undefined) return { chain: ["an author with no user file has no role"] };
  const orgRole = authority.orgRole(user, scope.org);
  chain.push(
    orgRole
      ? `${user} is ${describeRole(orgRole)} of organization ${scope.org}`
      : `${user} is not a member of organization ${scope.org}`,
  );
  let role = orgRole;
  if (scope.area && orgRole === DELEGATED_ROLE) {
    const delegates = authority.delegates(scope.org, scope.area);
    if (delegates && !delegates.includes(user)) {
      role = "member";
      chain.push(
        `${scope.area} management in ${scope.org} is delegated to ${delegates.join(", ") || "nobody"}: ${user}'s admin role counts as member there`,
      );
    } else if (delegates) {
      chain.push(`${scope.area} management in ${scope.org} is delegated to ${user}`);
    }
  }
  if (!scope.entity) return { ...(role && { role }), chain };

  const { kind, key, name } = scope.entity;
  const where = `${LABEL[kind]} ${key}`;
  const data = authority.entityData(kind, key);
  if (data === undefined) {
    chain.push(`${where} does not exist yet: only the organization role counts`);
    return { ...(role && { role }), chain };
  }
  const own = rolesAt(data, "members", "user").find((m) => m.name === user);
  if (own) {
    if (atLeast(orgRole, "manager") && !atLeast(own.role, orgRole!)) {
      chain.push(`${where} lists ${user} as ${own.role}, but an organization ${orgRole} keeps that role`);
    } else {
      role = own.role;
      chain.push(`${where} sets ${user}'s role to ${own.role} (its members list overrides the organization role)`);
    }
  }
  if (stringAt(data, "owner") === user && !atLeast(role, "admin")) {
    role = "admin";
    chain.push(`${user} owns ${where}: admin there`);
  }
  if (kind === "Component" && stringsAt(data, "maintainers").includes(user) && !atLeast(role, "member")) {
    role = "member";
    chain.push(`${user} maintains ${where}: member there`);
  }
  const entityTeams = rolesAt(data, "teams", "team");
  for (const team of authority.teamsOf(user, scope.org)) {
    const grants = [
      ...entityTeams
        .filter((t) => t.name === team.name)
        .map((t) => ({ role: t.role, how: `${where} gives team ${team.name} ${t.role}` })),
      ...(kind === "Project"
        ? team.projects
            .filter((p) => p.name === name)
            .map((p) => ({ role: p.role, how: `team ${team.name} gives its members ${p.role} on ${where}` }))
        : []),
    ];
    for (const grant of grants) {
      if (!atLeast(role, grant.role)) {
        role = grant.role;
        chain.push(`${user} is in team ${team.name}; ${grant.how}, higher than before`);
      }
    }
  }
  chain.push(`${user}'s effective role on ${where}: ${role ?? "none"}`);
  return { ...(role && { role }), chain };
}

/** Every username that might hold a role at `scope`: organization members, entity members, team members. */
export function candidatesAt(authority: Authority, scope: Scope): string[] {
  const names = new Set(authority.orgMembers(scope.org).map((m) => m.name));
  for (const t of authority.teams(scope.org)) for (const m of t.members) names.add(m.name);
  if (scope.entity) {
    const data = authority.entityData(scope.entity.kind, scope.entity.key);
    for (const m of rolesAt(data, "members", "user")) names.add(m.name);
    const owner = stringAt(data, "owner");
    if (owner) names.add(owner);
  }
  return [...names].sort();
}
