/** mlcat's library API. This file only re-exports. */
export * from "./diagnostics/diagnostic.js";
export * from "./diagnostics/codes.js";
export * from "./model/types.js";
export * from "./model/kinds.js";
export * from "./model/names.js";
export * from "./model/refs.js";
export * from "./model/entity.js";
export * from "./model/catalog.js";
export * from "./yaml/positions.js";
export * from "./yaml/parse.js";
export * from "./model/raw-file.js";
export * from "./load/read-dir.js";
export * from "./load/load-catalog.js";
export * from "./checks/context.js";
export * from "./report/collector.js";
export * from "./checks/index.js";
export * from "./validate.js";
export { Accelerator, type AccelOptions } from "./accel/load-fast.js";
export * from "./diagnostics/codes-doc.js";
export * from "./schemas/index.js";
export { schemaCheck } from "./checks/schema.js";
export { sortVersionTags, currentTag, compareVersionTags, newestInStage, nextTag } from "./relations/version-order.js";
export {
  resolveComponentRef,
  type ComponentResolution,
  type ComponentTarget,
  type ComponentRefOptions,
} from "./relations/component-refs.js";
export { parseProjectRef, type ProjectRef } from "./relations/project-refs.js";
export { lineageOf, lineageComponent, originOf, type LineageChain } from "./relations/lineage.js";
export * from "./import/polyaxon-hub.js";
export * from "./authoring/index.js";
export {
  checkPullRequest,
  type CheckOptions,
  type CheckResult,
  type ChangeDecision,
  type PrincipalDecision,
} from "./pr-check/run-check.js";
export type { Principal, PrincipalInput, PrincipalRole } from "./pr-check/principals.js";
export { explainAction, type ExplainInput, type Explanation } from "./pr-check/explain.js";
export type { Decision } from "./permissions/decision.js";
export { readCatalogAt, type ReadCatalogOptions } from "./git/read-catalog.js";
export { buildSiteData, loadSiteData } from "./site-data/build-site-data.js";
export type { SiteData } from "./site-data/types.js";
export { renderMarkdown } from "./site-data/markdown.js";
export { buildSite, type BuildSiteOptions, type BuildSiteResult } from "./site-build/build-site.js";
