/**
 * The closed table of actions: what a role (or the registry's production
 * approvers) may do. Every rule of `mlcat check` that depends on a role cites
 * one of these actions (see rules.ts), and the site's permission matrix is
 * computed from them. docs/pull-request-checks.md's table of actions is
 * generated from this one (`npm run docs`); a test keeps the two in step.
 */
import type { Role } from "../model/types.js";

/** Where an action is judged: on the organization, or on a project, hub component or model (its area for a new one). */
export type ActionPlace = "organization" | "entity";

/** An action open to a role and every higher one, by the effective role at its place. */
interface RoleAction {
  holders: "role";
  /** The lowest role that may take the action. */
  lowest: Role;
  at: ActionPlace;
  /** What the action covers, for the docs. */
  description: string;
}

/** An action open to the production approvers of an organization's registry (policy.productionApprovers). */
interface ApproverAction {
  holders: "production-approvers";
  at: "organization";
  description: string;
}

/** One row of the table. */
export type ActionRow = RoleAction | ApproverAction;

/** The table, highest role first. */
export const ACTIONS = {
  "org-owners": {
    holders: "role",
    lowest: "owner",
    at: "organization",
    description:
      "delete the organization, change its visibility, make a project, hub component or model public, manage owners",
  },
  "org-settings": {
    holders: "role",
    lowest: "manager",
    at: "organization",
    description: "org settings, teams, members (not owners), delegations, connections",
  },
  "entity-manage": {
    holders: "role",
    lowest: "admin",
    at: "entity",
    description:
      "add/remove/change a project, hub component or registry model and its access; move a model version between stages short of production",
  },
  "child-delete": {
    holders: "role",
    lowest: "admin",
    at: "entity",
    description: "delete component versions (under mutable tags), model versions, experiments",
  },
  "child-write": {
    holders: "role",
    lowest: "member",
    at: "entity",
    description: "add or update component versions, model versions, experiments",
  },
  "production-approve": {
    holders: "production-approvers",
    at: "organization",
    description:
      "move a model version to production, change one there or take it out (owners, managers and registry admins; owners only with `policy.productionApprovers: owners`)",
  },
} as const satisfies Record<string, ActionRow>;

/** An action of the table. */
export type ActionId = keyof typeof ACTIONS;

/** The actions open to a role and every higher one. */
export type RoleActionId = { [A in ActionId]: (typeof ACTIONS)[A]["holders"] extends "role" ? A : never }[ActionId];

/** Every action id, in the table's order. */
export const ACTION_IDS = Object.keys(ACTIONS) as ActionId[];

/** The lowest role allowed to take `action`. */
export function lowestRole(action: RoleActionId): Role {
  return ACTIONS[action].lowest;
}

/** The table's wording of `action`. */
export function describeAction(action: ActionId): string {
  return ACTIONS[action].description;
}

/** The parts of an organization whose management owners and managers may delegate to named admins. */
export type Area = "projects" | "hub" | "registry";

/** The areas, in the order pages list them. */
export const AREAS: readonly Area[] = ["projects", "hub", "registry"];

/**
 * The role a delegation narrows: where an area is delegated, an organization
 * admin not named in it counts as a member there; delegates must hold it or a higher role.
 */
export const DELEGATED_ROLE: Role = "admin";
