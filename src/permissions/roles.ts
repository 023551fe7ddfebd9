/**
 * Organization roles, after Polyaxon: owner > manager > admin > member > viewer.
 * The one ranking of roles: the checks, the permission rules, the site and the
 * authoring commands all compare roles through this module.
 */
import { ROLES, type Role } from "../model/types.js";

/** Each role's rank, highest highest, from the order of `ROLES` (highest first). */
export const ROLE_RANK: Readonly<Record<Role, number>> = Object.fromEntries(
  ROLES.map((role, i) => [role, ROLES.length - i]),
) as Record<Role, number>;

/** Whether `value` is one of the five roles. */
export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Whether `role` is `needed` or higher; no role is never enough. */
export function atLeast(role: Role | undefined, needed: Role): boolean {
  return role !== undefined && ROLE_RANK[role] >= ROLE_RANK[needed];
}

/** The higher of two roles (either may be missing). */
export function higherRole(a: Role | undefined, b: Role | undefined): Role | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return ROLE_RANK[a] >= ROLE_RANK[b] ? a : b;
}

/** Sort order of roles, highest first: `roles.sort(byRoleDescending)`. */
export function byRoleDescending(a: Role, b: Role): number {
  return ROLE_RANK[b] - ROLE_RANK[a];
}

/** `an admin`, `a member`, `no role`: for messages. */
export function describeRole(role: Role | undefined): string {
  if (role === undefined) return "no role";
  return `${role === "owner" || role === "admin" ? "an" : "a"} ${role}`;
}

/** `is an admin`, `has no role`: a role as a predicate, for messages. */
export function holdsRole(role: Role | undefined): string {
  return role === undefined ? "has no role" : `is ${describeRole(role)}`;
}
