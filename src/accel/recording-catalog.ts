/**
 * A catalog that notes what is read of it, so an incremental run knows which
 * results a change can affect: a view over a loaded catalog (the catalog
 * itself records nothing). Tokens: `Kind|key` (one entity's data), `?Kind|key`
 * (whether its file exists), `Kind|*` (every entity of a kind), `?Kind|*` (the
 * keys of a kind), `Kind|@org` (a kind in one organization), `Kind|^org/name`
 * (the versions of one component or model), `*` (everything).
 */
import { Catalog } from "../model/catalog.js";
import type { Kind } from "../model/kinds.js";

/** The reads a view notes, and the token of each. */
const TOKENS = {
  get: (kind: Kind, key: string) => `${kind}|${key}`,
  has: (kind: Kind, key: string) => `?${kind}|${key}`,
  keys: (kind: Kind) => `?${kind}|*`,
  all: (kind: Kind) => `${kind}|*`,
  inOrg: (kind: Kind, org: string) => `${kind}|@${org}`,
  versionsOf: (kind: Kind, parentKey: string) => `${kind}|^${parentKey}`,
  entities: () => "*",
} satisfies { [M in keyof Catalog]?: (...args: never[]) => string };

/**
 * `catalog` as a view whose reads are given to `note` as tokens. The view's
 * methods are the catalog's own, run on the view: a read made of other reads
 * (`valid`, `settings`, `entities`) notes those too. Reads not listed in
 * `TOKENS` (paths: `subjects`, `files`, `counts`) are not noted.
 */
export function recordingCatalog(catalog: Catalog, note: (token: string) => void): Catalog {
  const view = Object.create(catalog) as Catalog;
  for (const [name, token] of Object.entries(TOKENS) as Array<[keyof typeof TOKENS, (...a: never[]) => string]>) {
    const read = Catalog.prototype[name] as (this: Catalog, ...args: never[]) => unknown;
    Object.defineProperty(view, name, {
      value: (...args: never[]) => {
        note(token(...args));
        return read.apply(view, args);
      },
    });
  }
  return view;
}
