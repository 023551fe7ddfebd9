/** Check `versions` (provisional: not implemented yet). */
import type { Check } from "./context.js";

export const versionsCheck: Check = {
  name: "versions",
  codes: [],
  run() {},
};
