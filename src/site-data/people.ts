/** Users' pages and the catalog's recent changes. */
import type { Entity } from "../model/entity.js";
import type { Kind } from "../model/kinds.js";
import type { SiteContext } from "./context.js";
import { labelOf } from "./context.js";
import type { RecentChange, UserPage } from "./types.js";

/** Every change of every entity on the site, newest first (one entry per commit and entity). */
export function recentChanges(ctx: SiteContext): RecentChange[] {
  const out: RecentChange[] = [];
  for (const e of ctx.catalog.entities()) {
    if (e.kind === "Catalog") continue;
    const link = ctx.link(e.kind, e.key, linkLabel(e));
    if (!link) continue;
    for (const h of ctx.historyOf(e)) out.push({ ...h, kind: e.kind, entity: link });
  }
  return out.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.entity.label < b.entity.label ? -1 : 1));
}

function linkLabel(e: Entity): string {
  return e.kind === "ComponentVersion" || e.kind === "ModelVersion" ? e.key : labelOf(e.kind as Kind, e.key);
}

/** Whether a commit author (name as git records it) is this user. */
function isAuthor(user: Entity<"User">, author: string): boolean {
  const a = author.trim().toLowerCase();
  return [user.name, user.data.displayName, user.data.github?.login].some((n) => n !== undefined && n.toLowerCase() === a);
}

/** A user's page: roles, teams, what they own, what they changed. */
export function userPage(ctx: SiteContext, user: Entity<"User">, recent: readonly RecentChange[]): UserPage {
  const d = user.data;
  const name = user.name;
  const orgs = ctx.catalog.all("Organization").flatMap((o) => {
    const m = (o.data.members ?? []).find((x) => x.user === name);
    return m ? [{ org: ctx.link("Organization", o.key, o.data.displayName ?? o.name)!, role: m.role }] : [];
  });
  const teams = ctx.catalog.all("Team").flatMap((t) => {
    const m = (t.data.members ?? []).find((x) => x.user === name);
    return m ? [{ team: ctx.link("Team", t.key, t.key)!, role: m.role }] : [];
  });
  const owned = (kind: "Project" | "Component" | "Model") =>
    ctx.catalog
      .all(kind)
      .filter((e) => (e.data as { owner?: string }).owner === name)
      .map((e) => ctx.link(kind, e.key, e.key)!);
  const github = d.github?.login;
  return {
    name,
    label: d.displayName ?? name,
    url: ctx.urls.page("User", name),
    apiUrl: ctx.urls.api(user),
    ...(github !== undefined && /^[A-Za-z0-9-]+$/.test(github) && { github: { login: github, url: `https://github.com/${github}` } }),
    ...(d.email !== undefined && ctx.audience === "internal" && { email: d.email }),
    ...(d.bio !== undefined && { bio: d.bio }),
    catalogAdmin: (ctx.catalog.settings()?.admins ?? []).includes(name),
    orgs,
    teams,
    owns: { projects: owned("Project"), components: owned("Component"), models: owned("Model") },
    changes: recent.filter((c) => isAuthor(user, c.author)).slice(0, 50),
  };
}
