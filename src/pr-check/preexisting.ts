/**
 * Feedback about the pull request: which of the head's validation problems
 * the pull request brought, and which were already there where its branch
 * started (the merge-base). A problem is the pull request's when it is in a
 * file the pull request changed (or a README and the file it belongs to,
 * either of which changed), or when the checks do not report it on the
 * merge-base's catalog: a change that breaks an untouched file (deleting a
 * user that a team lists) is the pull request's too.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { Catalog } from "../model/catalog.js";
import { classifyPath, classifyReadme, readmeOwnerPath } from "../model/kinds.js";
import type { PrChange } from "./classify-change.js";

/** The head's problems, split. */
export interface SplitDiagnostics {
  /** In files the pull request touched, or brought by it. */
  own: Diagnostic[];
  /** Already there where the branch started, in files it did not touch. */
  preexisting: Diagnostic[];
}

/**
 * The catalog-relative paths a set of changes touches: each changed path,
 * and for a README its owner's file, for an owner's file its README (a
 * README's problems can be reported at either).
 */
export function touchedPaths(changes: readonly PrChange[]): Set<string> {
  const out = new Set<string>();
  for (const c of changes) {
    if (c.relPath === undefined) continue;
    out.add(c.relPath);
    if (c.readme) out.add(readmeOwnerPath(c.readme));
    const info = c.info;
    if (info && (info.kind === "Project" || info.kind === "Component" || info.kind === "Model"))
      out.add(c.relPath.replace(/[^/]+$/, "README.md"));
  }
  return out;
}

/** Whether `relPath` is one of the catalog-relative paths in `paths`, or a README whose owner file is. */
export function isTouched(relPath: string, paths: ReadonlySet<string>): boolean {
  if (paths.has(relPath)) return true;
  const readme = classifyReadme(relPath);
  return readme !== undefined && paths.has(readmeOwnerPath(readme));
}

/**
 * The catalog as it was where the branch started, built from the head's
 * catalog with the touched paths taken from `forkPart` (a load of the
 * merge-base holding just those paths): every other entity is the head's
 * own object, since its bytes are the same on both sides.
 */
export function catalogBefore(head: Catalog, forkPart: Catalog, touched: ReadonlySet<string>): Catalog {
  const out = new Catalog(head.root);
  for (const e of head.entities()) if (!isTouched(e.source.relPath, touched)) out.add(e);
  for (const e of forkPart.entities()) if (isTouched(e.source.relPath, touched)) out.add(e);
  for (const f of head.files()) if (!isTouched(f.relPath, touched)) out.addFile(f);
  for (const f of forkPart.files()) if (isTouched(f.relPath, touched)) out.addFile(f);
  // Files the loader rejected: the head's that are not touched, and every one of the fork part (which read only touched paths).
  const rejected = new Set(head.rejectedEntities().map((r) => `${r.kind}:${r.key}`));
  for (const f of head.files()) {
    const info = isTouched(f.relPath, touched) ? undefined : classifyPath(f.relPath);
    if (info && rejected.has(`${info.kind}:${info.key}`)) out.addRejected(info.kind, info.key);
  }
  for (const { kind, key } of forkPart.rejectedEntities()) out.addRejected(kind, key);
  return out;
}

/**
 * Split the head's problems. `dir` is the catalog folder diagnostics' paths
 * start with; `touched` the catalog-relative paths the pull request touched
 * (`touchedPaths`); `loaderProblems` are the loader's
 * (a file's own bytes decide them, so in an untouched file they were there
 * before); `checkProblems` are the checks'; `before` are the checks' problems
 * on the catalog where the branch started (undefined: not needed, because no
 * check problem is in an untouched file).
 */
export function splitDiagnostics(input: {
  dir: string;
  touched: ReadonlySet<string>;
  loaderProblems: readonly Diagnostic[];
  checkProblems: readonly Diagnostic[];
  before?: readonly Diagnostic[];
}): SplitDiagnostics {
  const prefix = `${input.dir}/`;
  const touched = (d: Diagnostic) =>
    !d.file.startsWith(prefix) || isTouched(d.file.slice(prefix.length), input.touched);
  const earlier = new Set((input.before ?? []).map(identity));
  const own: Diagnostic[] = [];
  const preexisting: Diagnostic[] = [];
  for (const d of input.loaderProblems) (touched(d) || d.code === "file/missing-catalog" ? own : preexisting).push(d);
  for (const d of input.checkProblems) (touched(d) || !earlier.has(identity(d)) ? own : preexisting).push(d);
  return { own, preexisting };
}

/** Whether some check problem lies in a file the pull request did not touch (then the catalog before is needed). */
export function needsCatalogBefore(
  dir: string,
  touched: ReadonlySet<string>,
  checkProblems: readonly Diagnostic[],
): boolean {
  const prefix = `${dir}/`;
  return checkProblems.some((d) => d.file.startsWith(prefix) && !isTouched(d.file.slice(prefix.length), touched));
}

/** A problem as it reads: the same code, place and words on both sides is the same problem. */
function identity(d: Diagnostic): string {
  return `${d.code}\0${d.file}\0${d.line}\0${d.column}\0${d.message}`;
}
