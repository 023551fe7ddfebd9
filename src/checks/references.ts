/** Check `references` (provisional: not implemented yet). */
import type { Check } from "./context.js";

export const referencesCheck: Check = {
  name: "references",
  codes: [],
  run() {},
};
