/** Permissions: roles, the action table, effective roles and decisions, read from one catalog. This file only re-exports. */
export * from "./roles.js";
export * from "./actions.js";
export * from "./rules.js";
export * from "./read-data.js";
export * from "./authority.js";
export * from "./actor.js";
export * from "./effective-role.js";
export * from "./decision.js";
export * from "./requirements.js";
