/** Check `schema` (provisional: not implemented yet). */
import type { Check } from "./context.js";

export const schemaCheck: Check = {
  name: "schema",
  codes: [],
  run() {},
};
