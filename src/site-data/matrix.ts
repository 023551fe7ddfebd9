/**
 * An organization's permission matrix: for each member, which organization-level
 * actions `mlcat check` allows them. Each column names actions of the action
 * table (in the organization or one of its areas) and the rules of the check
 * that cite them; each cell is decided by the same requirement the check runs
 * (permissions/requirements.ts) on the same roles, delegations and policy. A
 * cell speaks for a project, hub component or model that sets no roles of its
 * own: its members, owner and teams can raise or lower a role there.
 */
import type { Entity } from "../model/entity.js";
import type { OrganizationData } from "../model/types.js";
import { ACTIONS, AREAS, DELEGATED_ROLE, type ActionId, type Area } from "../permissions/actions.js";
import { Authority } from "../permissions/authority.js";
import type { Scope } from "../permissions/effective-role.js";
import { mayTake } from "../permissions/requirements.js";
import { atLeast, byRoleDescending } from "../permissions/roles.js";
import type { RuleFor, RuleId } from "../permissions/rules.js";
import type { SiteContext } from "./context.js";
import type { PermissionMatrix } from "./types.js";

/** One thing a column stands for: an action at the organization (or in one of its areas), as one rule of the check cites it. */
export interface MatrixCheck {
  action: ActionId;
  /** The rule of `mlcat check` (and `mlcat explain`) that decides this action here. */
  rule: RuleId;
  /** The area, for actions on projects, hub components or models. */
  area?: Area;
}

/** One column of the matrix: a cell is allowed when every check is. */
export interface MatrixColumn {
  id: string;
  label: string;
  checks: readonly MatrixCheck[];
}

/** A check whose rule the rule table lists for its action (checked by the compiler). */
function check<A extends ActionId>(action: A, rule: RuleFor<A>, area?: Area): MatrixCheck {
  return { action, rule, ...(area && { area }) };
}

/** The columns: the action table, grouped as a reader asks (what can this member do here?). */
export const MATRIX_COLUMNS: readonly MatrixColumn[] = [
  {
    id: "org-owners",
    label: "Delete the organization, change its visibility, manage owners",
    checks: [check("org-owners", "org-delete")],
  },
  {
    id: "org-settings",
    label: "Settings, teams, members, delegations, connections",
    checks: [
      check("org-settings", "org-settings"),
      check("org-settings", "org-teams"),
      check("org-settings", "org-connections"),
    ],
  },
  {
    id: "manage-projects",
    label: "Manage projects and their access; delete experiments",
    checks: [
      check("entity-manage", "project-create", "projects"),
      check("child-delete", "experiment-delete", "projects"),
    ],
  },
  {
    id: "manage-hub",
    label: "Manage the hub and its access; delete mutable tags",
    checks: [check("entity-manage", "component-create", "hub"), check("child-delete", "version-delete", "hub")],
  },
  {
    id: "manage-registry",
    label: "Manage the registry and its access; change stages, delete versions",
    checks: [
      check("entity-manage", "model-create", "registry"),
      check("entity-manage", "stage-change", "registry"),
      check("child-delete", "version-delete", "registry"),
    ],
  },
  {
    id: "promote",
    label: "Move model versions to production",
    checks: [check("production-approve", "stage-production", "registry")],
  },
  {
    id: "publish",
    label: "Publish versions, record experiments",
    checks: [
      check("child-write", "experiment-write", "projects"),
      check("child-write", "version-write", "hub"),
      check("child-write", "version-write", "registry"),
    ],
  },
];

/** The scope of a check in `org`: the organization, or an area of it (no entity: only organization roles count). */
export function checkScope(org: string, c: MatrixCheck): Scope {
  return c.area ? { org, area: c.area } : { org };
}

/** The lowest role a column's checks need, for its title (production: by the policy). */
function lowestOf(column: MatrixColumn, ownersOnly: boolean): string {
  const ranks = column.checks.map((c) => {
    const row = ACTIONS[c.action];
    return row.holders === "role" ? row.lowest : ownersOnly ? "owner" : DELEGATED_ROLE;
  });
  return ranks.sort(byRoleDescending)[0]!;
}

/** The permission matrix of one organization. */
export function permissionMatrix(ctx: SiteContext, org: Entity<"Organization">): PermissionMatrix {
  const data: OrganizationData = org.data;
  const authority = new Authority(ctx.catalog);
  const ownersOnly = authority.policy().productionApprovers === "owners";
  const columns = MATRIX_COLUMNS.map((c) =>
    c.id === "promote" && ownersOnly ? { ...c, label: "Move model versions to production (policy: owners only)" } : c,
  );
  const rows = [...(data.members ?? [])]
    .sort((a, b) => byRoleDescending(a.role, b.role) || (a.user < b.user ? -1 : 1))
    .map((m) => {
      const allowed = columns.map((col) =>
        col.checks.every((c) => mayTake(authority, m.user, c.action, checkScope(org.key, c))),
      );
      const areas = AREAS.filter((area) => authority.delegates(org.key, area)?.includes(m.user));
      const via =
        areas.length > 0 && atLeast(m.role, DELEGATED_ROLE) ? `delegated: ${[...areas].sort().join(", ")}` : undefined;
      return { user: ctx.user(m.user), role: m.role, ...(via && { via }), allowed };
    });
  return {
    actions: columns.map((c) => ({ id: c.id, label: c.label, lowest: lowestOf(c, ownersOnly) })),
    rows,
  };
}
