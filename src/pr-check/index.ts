/** The pull-request check: classify changes, decide each with the base's roles, report denials. This file only re-exports. */
export * from "./classify-change.js";
export * from "./field-diff.js";
export * from "./rule-kit.js";
export * from "./decide-change.js";
export * from "./verdict-report.js";
export * from "./read-sides.js";
export * from "./fail-closed.js";
export * from "./principals.js";
export * from "./denials.js";
export * from "./pr-diffs.js";
export * from "./merged-files.js";
export * from "./run-check.js";
export * from "./explain.js";
