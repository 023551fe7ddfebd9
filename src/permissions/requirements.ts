/**
 * The building blocks of every rule: "needs this role here", "needs a catalog
 * admin", "only the user themselves", "needs rights on this team", "needs a
 * production approver", "nobody may". Each returns a Decision.
 */
import type { Role } from "../model/types.js";
import { ACTIONS, DELEGATED_ROLE, type ActionId } from "./actions.js";
import type { Actor } from "./actor.js";
import type { Authority } from "./authority.js";
import { decision, type Decision } from "./decision.js";
import { candidatesAt, describeScope, resolveRole, type Scope } from "./effective-role.js";
import { atLeast, holdsRole } from "./roles.js";
import type { Principal, RuleFor, RuleId } from "./rules.js";

/** What every requirement reads: the authority (base catalog) and the actor. */
export interface DecideContext {
  authority: Authority;
  actor: Actor;
  /** When the change was made, for the records it writes (pull requests only; `explain` judges no records). */
  window?: TimeWindow;
  /** The catalog users of everyone whose change this is (a pull request's author and pushers): whom its records may name (default: the actor). */
  recorders?: readonly string[];
}

/** A span of time in milliseconds since the epoch, ends included. */
export interface TimeWindow {
  from: number;
  to: number;
}

/** What is being done, for messages (`delete experiment acme/churn/run-1`), under which rule of the table. */
interface Doing<W extends ActionId | Principal> {
  rule: RuleFor<W>;
  doing: string;
}

/** The actor as messages name them. */
export function actorName(actor: Actor): string {
  return actor.user ?? `GitHub user ${actor.login}`;
}

/**
 * Needs `action` of the action table at `scope`: the effective role the action
 * needs there, or a production approver. Every rule that depends on roles
 * decides through this function, and so does the site's permission matrix.
 */
export function requireAction<A extends ActionId>(
  ctx: DecideContext,
  req: Doing<A> & { action: A; scope: Scope },
): Decision {
  const row = ACTIONS[req.action];
  // The row's holders say which action this is: its rules are the ones the row lists.
  if (row.holders === "production-approvers")
    return requireProductionApprover(ctx, {
      rule: req.rule as RuleFor<"production-approve">,
      org: req.scope.org,
      doing: req.doing,
    });
  return requireRole(ctx, { rule: req.rule, scope: req.scope, role: row.lowest, doing: req.doing });
}

/** Needs `role` or higher at `scope` (effective role: org role, overrides, ownership, teams). */
function requireRole(ctx: DecideContext, req: { rule: RuleId; scope: Scope; role: Role; doing: string }): Decision {
  const res = resolveRole(ctx.authority, ctx.actor.user, req.scope);
  const where = describeScope(req.scope);
  const allowed = atLeast(res.role, req.role);
  const needs = `${req.doing} needs ${req.role} or higher on ${where}`;
  const chain = [...ctx.actor.chain, ...res.chain, `rule ${req.rule}: ${needs}`];
  if (allowed)
    return decision(true, req.rule, `${needs}, and ${actorName(ctx.actor)} ${holdsRole(res.role)} there`, chain);
  const approvers = candidatesAt(ctx.authority, req.scope).filter((u) =>
    atLeast(resolveRole(ctx.authority, u, req.scope).role, req.role),
  );
  return decision(false, req.rule, `${needs}; ${actorName(ctx.actor)} ${holdsRole(res.role)} there`, chain, approvers);
}

/** Needs a catalog admin (catalog.yaml `admins`). */
export function requireCatalogAdmin(ctx: DecideContext, req: Doing<"catalog-admin">): Decision {
  const admins = ctx.authority.catalogAdmins();
  const user = ctx.actor.user;
  const allowed = user !== undefined && admins.includes(user);
  const needs = `${req.doing} needs a catalog admin (catalog.yaml admins: ${admins.join(", ") || "none"})`;
  const chain = [...ctx.actor.chain, `rule ${req.rule}: ${needs}`];
  return decision(
    allowed,
    req.rule,
    allowed ? `${needs}, and ${user} is one` : `${needs}; ${actorName(ctx.actor)} is not one`,
    chain,
    admins,
  );
}

/** Only the user `user` themselves. */
export function requireSelf(ctx: DecideContext, req: Doing<"self"> & { user: string }): Decision {
  const allowed = ctx.actor.user === req.user;
  const needs = `${req.doing} is for ${req.user} themselves`;
  const chain = [...ctx.actor.chain, `rule ${req.rule}: ${needs}`];
  return decision(allowed, req.rule, allowed ? needs : `${needs}; the author is ${actorName(ctx.actor)}`, chain, [
    req.user,
  ]);
}

/** Needs rights on a team: an organization manager or owner, or an admin (or higher) of the team itself. */
export function requireTeamRights(
  ctx: DecideContext,
  req: Doing<"team-rights"> & { org: string; team: string },
): Decision {
  const user = ctx.actor.user;
  const team = ctx.authority.teams(req.org).find((t) => t.name === req.team);
  const teamAdmins = (team?.members ?? []).filter((m) => atLeast(m.role, "admin")).map((m) => m.name);
  const managers = ctx.authority
    .orgMembers(req.org)
    .filter((m) => atLeast(m.role, "manager"))
    .map((m) => m.name);
  const allowed = user !== undefined && (managers.includes(user) || teamAdmins.includes(user));
  const needs = `${req.doing} needs rights on team ${req.org}/${req.team}: a manager of ${req.org} or an admin of the team${team ? "" : " (the team does not exist yet)"}`;
  const chain = [...ctx.actor.chain, `rule ${req.rule}: ${needs}`];
  return decision(
    allowed,
    req.rule,
    allowed ? `${needs}, and ${user} is one` : `${needs}; ${actorName(ctx.actor)} is neither`,
    chain,
    [...managers, ...teamAdmins],
  );
}

/**
 * Needs a production approver of `org`'s registry. With the default policy
 * (`registry-admins`) these are the organization's owners and managers, and its
 * admins (only the named ones when registry management is delegated); with
 * `owners`, only owners. Roles on the model itself do not count.
 */
export function requireProductionApprover(
  ctx: DecideContext,
  req: Doing<"production-approve"> & { org: string },
): Decision {
  const policy = ctx.authority.policy().productionApprovers;
  const delegates = ctx.authority.delegates(req.org, "registry");
  const approvers = productionApprovers(ctx.authority, req.org);
  const who =
    policy === "owners"
      ? `an owner of ${req.org} (policy productionApprovers: owners)`
      : `a registry admin of ${req.org}: its owners, managers${delegates ? ` and the admins the registry is delegated to (${delegates.join(", ")})` : " and admins"}`;
  const user = ctx.actor.user;
  const allowed = user !== undefined && approvers.includes(user);
  const role = user ? ctx.authority.orgRole(user, req.org) : undefined;
  const needs = `${req.doing} needs ${who}`;
  const chain = [
    ...ctx.actor.chain,
    user ? `${user} ${holdsRole(role)} in organization ${req.org}` : "",
    `rule ${req.rule}: ${needs}`,
  ].filter(Boolean);
  return decision(
    allowed,
    req.rule,
    allowed ? `${needs}, and ${user} is one` : `${needs}; ${actorName(ctx.actor)} is not`,
    chain,
    approvers,
  );
}

/** The production approvers of `org`'s registry, by the policy and the registry's delegation (see requireProductionApprover). */
export function productionApprovers(authority: Authority, org: string): string[] {
  const policy = authority.policy().productionApprovers;
  const delegates = authority.delegates(org, "registry");
  return authority
    .orgMembers(org)
    .filter((m) =>
      policy === "owners"
        ? m.role === "owner"
        : atLeast(m.role, "manager") || (m.role === DELEGATED_ROLE && (!delegates || delegates.includes(m.name))),
    )
    .map((m) => m.name);
}

/**
 * Whether `user` may take `action` at `scope`: requireAction's verdict without
 * its reasons and approvers, for asking it of every member (the site's matrix).
 */
export function mayTake(authority: Authority, user: string, action: ActionId, scope: Scope): boolean {
  const row = ACTIONS[action];
  if (row.holders === "production-approvers") return productionApprovers(authority, scope.org).includes(user);
  return atLeast(resolveRole(authority, user, scope).role, row.lowest);
}

/** Nobody may: e.g. changing a published version. `reason` says why and what to do instead. */
export function denyEveryone(ctx: DecideContext, req: Doing<"nobody"> & { reason: string }): Decision {
  return decision(false, req.rule, `${req.doing}: ${req.reason}`, [
    ...ctx.actor.chain,
    `rule ${req.rule}: ${req.reason}`,
  ]);
}
