/**
 * YAML highlighting for the pages' code blocks: the block as `mlcat build`'s
 * worker thread highlighted it ahead of the page (src/site-build/highlight-ahead.ts),
 * or highlighted here, with the same highlighter and the same HTML.
 */
import { aheadRegistry, highlightYaml as highlightHere, type Highlighted } from "../../src/site-build/highlight.ts";
import { data } from "./data";

export type { Highlighted };

/** `code` highlighted (see src/site-build/highlight.ts). */
export function highlightYaml(code: string): Highlighted {
  return aheadRegistry().get(data)?.take(code) ?? highlightHere(code);
}
