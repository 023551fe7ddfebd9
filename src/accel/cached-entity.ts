/**
 * The entity of a file the content cache knows: its data is decoded on first
 * use, and it passed its schema in an earlier run. It is an `Entity` like any
 * other; only the accelerated path knows it came from the cache.
 */
import type { EntityIdentity } from "../load/build-catalog.js";
import type { Entity, Readme, SourceFile } from "../model/entity.js";
import type { Kind } from "../model/kinds.js";

/**
 * Whether the entity's data came from the content cache: its file passed its
 * schema in an earlier run, and nothing of it was parsed in this one.
 */
export function isFromCache(entity: Entity): boolean {
  return entity instanceof CachedEntity;
}

/**
 * An entity whose data is decoded from the cache on first use; schema-valid
 * from the start. A class: the accessor lives on the prototype, so each of
 * the many entities a large catalog has costs one small object.
 */
class CachedEntity {
  declare org?: string;
  declare project?: string;
  declare parent?: string;
  declare readme?: Readme;
  readonly kind: Kind;
  readonly key: string;
  readonly name: string;
  readonly source: SourceFile;
  schemaValid = true;
  #decode: (() => unknown) | undefined;
  #value: unknown;

  constructor(info: EntityIdentity, source: SourceFile, decode: () => unknown) {
    this.kind = info.kind;
    this.key = info.key;
    this.name = info.name;
    if (info.org !== undefined) this.org = info.org;
    if (info.project !== undefined) this.project = info.project;
    if (info.parent !== undefined) this.parent = info.parent;
    this.source = source;
    this.#decode = decode;
  }

  get data(): unknown {
    const decode = this.#decode;
    if (decode) {
      this.#value = decode();
      this.#decode = undefined;
    }
    return this.#value;
  }

  set data(value: unknown) {
    this.#value = value;
    this.#decode = undefined;
  }
}

/** The entity of a file the content cache knows: its data decoded by `decode` on first use. */
export function cachedEntity(info: EntityIdentity, source: SourceFile, decode: () => unknown): Entity {
  return new CachedEntity(info, source, decode) as unknown as Entity;
}
