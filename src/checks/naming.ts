/** Check `naming` (provisional: not implemented yet). */
import type { Check } from "./context.js";

export const namingCheck: Check = {
  name: "naming",
  codes: [],
  run() {},
};
