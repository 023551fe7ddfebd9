/**
 * What a changed file can alter, as the read tokens of a recording catalog
 * (see recording-catalog.ts): a check result that read any of them must be
 * computed again. `=Kind|key` stands for the subject's own file (and its README).
 */
import { classifyPath, classifyReadme } from "../model/kinds.js";

/** The token of a subject's own files. */
export function selfToken(kind: string, key: string): string {
  return `=${kind}|${key}`;
}

/** How a file changed. */
export type ChangeHow = "added" | "edited" | "deleted";

/**
 * The tokens a change to the file at `relPath` invalidates: an edit alters its
 * data, an addition or deletion also whether it exists. An edit may also
 * turn a file the loader accepted into one it rejects (or back): it exists
 * either way, but only accepted files are among the keys of their kind.
 */
export function changeTokens(relPath: string, how: ChangeHow): string[] {
  const info = classifyPath(relPath);
  if (info) {
    const { kind, key } = info;
    const out = [selfToken(kind, key), `${kind}|${key}`, `${kind}|*`, `?${kind}|*`, "*"];
    if (how !== "edited") out.push(`?${kind}|${key}`);
    if (info.org !== undefined) out.push(`${kind}|@${info.org}`);
    const colon = key.indexOf(":");
    if (colon >= 0) out.push(`${kind}|^${key.slice(0, colon)}`);
    return out;
  }
  const readme = classifyReadme(relPath);
  // A README belongs to its owner: only the owner's own results read it.
  if (readme) return [selfToken(readme.ownerKind, readme.ownerKey)];
  // A file at no kind's path is reported by the loader on every run; no check reads it.
  return [];
}

/**
 * Whether a path with identity `id` holds a file the loader parses: a blob id,
 * or a file over the size cap (rejected, which still exists for the checks).
 * A symlink, a submodule, another non-regular entry or an unreadable file
 * (`(symlink)`, `(unreadable)`...) is refused before parsing: no entity.
 */
function holdsFile(id: string | undefined): boolean {
  return id !== undefined && (!id.startsWith("(") || id.startsWith("(over the cap"));
}

/** The paths whose identity differs between two file maps, and how: a file turning into a symlink (or back) is deleted (or added). */
export function changedPaths(
  before: ReadonlyMap<string, string>,
  after: ReadonlyMap<string, string>,
): Array<[string, ChangeHow]> {
  const out: Array<[string, ChangeHow]> = [];
  const how = (was: string | undefined, now: string | undefined): ChangeHow =>
    holdsFile(was) === holdsFile(now)
      ? was === undefined
        ? "added"
        : now === undefined
          ? "deleted"
          : "edited"
      : holdsFile(now)
        ? "added"
        : "deleted";
  for (const [path, id] of after) {
    const was = before.get(path);
    if (was !== id) out.push([path, how(was, id)]);
  }
  for (const [path, was] of before) if (!after.has(path)) out.push([path, how(was, undefined)]);
  return out;
}

/** The tokens every change between two file maps invalidates. */
export function invalidatedBy(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): Set<string> {
  const out = new Set<string>();
  for (const [path, how] of changedPaths(before, after)) for (const t of changeTokens(path, how)) out.add(t);
  return out;
}
