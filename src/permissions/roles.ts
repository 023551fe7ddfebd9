/** Organization roles, after Polyaxon: owner > manager > admin > member > viewer. */
import { ROLES, type Role } from "../model/types.js";

const RANK: Record<Role, number> = { owner: 5, manager: 4, admin: 3, member: 2, viewer: 1 };

/** Whether `value` is one of the five roles. */
export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Whether `role` is `needed` or higher; no role is never enough. */
export function atLeast(role: Role | undefined, needed: Role): boolean {
  return role !== undefined && RANK[role] >= RANK[needed];
}

/** The higher of two roles (either may be missing). */
export function higherRole(a: Role | undefined, b: Role | undefined): Role | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return RANK[a] >= RANK[b] ? a : b;
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
