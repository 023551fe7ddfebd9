/** Check `vocabularies` (provisional: not implemented yet). */
import type { Check } from "./context.js";

export const vocabulariesCheck: Check = {
  name: "vocabularies",
  codes: [],
  run() {},
};
