/**
 * The git module: every git process mlcat starts is started here, with the
 * trusted-objects configuration (run-git.ts). This file only re-exports.
 */
export * from "./git-error.js";
export * from "./run-git.js";
export * from "./stream-git.js";
export * from "./revisions.js";
export * from "./tree.js";
export * from "./blob-reader.js";
export * from "./read-catalog.js";
export * from "./changed-files.js";
export * from "./added-lines.js";
export * from "./merge-tree.js";
