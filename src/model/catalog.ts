/** The typed, indexed in-memory catalog. */
import type { Entity } from "./entity.js";
import type { Kind } from "./kinds.js";
import { KINDS } from "./kinds.js";
import type { CatalogData } from "./types.js";

/** A file the loader saw under the catalog folder (any file: entity, README, rejected, at a path of no kind, not regular). */
export interface CatalogFile {
  /** Path as shown to the user, e.g. `catalog/orgs/acme/notes.txt`. */
  file: string;
  /** Path relative to the catalog folder. */
  relPath: string;
  /**
   * Set for a regular file that became no entity and no README (the loader
   * rejected it, or its path maps to no kind): its text as the secret scan
   * reads it (UTF-16 by its byte-order mark, else lenient UTF-8).
   */
  unloadedText?: () => string;
}

/** Entities of every kind, indexed by kind and key. Built once by `loadCatalog`. */
export class Catalog {
  /** Display path of the catalog folder, e.g. `catalog`. */
  readonly root: string;
  private readonly byKind = new Map<Kind, Map<string, Entity>>();
  /** Files that exist but were rejected by the loader (`kind:key`). */
  private readonly rejected = new Set<string>();
  /** Every file the loader saw, in the order it saw them. */
  private readonly fileList: CatalogFile[] = [];
  /** Per kind, its entities in key order, and grouped by organization and by parent (`org/name` of versions); rebuilt after `add`. */
  private readonly sorted = new Map<
    Kind,
    { all: Entity[]; byOrg: Map<string, Entity[]>; byParent: Map<string, Entity[]> }
  >();

  constructor(root: string, entities: Iterable<Entity> = []) {
    this.root = root;
    for (const kind of KINDS) this.byKind.set(kind, new Map());
    for (const e of entities) this.add(e);
  }

  /** Add an entity; returns false (and adds nothing) when one with the same kind and key exists. */
  add(entity: Entity): boolean {
    const index = this.byKind.get(entity.kind)!;
    if (index.has(entity.key)) return false;
    index.set(entity.key, entity);
    this.sorted.delete(entity.kind);
    return true;
  }

  /** The entity of `kind` with `key`, if any. */
  get<K extends Kind>(kind: K, key: string): Entity<K> | undefined {
    return this.byKind.get(kind)!.get(key) as Entity<K> | undefined;
  }

  /**
   * Whether a file for the entity of `kind` with `key` exists, even one the
   * loader rejected: a reference to it is then not reported a second time.
   */
  has(kind: Kind, key: string): boolean {
    return this.byKind.get(kind)!.has(key) || this.rejected.has(`${kind}:${key}`);
  }

  /** Record that the file of `kind`/`key` exists but could not be loaded (its problems are already reported). */
  addRejected(kind: Kind, key: string): void {
    this.rejected.add(`${kind}:${key}`);
  }

  /** The entities whose files exist but could not be loaded, as `{kind, key}`. */
  rejectedEntities(): Array<{ kind: Kind; key: string }> {
    return [...this.rejected].map((k) => {
      const colon = k.indexOf(":");
      return { kind: k.slice(0, colon) as Kind, key: k.slice(colon + 1) };
    });
  }

  /** Record a file the loader saw (the loader does, once per file). */
  addFile(file: CatalogFile): void {
    this.fileList.push(file);
  }

  /**
   * Every file the loader saw: their paths, and the text of those that became
   * no entity and no README. A check that reads them runs that part every
   * time (like the loader, which reports them every time).
   */
  files(): readonly CatalogFile[] {
    return this.fileList;
  }

  /** The keys of the entities of `kind`, in key order (for suggestions: reads no entity's data). */
  keys(kind: Kind): string[] {
    return this.indexOf(kind).all.map((e) => e.key);
  }

  /** All entities of `kind`, in key order (a new array each call). */
  all<K extends Kind>(kind: K): Entity<K>[] {
    return this.indexOf(kind).all.slice() as Entity<K>[];
  }

  /** The entities of `kind` in key order, grouped by organization and by parent, computed once per change. */
  private indexOf(kind: Kind): { all: Entity[]; byOrg: Map<string, Entity[]>; byParent: Map<string, Entity[]> } {
    let index = this.sorted.get(kind);
    if (index) return index;
    const all = [...this.byKind.get(kind)!.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    index = { all, byOrg: new Map(), byParent: new Map() };
    for (const e of all) {
      if (e.org !== undefined) push(index.byOrg, e.org, e);
      const colon = e.key.indexOf(":");
      if (colon >= 0) push(index.byParent, e.key.slice(0, colon), e);
    }
    this.sorted.set(kind, index);
    return index;
  }

  /** Entities of `kind` that passed their JSON Schema: safe to read as typed data. */
  valid<K extends Kind>(kind: K): Entity<K>[] {
    return this.all(kind).filter((e) => e.schemaValid);
  }

  /** Every entity, kinds in `KINDS` order. */
  entities(): Entity[] {
    return KINDS.flatMap((k) => this.all(k));
  }

  /**
   * The entities a check goes through, of `kinds` in order (every kind when
   * omitted), only schema-valid ones when `validOnly` (which entities are
   * checked depends only on each one's own file).
   */
  subjects<K extends Kind>(kinds: readonly K[] | undefined, validOnly: boolean): Entity<K>[] {
    const out: Entity<K>[] = [];
    for (const kind of kinds ?? (KINDS as readonly K[]))
      for (const e of this.indexOf(kind).all) if (!validOnly || e.schemaValid) out.push(e as Entity<K>);
    return out;
  }

  /** Number of entities per kind. */
  counts(): Record<Kind, number> {
    const out = {} as Record<Kind, number>;
    for (const kind of KINDS) out[kind] = this.byKind.get(kind)!.size;
    return out;
  }

  /** The catalog settings (catalog.yaml), when present and valid. */
  settings(): CatalogData | undefined {
    const e = this.get("Catalog", "catalog");
    return e?.schemaValid ? e.data : undefined;
  }

  /** Entities of `kind` in organization `org`, in key order. */
  inOrg<K extends Kind>(kind: K, org: string): Entity<K>[] {
    return (this.indexOf(kind).byOrg.get(org)?.slice() ?? []) as Entity<K>[];
  }

  /** Versions of a hub component (`org/name`) or model, in key order. */
  versionsOf(kind: "ComponentVersion" | "ModelVersion", parentKey: string): Entity[] {
    return this.indexOf(kind).byParent.get(parentKey)?.slice() ?? [];
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
