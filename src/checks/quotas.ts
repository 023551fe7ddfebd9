/** Check `quotas` (provisional: not implemented yet). */
import type { Check } from "./context.js";

export const quotasCheck: Check = {
  name: "quotas",
  codes: [],
  run() {},
};
