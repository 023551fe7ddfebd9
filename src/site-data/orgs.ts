/** Organizations, teams and connections as the site shows them. */
import type { Entity } from "../model/entity.js";
import type { Quotas } from "../model/types.js";
import { byRoleDescending } from "../permissions/roles.js";
import type { SiteContext } from "./context.js";
import { isHttpUrl } from "./markdown.js";
import { permissionMatrix } from "./matrix.js";
import { formatValue } from "./spec-view.js";
import type {
  ComponentSummary,
  ConnectionPage,
  ModelSummary,
  OrgPage,
  ProjectSummary,
  QuotaRow,
  TeamPage,
  TeamSummary,
} from "./types.js";
import type { UsageIndex } from "./usage.js";

/** Quota rows: count limits with what is used, then resource limits. */
export function quotaRows(
  quotas: Quotas | undefined,
  used: { projects: number; models: number; components: number },
): QuotaRow[] {
  if (!quotas) return [];
  const rows: QuotaRow[] = [];
  for (const what of ["projects", "models", "components"] as const) {
    const limit = quotas[what];
    if (limit !== undefined) rows.push({ what, limit: String(limit), used: used[what] });
  }
  for (const [what, limit] of Object.entries(quotas.resources ?? {})) rows.push({ what, limit: String(limit) });
  return rows;
}

/** A team's page (and summary). */
export function teamPage(ctx: SiteContext, team: Entity<"Team">): TeamPage {
  const org = team.org!;
  const named = (kind: "Project" | "Model" | "Component") =>
    ctx.catalog
      .inOrg(kind, org)
      .filter((e) => (e.data as { team?: string }).team === team.name)
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const links = (kind: "Project" | "Model" | "Component") =>
    named(kind).flatMap((e) => ctx.link(kind, e.key, e.key) ?? []);
  const namedBy = { projects: links("Project"), components: links("Component"), models: links("Model") };
  return {
    key: team.key,
    name: team.name,
    url: ctx.urls.page("Team", team.key),
    ...(team.data.description !== undefined && { description: team.data.description }),
    memberCount: team.data.members?.length ?? 0,
    org,
    apiUrl: ctx.urls.api(team),
    ...ctx.sourceOf(team),
    organization: ctx.link("Organization", org)!,
    members: (team.data.members ?? []).map((m) => ({ user: ctx.user(m.user), role: m.role })),
    projects: (team.data.projects ?? []).flatMap((p) => {
      const link = ctx.link("Project", `${org}/${p.project}`);
      return link ? [{ project: link, role: p.role }] : [];
    }),
    namedBy,
    quotas: quotaRows(team.data.quotas, {
      projects: namedBy.projects.length,
      models: namedBy.models.length,
      components: namedBy.components.length,
    }),
    history: ctx.historyOf(team),
  };
}

/** The summary of a team, for lists. */
export function teamSummary(page: TeamPage): TeamSummary {
  const { key, name, url, description, memberCount } = page;
  return { key, name, url, ...(description !== undefined && { description }), memberCount };
}

/** A connection's page. The secret is shown by name only (the catalog never holds its value). */
export function connectionPage(ctx: SiteContext, conn: Entity<"Connection">, usage: UsageIndex): ConnectionPage {
  const d = conn.data;
  return {
    key: conn.key,
    org: conn.org!,
    name: conn.name,
    url: ctx.urls.page("Connection", conn.key),
    apiUrl: ctx.urls.api(conn),
    ...ctx.sourceOf(conn),
    organization: ctx.link("Organization", conn.org!)!,
    kind: d.kind,
    ...(d.description !== undefined && { description: d.description }),
    tags: d.tags ?? [],
    schema: Object.entries(d.schema ?? {}).map(([name, value]) => ({ name, value: formatValue(value) })),
    ...(d.secret?.name !== undefined && { secretName: d.secret.name }),
    ...(d.secret?.mountPath !== undefined && { mountPath: d.secret.mountPath }),
    usedBy: usage.projectsOfConnection(conn.key),
    history: ctx.historyOf(conn),
  };
}

/** What an organization page lists, computed by the other derivers. */
export interface OrgParts {
  teams: TeamSummary[];
  projects: ProjectSummary[];
  components: ComponentSummary[];
  models: ModelSummary[];
}

/** An organization's page. */
export function orgPage(ctx: SiteContext, org: Entity<"Organization">, parts: OrgParts): OrgPage {
  const d = org.data;
  const members = [...(d.members ?? [])]
    .sort((a, b) => byRoleDescending(a.role, b.role) || (a.user < b.user ? -1 : 1))
    .map((m) => ({ user: ctx.user(m.user), role: m.role }));
  return {
    key: org.key,
    name: org.name,
    displayName: d.displayName ?? org.name,
    url: ctx.urls.page("Organization", org.key),
    ...(d.description !== undefined && { description: d.description }),
    visibility: d.visibility,
    counts: {
      members: members.length,
      teams: parts.teams.length,
      projects: parts.projects.length,
      components: parts.components.length,
      models: parts.models.length,
    },
    apiUrl: ctx.urls.api(org),
    ...ctx.sourceOf(org),
    ...(isHttpUrl(d.website) && { website: d.website }),
    members,
    ...parts,
    connections: ctx.catalog.inOrg("Connection", org.key).map((c) => ({
      name: c.name,
      url: ctx.urls.page("Connection", c.key),
      kind: c.data.kind,
      ...(c.data.description !== undefined && { description: c.data.description }),
    })),
    delegations: (d.delegations ?? []).map((x) => ({ area: x.area, to: x.to.map((u) => ctx.user(u)) })),
    quotas: quotaRows(d.quotas, {
      projects: parts.projects.length,
      models: parts.models.length,
      components: parts.components.length,
    }),
    matrix: permissionMatrix(ctx, org),
    history: ctx.historyOf(org),
  };
}
