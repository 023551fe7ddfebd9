/** The site's data: computed once from a validated catalog. This file only re-exports. */
export * from "./types.js";
export * from "./build-site-data.js";
export * from "./markdown.js";
export * from "./history.js";
export * from "./audience.js";
export * from "./urls.js";
export * from "./lineage-svg.js";
export * from "./spec-view.js";
export * from "./matrix.js";
export * from "./facets.js";
export * from "./sitemap.js";
