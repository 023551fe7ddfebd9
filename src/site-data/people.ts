/** Users' pages and the catalog's recent changes. */
import type { Entity } from "../model/entity.js";
import { authorKey, authorNames } from "./authors.js";
import type { SiteContext } from "./context.js";
import type { CommitChanges, RecentChange, UserPage } from "./types.js";

/** Every change of every entity on the site, newest first (one entry per commit and entity). */
export function recentChanges(ctx: SiteContext): RecentChange[] {
  const out: RecentChange[] = [];
  for (const e of ctx.catalog.entities()) {
    if (e.kind === "Catalog") continue;
    const link = ctx.link(e.kind, e.key);
    if (!link) continue;
    for (const h of ctx.historyOf(e)) out.push({ ...h, kind: e.kind, entity: link });
  }
  return out.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.entity.label < b.entity.label ? -1 : 1));
}

/**
 * Changes (newest first) one entry per commit, at most `commits` of them,
 * each listing at most `entities` of what it changed and how many more: an
 * import of 4,000 files is one entry, not 4,000. The home page's feed and a
 * user's page list changes this way.
 */
export function byCommit(changes: Iterable<RecentChange>, commits: number, entities: number): CommitChanges[] {
  const out: CommitChanges[] = [];
  const groups = new Map<string, CommitChanges>();
  for (const c of changes) {
    let group = groups.get(c.commit);
    if (!group) {
      if (out.length === commits) break;
      const { commit, short, date, author, authorUser, message, commitUrl } = c;
      group = {
        commit,
        short,
        date,
        author,
        ...(authorUser !== undefined && { authorUser }),
        ...(message !== undefined && { message }),
        ...(commitUrl !== undefined && { commitUrl }),
        changes: [],
        more: 0,
      };
      groups.set(c.commit, group);
      out.push(group);
    }
    if (group.changes.length < entities) group.changes.push({ kind: c.kind, entity: c.entity, change: c.change });
    else group.more++;
  }
  return out;
}

/**
 * The recent changes by commit author (as git records it, trimmed and
 * lower-cased), indexed once: each user's page looks up its names instead of
 * every user testing every change (quadratic: most of the site data's time
 * on a large catalog).
 */
export class ChangesByAuthor {
  readonly #recent: readonly RecentChange[];
  readonly #byAuthor = new Map<string, number[]>();

  constructor(recent: readonly RecentChange[]) {
    this.#recent = recent;
    recent.forEach((change, i) => {
      const author = authorKey(change.author);
      const list = this.#byAuthor.get(author);
      if (list) list.push(i);
      else this.#byAuthor.set(author, [i]);
    });
  }

  /** The first `limit` changes (in the order of `recent`) whose author is one of `names`, compared case-insensitively. */
  of(names: ReadonlyArray<string | undefined>, limit: number): RecentChange[] {
    return this.#positions(names)
      .slice(0, limit)
      .map((i) => this.#recent[i]!);
  }

  /** The changes of `names`, one entry per commit (see byCommit). */
  commitsOf(names: ReadonlyArray<string | undefined>, commits: number, entities: number): CommitChanges[] {
    return byCommit(
      this.#positions(names).map((i) => this.#recent[i]!),
      commits,
      entities,
    );
  }

  /** Positions in `recent` of the changes whose author is one of `names`, in order. */
  #positions(names: ReadonlyArray<string | undefined>): number[] {
    const keys = new Set(names.filter((n) => n !== undefined).map(authorKey));
    return [...keys].flatMap((k) => this.#byAuthor.get(k) ?? []).sort((a, b) => a - b);
  }
}

/** A user's page: roles, teams, what they own, what they changed. */
export function userPage(ctx: SiteContext, user: Entity<"User">, changes: ChangesByAuthor): UserPage {
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
    ...ctx.sourceOf(user),
    ...(github !== undefined &&
      /^[A-Za-z0-9-]+$/.test(github) && { github: { login: github, url: `https://github.com/${github}` } }),
    ...(d.email !== undefined && ctx.audience === "internal" && { email: d.email }),
    ...(d.bio !== undefined && { bio: d.bio }),
    catalogAdmin: (ctx.catalog.settings()?.admins ?? []).includes(name),
    orgs,
    teams,
    owns: { projects: owned("Project"), components: owned("Component"), models: owned("Model") },
    commits: changes.commitsOf(authorNames(user), 20, 8),
  };
}
