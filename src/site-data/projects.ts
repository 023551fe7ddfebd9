/** Projects, their experiments and their own components as the site shows them (operations: operations.ts). */
import type { Entity } from "../model/entity.js";
import { experimentComponent } from "../relations/lineage.js";
import { effectiveVisibility } from "./audience.js";
import type { SiteContext } from "./context.js";
import { isHttpUrl, renderMarkdown } from "./markdown.js";
import { codeCommitLink } from "./source-links.js";
import { artifactRows } from "./rows.js";
import { nameValues, specView } from "./spec-view.js";
import type {
  ExperimentPage,
  ExperimentRow,
  Link,
  ProjectComponentPage,
  ProjectPage,
  ProjectSummary,
} from "./types.js";
import type { UsageIndex } from "./usage.js";

/** An experiment's row in tables. */
export function experimentRow(ctx: SiteContext, e: Entity<"Experiment">): ExperimentRow {
  const projectKey = `${e.org}/${e.project}`;
  const component = ctx.componentLink(e.data.component, experimentComponent(ctx.catalog, e));
  return {
    key: e.key,
    name: e.name,
    url: ctx.urls.page("Experiment", e.key),
    project: { label: projectKey, url: ctx.urls.page("Project", projectKey) },
    status: e.data.status,
    ...(component.link && { component: component.link }),
    ...(component.text !== undefined && { componentText: component.text }),
    metrics: e.data.metrics ?? {},
    ...(e.data.startedAt !== undefined && { startedAt: e.data.startedAt }),
    ...(e.data.createdBy !== undefined && { createdBy: ctx.user(e.data.createdBy) }),
  };
}

/** An experiment's page. */
export function experimentPage(ctx: SiteContext, e: Entity<"Experiment">, usage: UsageIndex): ExperimentPage {
  const d = e.data;
  const repoHref = isHttpUrl(d.code?.repo) ? d.code!.repo : undefined;
  const commitHref = codeCommitLink(d.code?.repo, d.code?.commit, ctx.sourceLinks);
  return {
    ...experimentRow(ctx, e),
    org: e.org!,
    apiUrl: ctx.urls.api(e),
    ...ctx.sourceOf(e),
    ...(d.description !== undefined && { description: d.description }),
    params: nameValues(d.params),
    artifacts: artifactRows(ctx, e.org!, d.artifacts),
    ...(d.code && { code: { ...d.code, ...(repoHref && { repoHref }), ...(commitHref && { commitHref }) } }),
    ...(d.finishedAt !== undefined && { finishedAt: d.finishedAt }),
    tags: d.tags ?? [],
    models: usage.modelsOfExperiment(e.key),
    sourceFile: e.source.relPath,
    sourceYaml: e.source.text,
    history: ctx.historyOf(e),
  };
}

/** A project component's page. */
export function projectComponentPage(
  ctx: SiteContext,
  c: Entity<"ProjectComponent">,
  usage: UsageIndex,
): ProjectComponentPage {
  const projectKey = `${c.org}/${c.project}`;
  return {
    key: c.key,
    org: c.org!,
    name: c.name,
    url: ctx.urls.page("ProjectComponent", c.key),
    apiUrl: ctx.urls.api(c),
    ...ctx.sourceOf(c),
    project: { label: projectKey, url: ctx.urls.page("Project", projectKey) },
    ...specView(c),
    usedBy: usage.experimentsOf(c.key),
    history: ctx.historyOf(c),
  };
}

/** A project's page (its summary is the first part of it). */
export function projectPage(ctx: SiteContext, p: Entity<"Project">, usage: UsageIndex): ProjectPage {
  const d = p.data;
  const org = p.org!;
  const experiments = ctx.catalog
    .all("Experiment")
    .filter((e) => e.org === org && e.project === p.name)
    .map((e) => experimentRow(ctx, e))
    .sort((a, b) =>
      (a.startedAt ?? "") < (b.startedAt ?? "") ? 1 : (a.startedAt ?? "") > (b.startedAt ?? "") ? -1 : 0,
    );
  const components = ctx.catalog
    .all("ProjectComponent")
    .filter((c) => c.org === org && c.project === p.name)
    .map((c) => ({ label: c.name, url: ctx.urls.page("ProjectComponent", c.key) }));
  const operations = ctx.catalog
    .all("Operation")
    .filter((o) => o.org === org && o.project === p.name)
    .map((o) => ({ label: o.name, url: ctx.urls.page("Operation", o.key) }));
  const hub = new Map<string, Link>();
  for (const e of experiments) if (e.component?.label.includes("/")) hub.set(e.component.label, e.component);
  const history = ctx.historyOf(p);
  const team = d.team === undefined ? undefined : ctx.link("Team", `${org}/${d.team}`);
  return {
    key: p.key,
    org,
    name: p.name,
    url: ctx.urls.page("Project", p.key),
    ...(d.description !== undefined && { description: d.description }),
    tags: d.tags ?? [],
    visibility: effectiveVisibility(ctx.catalog, p),
    owner: ctx.user(d.owner),
    experimentCount: experiments.length,
    ...(history[0] && { updatedAt: history[0].date }),
    apiUrl: ctx.urls.api(p),
    ...ctx.sourceOf(p),
    organization: ctx.link("Organization", org)!,
    ...(p.readme && { readmeHtml: renderMarkdown(p.readme.text, { title: [p.key, p.name] }) }),
    ...(team && { team }),
    members: (d.members ?? []).map((m) => ({ user: ctx.user(m.user), role: m.role })),
    teams: (d.teams ?? []).flatMap((t) => {
      const link = ctx.link("Team", `${org}/${t.team}`);
      return link ? [{ team: link, role: t.role }] : [];
    }),
    connections: (d.connections ?? []).flatMap((c) => ctx.link("Connection", `${org}/${c}`) ?? []),
    components,
    operations,
    hubComponents: [...hub.values()].sort((a, b) => (a.label < b.label ? -1 : 1)),
    experiments,
    models: usage.modelsOfProject(p.key),
    history,
  };
}

/** The summary part of a project page, for lists. */
export function projectSummary(page: ProjectPage): ProjectSummary {
  const { key, org, name, url, description, tags, visibility, owner, experimentCount, updatedAt } = page;
  return {
    key,
    org,
    name,
    url,
    ...(description !== undefined && { description }),
    tags,
    visibility,
    owner,
    experimentCount,
    ...(updatedAt !== undefined && { updatedAt }),
  };
}
