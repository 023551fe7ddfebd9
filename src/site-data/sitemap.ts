/** The site's page list and its `sitemap.xml`: only pages that exist for the audience. */
import { escapeHtml } from "./markdown.js";
import type { SiteData, StaticFile } from "./types.js";

/** Every page URL of the site (base path included), home first. */
export function pageUrls(data: Omit<SiteData, "files">): string[] {
  const base = data.meta.basePath;
  const fixed = ["", "hub/", "registry/", "orgs/", "users/", "schema/", "search/"].map((p) => `${base}${p}`);
  const entities = [
    ...data.orgs,
    ...data.teams,
    ...data.connections,
    ...data.projects,
    ...data.experiments,
    ...data.projectComponents,
    ...data.operations,
    ...data.components,
    ...data.componentVersions,
    ...data.models,
    ...data.modelVersions,
    ...data.users,
  ].map((e) => e.url);
  return [...fixed, ...entities];
}

/** `sitemap.xml` with absolute URLs on the site URL. */
export function sitemapFile(data: Omit<SiteData, "files">): StaticFile {
  const origin = new URL(data.meta.siteUrl).origin;
  const urls = pageUrls(data)
    .filter((u) => !u.endsWith("/search/"))
    .map((u) => `  <url><loc>${escapeHtml(new URL(u, origin).href)}</loc></url>`);
  return {
    path: "sitemap.xml",
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("\n")}\n</urlset>\n`,
  };
}
