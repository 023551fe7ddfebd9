/** The git module: the only code in mlcat that talks to git. This file only re-exports. */
export * from "./git-error.js";
export * from "./run-git.js";
export * from "./revisions.js";
export * from "./tree.js";
export * from "./blob-reader.js";
export * from "./read-catalog.js";
export * from "./changed-files.js";
export * from "./added-lines.js";
export * from "./merge-tree.js";
