/**
 * An organization's permission matrix: for each member, which of the
 * organization-level actions their role allows (owner > manager > admin >
 * member > viewer), with management delegated to named admins.
 */
import type { Entity } from "../model/entity.js";
import type { CatalogData, OrganizationData, Role } from "../model/types.js";
import { ROLES } from "../model/types.js";
import type { SiteContext } from "./context.js";
import type { PermissionMatrix } from "./types.js";

/** One column of the matrix. */
interface Action {
  id: string;
  label: string;
  lowest: Role;
  /** A delegation area whose admins may do this too. */
  delegated?: "projects" | "hub" | "registry";
}

/** The organization-level actions, after DESIGN.md's roles table. */
export const ACTIONS: readonly Action[] = [
  { id: "org-owner", label: "Delete the organization, change its visibility, manage owners", lowest: "owner" },
  { id: "org-manage", label: "Settings, teams, members, connections", lowest: "manager" },
  { id: "manage-projects", label: "Manage projects and their access", lowest: "manager", delegated: "projects" },
  { id: "manage-hub", label: "Manage the hub and its access", lowest: "manager", delegated: "hub" },
  {
    id: "manage-registry",
    label: "Manage the registry; promote to production",
    lowest: "manager",
    delegated: "registry",
  },
  { id: "add-remove", label: "Add or remove projects, components, models", lowest: "admin" },
  { id: "delete-versions", label: "Delete versions and experiments", lowest: "admin" },
  { id: "publish", label: "Publish versions, record experiments", lowest: "member" },
  { id: "read", label: "Read private entities", lowest: "viewer" },
];

/** Whether `role` is at least `lowest`. */
export function roleAtLeast(role: Role, lowest: Role): boolean {
  return ROLES.indexOf(role) <= ROLES.indexOf(lowest);
}

/** The permission matrix of one organization. */
export function permissionMatrix(ctx: SiteContext, org: Entity<"Organization">): PermissionMatrix {
  const data: OrganizationData = org.data;
  const settings: CatalogData | undefined = ctx.catalog.settings();
  const ownersOnlyPromote = settings?.policy?.productionApprovers === "owners";
  const delegatedTo = new Map<string, Set<string>>();
  for (const d of data.delegations ?? [])
    for (const user of d.to) delegatedTo.set(user, (delegatedTo.get(user) ?? new Set()).add(d.area));
  const actions = ACTIONS.map((a) =>
    a.id === "manage-registry" && ownersOnlyPromote
      ? { ...a, label: "Manage the registry (promotion: owners only)" }
      : a,
  );
  const rows = [...(data.members ?? [])]
    .sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role) || (a.user < b.user ? -1 : 1))
    .map((m) => {
      const areas = delegatedTo.get(m.user);
      const allowed = actions.map(
        (a) =>
          roleAtLeast(m.role, a.lowest) ||
          (a.delegated !== undefined && roleAtLeast(m.role, "admin") && Boolean(areas?.has(a.delegated))),
      );
      const via = areas && roleAtLeast(m.role, "admin") ? `delegated: ${[...areas].sort().join(", ")}` : undefined;
      return { user: ctx.user(m.user), role: m.role, ...(via && { via }), allowed };
    });
  return { actions: actions.map(({ id, label, lowest }) => ({ id, label, lowest })), rows };
}
