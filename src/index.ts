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
export * from "./load/raw-file.js";
export * from "./load/read-dir.js";
export * from "./load/load-catalog.js";
export * from "./checks/context.js";
export * from "./checks/index.js";
export * from "./validate.js";
export * from "./diagnostics/codes-doc.js";
