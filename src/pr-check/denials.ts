/**
 * Which diagnostics a check reports: each problem once per place, and each
 * principal's denials beside the others' (two principals denied at the same
 * line are two annotations, each naming whom it denies).
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Decision } from "../permissions/decision.js";

/** Where a diagnostic is, with its code: two diagnostics at one place say the same thing. */
const placeOf = (d: Diagnostic) => `${d.code}\0${d.file}\0${d.line}\0${d.column}`;

/** The same problem reported twice (by the loader and by a check) is shown once: the first one. */
export function dedupeByPlace(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = placeOf(d);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The denials to report, principal by principal: for each principal one per
 * place, none where the check's other diagnostics already report a problem,
 * and a denial another principal got already with the same rule and reason
 * (one nobody could avoid, e.g. a rewritten stage history) once.
 */
export class Denials {
  private readonly taken: Set<string>;
  private readonly byPrincipal = new Map<unknown, { places: Set<string>; kept: Diagnostic[] }>();
  private readonly reasons = new Set<string>();

  /** `others`: the check's other diagnostics (validation, secrets), already one per place. */
  constructor(private readonly others: readonly Diagnostic[]) {
    this.taken = new Set(others.map(placeOf));
  }

  /** Add the denial `d` of `principal` (any key naming them), reported for `decision`. */
  add(principal: unknown, d: Diagnostic, decision: Decision): void {
    let own = this.byPrincipal.get(principal);
    if (!own) this.byPrincipal.set(principal, (own = { places: new Set(), kept: [] }));
    const place = placeOf(d);
    const reason = `${place}\0${decision.rule}\0${decision.reason}`;
    if (this.taken.has(place) || own.places.has(place) || this.reasons.has(reason)) return;
    own.places.add(place);
    this.reasons.add(reason);
    own.kept.push(d);
  }

  /** The other diagnostics, then the denials kept, principal by principal. */
  all(): Diagnostic[] {
    return [...this.others, ...[...this.byPrincipal.values()].flatMap((p) => p.kept)];
  }
}
