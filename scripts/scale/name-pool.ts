/**
 * Unique names per scope for synthetic catalogs: a name is taken only when it
 * collides with no earlier one of its scope under the naming check's rules
 * (case, NFKC, look-alikes such as `1`/`l` and `rn`/`m`), so a generated
 * catalog never trips `name/collision` by accident.
 */
import { collisionKeys } from "../../dist/checks/naming-skeleton.js";
import { isDnsLabel } from "../../dist/model/names.js";

/** Names taken in one scope. */
export class NamePool {
  private readonly keys = new Set<string>();
  readonly taken: string[] = [];

  /** Take `base`, or `base-2`, `base-3`... (the first free one); `base` must be a DNS label. */
  take(base: string): string {
    for (let i = 1; ; i++) {
      const name = i === 1 ? base : `${base}-${i}`;
      if (this.tryTake(name)) return name;
    }
  }

  /** Take `name` if it is free; returns whether it was. */
  tryTake(name: string): boolean {
    if (!isDnsLabel(name)) throw new Error(`generated name "${name}" is not a DNS label`);
    const keys = collisionKeys(name);
    if (keys.some((k) => this.keys.has(k))) return false;
    for (const k of keys) this.keys.add(k);
    this.taken.push(name);
    return true;
  }
}
