/** What every page deriver shares: the audience's catalog, URLs, history, and link helpers. */
import type { Catalog } from "../model/catalog.js";
import type { Entity } from "../model/entity.js";
import { KIND_DESCRIPTORS } from "../model/kind-descriptors.js";
import type { Kind } from "../model/kinds.js";
import type { ComponentResolution } from "../relations/component-refs.js";
import { authorKey, authorNames } from "./authors.js";
import { historyOf, type CatalogHistory } from "./history.js";
import { REDACTED, type HiddenNames } from "./hidden-names.js";
import type { Urls } from "./urls.js";
import type { SourceLinks } from "./source-links.js";
import type { Audience, EntitySource, HistoryEntry, Link, UserRef } from "./types.js";

/** The label of an entity in links: its key (a version's `org/name:tag`), or its key less the organization. */
export function labelOf(kind: Kind, key: string): string {
  if (KIND_DESCRIPTORS[kind].linkLabel === "key") return key;
  const slash = key.indexOf("/");
  return slash < 0 ? key : key.slice(slash + 1);
}

/** Shared state of one site-data build. */
export class SiteContext {
  constructor(
    /** The catalog as this audience sees it. */
    readonly catalog: Catalog,
    readonly urls: Urls,
    readonly history: CatalogHistory,
    readonly audience: Audience,
    /** The public audience: names of what was left out, redacted from commit authors too. */
    private readonly hidden?: HiddenNames,
    /** The catalog's repository, when catalog.yaml names it: pages link to their files and commits. */
    readonly sourceLinks?: SourceLinks,
  ) {}

  /** Commit links, made once per commit. */
  private readonly commitUrls = new Map<string, string | undefined>();

  /** The commit's page on the repository's host. */
  commitUrl(commit: string): string | undefined {
    if (!this.sourceLinks) return undefined;
    if (!this.commitUrls.has(commit)) this.commitUrls.set(commit, this.sourceLinks.commit(commit));
    return this.commitUrls.get(commit);
  }

  /** An entity page's links to its file and README on the repository's host (`{}` without a repository). */
  sourceOf(entity: Entity): { source?: EntitySource } {
    const links = this.sourceLinks;
    if (!links) return {};
    return {
      source: {
        file: links.file(entity.source.relPath),
        ...(entity.readme && { readme: links.file(entity.readme.relPath) }),
      },
    };
  }

  /** A link to an entity's page, or undefined when it is not on the site. */
  link(kind: Kind, key: string, label = labelOf(kind, key)): Link | undefined {
    return this.catalog.has(kind, key) ? { label, url: this.urls.page(kind, key) } : undefined;
  }

  /** A user as shown next to something; the link is there only when the user has a page. */
  user(name: string | undefined): UserRef {
    // The public audience leaves out who did something when that person has no public presence.
    if (name === undefined) return { name: "", label: REDACTED };
    const u = this.catalog.get("User", name);
    const label = u?.data.displayName ?? name;
    const login = u?.data.github?.login;
    const shown = login !== undefined && /^[A-Za-z0-9-]+$/.test(login) ? { login } : {};
    return u ? { name, label, url: this.urls.page("User", name), ...shown } : { name, label };
  }

  /** Catalog users by the names a git author may go by (lower case), made once. */
  private authors: Map<string, string> | undefined;

  /** The catalog user a commit's author name is, when it names one (username, display name or GitHub login). */
  authorUser(author: string): UserRef | undefined {
    if (!this.authors) {
      this.authors = new Map();
      for (const u of this.catalog.all("User"))
        for (const key of authorNames(u).map(authorKey)) if (!this.authors.has(key)) this.authors.set(key, u.name);
    }
    const name = this.authors.get(authorKey(author));
    return name === undefined ? undefined : this.user(name);
  }

  /** An entity's history (its file and README), messages left out for the public audience. */
  historyOf(entity: Entity, extraFiles: readonly string[] = []): HistoryEntry[] {
    const files = [entity.source.relPath, ...(entity.readme ? [entity.readme.relPath] : []), ...extraFiles];
    const linked = historyOf(this.history, files).map((e) => {
      const commitUrl = this.commitUrl(e.commit);
      const authorUser = this.authorUser(e.author);
      return { ...e, ...(commitUrl !== undefined && { commitUrl }), ...(authorUser !== undefined && { authorUser }) };
    });
    if (this.audience === "internal") return linked;
    const hidden = this.hidden;
    return linked.map(({ message: _message, ...rest }) =>
      hidden ? { ...rest, author: hidden.redact(rest.author) } : rest,
    );
  }

  /** When an entity last changed, from history. */
  updatedAt(entity: Entity, extraFiles: readonly string[] = []): string | undefined {
    return this.historyOf(entity, extraFiles)[0]?.date;
  }

  /**
   * A link to what a component reference resolved to (relations/component-refs.ts),
   * or just the reference's text when it has no page (never for a hidden one: the
   * public catalog's data has those removed).
   */
  componentLink(ref: string | undefined, resolution: ComponentResolution | undefined): { link?: Link; text?: string } {
    if (ref === undefined) return {};
    const link =
      resolution?.status === "found" ? this.link(resolution.target.kind, resolution.target.key, ref) : undefined;
    return link ? { link } : { text: ref };
  }
}
