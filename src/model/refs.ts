/**
 * References between entities, written `org/name` or `org/name:tag`
 * (Polyaxon's `owner/name:tag`). Parse, stringify to one canonical form, compare.
 */
import { isDnsLabel, isVersionTag } from "./names.js";

/** A parsed reference. */
export interface Ref {
  org: string;
  name: string;
  tag?: string;
}

/** Parse `org/name` or `org/name:tag`; `undefined` when the text is not a valid reference. */
export function parseRef(text: string): Ref | undefined {
  const m = /^([^/:]+)\/([^/:]+)(?::([^/:]+))?$/.exec(text);
  if (!m) return undefined;
  const [, org, name, tag] = m;
  if (!isDnsLabel(org!) || !isDnsLabel(name!)) return undefined;
  if (tag !== undefined && !isVersionTag(tag)) return undefined;
  return tag === undefined ? { org: org!, name: name! } : { org: org!, name: name!, tag };
}

/** The canonical text of a reference. */
export function stringifyRef(ref: Ref): string {
  return ref.tag === undefined ? `${ref.org}/${ref.name}` : `${ref.org}/${ref.name}:${ref.tag}`;
}

/** Whether two references name the same thing (same org, name and tag). */
export function sameRef(a: Ref, b: Ref): boolean {
  return a.org === b.org && a.name === b.name && a.tag === b.tag;
}
