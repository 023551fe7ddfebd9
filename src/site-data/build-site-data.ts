/**
 * From a validated catalog to everything the site shows: one call, one pass
 * over the catalog and its history. Pages receive this data and nothing else.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Catalog } from "../model/catalog.js";
import { validate, type ValidationSummary } from "../validate.js";
import { apiFiles } from "./api.js";
import { hiddenNames, selectAudience } from "./audience.js";
import type { Shard } from "./shard.js";
import { SiteContext } from "./context.js";
import { hubFacets, registryFacets } from "./facets.js";
import { NO_HISTORY, pathInRepository, readCatalogHistory, type CatalogHistory } from "./history.js";
import { repositoryUrl, SourceLinks, type NoLinksReason } from "./source-links.js";
import { componentPages } from "./hub.js";
import { orgPage, connectionPage, teamPage, teamSummary } from "./orgs.js";
import { byCommit, ChangesByAuthor, recentChanges, userPage } from "./people.js";
import { experimentPage, projectComponentPage, projectPage, projectSummary } from "./projects.js";
import { operationPage } from "./operations.js";
import { modelPages } from "./registry.js";
import { readSchemaFiles, schemaDocs } from "./schema-reference.js";
import { sitemapFile } from "./sitemap.js";
import type { Audience, ComponentSummary, Counts, ModelSummary, SiteData } from "./types.js";
import { normalizeBasePath, normalizeSiteUrl, Urls } from "./urls.js";
import { UsageIndex } from "./usage.js";

/** Options of `buildSiteData`. */
export interface SiteDataOptions {
  audience?: Audience;
  /** Site URL (default: catalog.yaml's `siteUrl`, else `http://localhost:4321`). */
  siteUrl?: string;
  /** Base path the site is served under (default: the site URL's path, usually `/`). */
  basePath?: string;
  history?: CatalogHistory;
  /** The JSON Schema files (name and text); default none. */
  schemaFiles?: ReadonlyArray<{ name: string; text: string }>;
  /** The build's time (default now; for a part of a sharded build, the catalog's last commit, so that all parts agree). */
  now?: Date;
  /** Render only this part of the site (`mlcat build --shard`). */
  shard?: Shard;
  /**
   * Where the catalog folder is in its git repository (found by `validateSite`), for source links:
   * `""` or left out at the root; `null` when git could not tell (then no page links to its file).
   */
  repositoryPath?: string | null;
}

/** What the build says once when pages link to no source files. */
export function sourceLinksNote(reason: NoLinksReason): string {
  if (reason === "no-repository")
    return "pages do not link to their source files or commits: catalog.yaml names no repository (set repository.url, e.g. https://github.com/acme/ml-catalog)";
  if (reason === "unknown-host")
    return "pages do not link to their source files or commits: mlcat does not know the URLs of repository.url's host (set repository.host, or repository.links)";
  return "pages do not link to their source files or commits: git could not tell where the catalog folder is in its repository (run mlcat inside the repository's work tree, or set repository.path in catalog.yaml, e.g. catalog)";
}

/** The date of the catalog's newest commit, when history is known. */
function lastChange(history: CatalogHistory | undefined): Date | undefined {
  let last = "";
  for (const entries of Object.values(history?.byFile ?? {})) for (const e of entries) if (e.date > last) last = e.date;
  return last === "" ? undefined : new Date(last);
}

const byUpdatedDesc = <T extends { updatedAt?: string; key: string }>(a: T, b: T) =>
  (b.updatedAt ?? "").localeCompare(a.updatedAt ?? "") || a.key.localeCompare(b.key);

/** Where a site is served: its absolute URL and its base path. */
export interface SiteLocation {
  siteUrl: string;
  basePath: string;
}

/** The site URL (the option, else catalog.yaml's `siteUrl`) and base path (the option, else the site URL's path). */
export function siteLocation(
  catalog: Catalog,
  options: Pick<SiteDataOptions, "siteUrl" | "basePath"> = {},
): SiteLocation {
  const siteUrl = normalizeSiteUrl(options.siteUrl ?? catalog.settings()?.siteUrl);
  // Without a base path, the site URL's path is the base (`https://acme.github.io/catalog` serves under `/catalog/`).
  return { siteUrl, basePath: normalizeBasePath(options.basePath ?? new URL(siteUrl).pathname) };
}

/** Compute the site's data from a catalog that validated without errors. */
export function buildSiteData(fullCatalog: Catalog, options: SiteDataOptions = {}): SiteData {
  const audience = options.audience ?? "internal";
  const catalog = selectAudience(fullCatalog, audience);
  const settings = catalog.settings();
  const { siteUrl, basePath } = siteLocation(fullCatalog, options);
  const urls = new Urls(basePath);
  const hidden = audience === "public" ? hiddenNames(fullCatalog) : undefined;
  const links = SourceLinks.from(settings?.repository, options.repositoryPath);
  const sourceLinks = links instanceof SourceLinks ? links : undefined;
  const ctx = new SiteContext(catalog, urls, options.history ?? NO_HISTORY, audience, hidden, sourceLinks);
  const usage = new UsageIndex(ctx);

  const hub = catalog.all("Component").map((c) => componentPages(ctx, c, usage));
  const registry = catalog.all("Model").map((m) => modelPages(ctx, m));
  const teams = catalog.all("Team").map((t) => teamPage(ctx, t));
  const projects = catalog.all("Project").map((p) => projectPage(ctx, p, usage));
  const components: ComponentSummary[] = hub.map((h) => h.summary);
  const models: ModelSummary[] = registry.map((r) => r.summary);
  const orgs = catalog.all("Organization").map((o) =>
    orgPage(ctx, o, {
      teams: teams.filter((t) => t.org === o.key).map(teamSummary),
      projects: projects.filter((p) => p.org === o.key).map(projectSummary),
      components: components.filter((c) => c.org === o.key),
      models: models.filter((m) => m.org === o.key),
    }),
  );
  const recent = recentChanges(ctx);
  const changesByAuthor = new ChangesByAuthor(recent);
  const counts: Counts = {
    users: catalog.all("User").length,
    organizations: orgs.length,
    teams: teams.length,
    projects: projects.length,
    experiments: catalog.all("Experiment").length,
    components: components.length,
    componentVersions: catalog.all("ComponentVersion").length,
    models: models.length,
    modelVersions: catalog.all("ModelVersion").length,
    connections: catalog.all("Connection").length,
  };
  const modelVersions = registry.flatMap((r) => r.versions);
  const generatedAt = (
    options.now ??
    (options.shard ? lastChange(options.history) : undefined) ??
    new Date()
  ).toISOString();
  const title = settings?.title ?? "Catalog";
  const schemas = schemaDocs(options.schemaFiles ?? [], urls);
  const data: Omit<SiteData, "files"> = {
    meta: {
      title,
      ...(settings?.description !== undefined && { description: settings.description }),
      siteUrl,
      basePath: urls.basePath,
      audience,
      generatedAt,
      history: ctx.history.available,
      ...(options.shard && { shard: options.shard }),
      ...(sourceLinks && { repository: repositoryUrl(settings?.repository?.url)! }),
    },
    counts,
    recent: byCommit(recent, 8, 4),
    home: {
      production: modelVersions
        .filter((v) => v.stage === "production")
        .sort((a, b) => (b.date ?? "").localeCompare(a.date ?? ""))
        .slice(0, 6)
        .map(({ key, tag, url, model, stage, aliases, metrics, date, createdBy }) => ({
          key,
          tag,
          url,
          model,
          stage,
          aliases,
          metrics,
          ...(date !== undefined && { date }),
          ...(createdBy !== undefined && { createdBy }),
        })),
      components: [...components].sort(byUpdatedDesc).slice(0, 6),
    },
    hub: { components, facets: hubFacets(components) },
    registry: { models, facets: registryFacets(models) },
    orgs,
    teams,
    connections: catalog.all("Connection").map((c) => connectionPage(ctx, c, usage)),
    projects,
    experiments: catalog.all("Experiment").map((e) => experimentPage(ctx, e, usage)),
    projectComponents: catalog.all("ProjectComponent").map((c) => projectComponentPage(ctx, c, usage)),
    operations: catalog.all("Operation").map((o) => operationPage(ctx, o)),
    components: hub.map((h) => h.page),
    componentVersions: hub.flatMap((h) => h.versions),
    models: registry.map((r) => r.page),
    modelVersions,
    users: catalog.all("User").map((u) => userPage(ctx, u, changesByAuthor)),
    schemas: schemas.docs,
  };
  return { ...data, files: [...apiFiles(ctx, { title, generatedAt }, counts), ...schemas.files, sitemapFile(data)] };
}

/** Options of `loadSiteData`. */
export interface LoadSiteDataOptions extends Omit<SiteDataOptions, "history" | "schemaFiles"> {
  /** The catalog folder (default `catalog`). */
  dir?: string;
  /** Read git history (default true). */
  history?: boolean;
  /** Where the JSON Schemas are (default: the ones mlcat ships). */
  schemasDir?: string;
  /** A content cache folder for the validation (the CLI passes MLCAT_CACHE_DIR); none by default. */
  cache?: string;
}

/** What `loadSiteData` returns: the data when the catalog has no errors, and every diagnostic either way. */
export interface LoadSiteDataResult {
  data?: SiteData;
  catalog: Catalog;
  diagnostics: Diagnostic[];
  summary: ValidationSummary;
  historyNote?: string;
}

/** A validated catalog, ready for its site data to be computed (`compute`) when it has no errors. */
export interface ValidatedSite {
  catalog: Catalog;
  diagnostics: Diagnostic[];
  summary: ValidationSummary;
  historyNote?: string;
  /** Why pages link to no source files, when they do not (said once by the build). */
  sourceNote?: string;
  /** Where the site will be served: known before the data is computed (Astro needs it to start). */
  location: SiteLocation;
  /** Compute the site's data; undefined when the catalog has errors. */
  compute?: () => SiteData;
}

/** Validate the catalog folder and, when it has no errors, read its history and the schemas the data is computed from. */
export async function validateSite(options: LoadSiteDataOptions = {}): Promise<ValidatedSite> {
  const dir = options.dir ?? "catalog";
  const result = await validate({ dir, ...(options.cache !== undefined && { cache: options.cache }) });
  const base = {
    catalog: result.catalog,
    diagnostics: result.diagnostics,
    summary: result.summary,
    location: siteLocation(result.catalog, options),
  };
  if (result.summary.errors > 0) return base;
  const repository = result.catalog.settings()?.repository;
  const [history, schemaFiles, repositoryPath] = await Promise.all([
    options.history === false ? Promise.resolve(NO_HISTORY) : readCatalogHistory(dir),
    readSchemaFiles(options.schemasDir),
    repository && repository.path === undefined
      ? pathInRepository(dir).then((found) => found ?? null)
      : Promise.resolve(undefined),
  ]);
  const links = SourceLinks.from(repository, repositoryPath);
  const { dir: _dir, history: _h, schemasDir: _s, ...rest } = options;
  return {
    ...base,
    ...(history.reason !== undefined && { historyNote: history.reason }),
    ...(!(links instanceof SourceLinks) && { sourceNote: sourceLinksNote(links.reason) }),
    compute: () =>
      buildSiteData(result.catalog, {
        ...rest,
        history,
        schemaFiles,
        ...(repositoryPath !== undefined && { repositoryPath }),
      }),
  };
}

/** Validate the catalog folder, then (only if it has no errors) read its history and compute the site's data. */
export async function loadSiteData(options: LoadSiteDataOptions = {}): Promise<LoadSiteDataResult> {
  const { compute, location: _l, sourceNote: _n, ...validated } = await validateSite(options);
  return compute ? { ...validated, data: compute() } : validated;
}
