/**
 * Collapse Ajv's noise before errors become diagnostics: `if` wrappers go,
 * each failed `anyOf`/`oneOf` becomes either the errors of the branch that
 * matched the value's shape or one combined "must be A or B" finding, and a
 * value that breaks several keywords keeps only the most useful one.
 */
import type { ErrorObject } from "ajv/dist/2020.js";

/** One error to report; `alternatives` holds the failed branches of a combined `anyOf`/`oneOf`. */
export interface Finding {
  error: ErrorObject;
  alternatives?: ErrorObject[];
}

/** Keywords that judge a value itself (not its properties or items). */
const VALUE_KEYWORDS = new Set(["type", "const", "enum", "pattern", "format"]);

function within(path: string, parent: string): boolean {
  return path === parent || path.startsWith(`${parent}/`);
}

function isShallow(finding: Finding, path: string): boolean {
  return (
    finding.error.instancePath === path &&
    (finding.alternatives !== undefined || VALUE_KEYWORDS.has(finding.error.keyword))
  );
}

/**
 * Ajv (with `allErrors`) reports a branch's errors right before the failed
 * `anyOf`/`oneOf` error itself, all at or below its instance path: pop them,
 * then keep the deep ones (the branch whose shape matched) or combine the shallow ones.
 */
function collapseCompositions(errors: readonly ErrorObject[]): Finding[] {
  const out: Finding[] = [];
  for (const error of errors) {
    if (error.keyword === "if") continue;
    if (error.keyword !== "anyOf" && error.keyword !== "oneOf") {
      out.push({ error });
      continue;
    }
    const branches: Finding[] = [];
    while (out.length > 0 && within(out[out.length - 1]!.error.instancePath, error.instancePath))
      branches.unshift(out.pop()!);
    if (branches.length === 0) {
      out.push({ error });
      continue;
    }
    const deep = branches.filter((b) => !isShallow(b, error.instancePath));
    if (deep.length > 0) out.push(...deep);
    else out.push({ error, alternatives: branches.flatMap((b) => b.alternatives ?? [b.error]) });
  }
  return out;
}

function priority(finding: Finding): number {
  if (finding.alternatives) return 1;
  switch (finding.error.keyword) {
    case "const":
    case "enum":
      return 0;
    case "type":
      return 1;
    case "format":
      return 2;
    case "pattern":
      return 3;
    default:
      return 4;
  }
}

/** The findings worth reporting, in Ajv's order: one per value, one per missing or unknown property. */
export function collapseErrors(errors: readonly ErrorObject[]): Finding[] {
  const findings = collapseCompositions(errors);
  const bestPerValue = new Map<string, Finding>();
  for (const f of findings) {
    if (f.error.keyword === "required" || f.error.keyword === "additionalProperties") continue;
    const best = bestPerValue.get(f.error.instancePath);
    if (!best || priority(f) < priority(best)) bestPerValue.set(f.error.instancePath, f);
  }
  return findings.filter(
    (f) =>
      f.error.keyword === "required" ||
      f.error.keyword === "additionalProperties" ||
      bestPerValue.get(f.error.instancePath) === f,
  );
}
