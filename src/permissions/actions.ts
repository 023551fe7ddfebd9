/**
 * The action table of DESIGN.md ("Roles and permissions"): for each action,
 * the lowest organization role that may take it. Rules cite these ids.
 */
import type { Role } from "../model/types.js";

/** An action on the catalog that a role allows. */
export type ActionId = "org-owners" | "org-settings" | "entity-manage" | "child-delete" | "child-write" | "read";

/** One row of the table. */
export interface ActionRow {
  id: ActionId;
  /** The lowest role that may take the action. */
  lowest: Role;
  /** The row as DESIGN.md words it. */
  description: string;
}

/** The table, highest role first. */
export const ACTION_TABLE: readonly ActionRow[] = [
  { id: "org-owners", lowest: "owner", description: "delete the organization, change its visibility, manage owners" },
  { id: "org-settings", lowest: "manager", description: "org settings, teams, members (not owners), connections" },
  {
    id: "entity-manage",
    lowest: "admin",
    description: "add/remove/change a project, hub component or registry model and its access",
  },
  { id: "child-delete", lowest: "admin", description: "delete component versions, model versions, experiments" },
  { id: "child-write", lowest: "member", description: "add or update component versions, model versions, experiments" },
  { id: "read", lowest: "viewer", description: "read private entities" },
];

/** The lowest role allowed to take `action`. */
export function lowestRole(action: ActionId): Role {
  return ACTION_TABLE.find((row) => row.id === action)!.lowest;
}

/** The table's wording of `action`. */
export function describeAction(action: ActionId): string {
  return ACTION_TABLE.find((row) => row.id === action)!.description;
}

/** The parts of an organization whose management owners and managers may delegate to named admins. */
export type Area = "projects" | "hub" | "registry";
