/**
 * Defensive readers for catalog data. Permissions read the base catalog,
 * which may hold values that fail their schema: anything malformed reads as
 * absent, so a broken grant grants nothing.
 */
import type { Role } from "../model/types.js";
import { isRole } from "./roles.js";

/** `value` as a plain object, or undefined. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** The string at `key` of `value`, or undefined. */
export function stringAt(value: unknown, key: string): string | undefined {
  const v = asRecord(value)?.[key];
  return typeof v === "string" ? v : undefined;
}

/** The strings in the array at `key` of `value` (other items skipped). */
export function stringsAt(value: unknown, key: string): string[] {
  const v = asRecord(value)?.[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/** The array at `key` of `value`, or an empty array. */
export function arrayAt(value: unknown, key: string): unknown[] {
  const v = asRecord(value)?.[key];
  return Array.isArray(v) ? v : [];
}

/** `{<field>, role}` entries of the array at `key` (e.g. `members` with field `user`), well-formed ones only. */
export function rolesAt(value: unknown, key: string, field: string): Array<{ name: string; role: Role }> {
  const out: Array<{ name: string; role: Role }> = [];
  for (const item of arrayAt(value, key)) {
    const name = stringAt(item, field);
    const role = asRecord(item)?.role;
    if (name !== undefined && isRole(role)) out.push({ name, role });
  }
  return out;
}
