/** Check `component-specs` (provisional: not implemented yet). */
import type { Check } from "./context.js";

export const componentSpecsCheck: Check = {
  name: "component-specs",
  codes: [],
  run() {},
};
