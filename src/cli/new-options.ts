/** Turning `mlcat new` flags into scaffold inputs: roles, key=value settings, numbers. */
import { ExitError } from "../diagnostics/diagnostic.js";
import { ROLES, type Role } from "../model/types.js";

/** Parsed options of a `new` subcommand, as commander gives them. */
export type NewFlags = Record<string, unknown> & { catalog: string; dryRun?: boolean; modeline?: string | boolean };

/** `{[key]: value}` when the flag is set, else `{}`: spread into an input object. */
export function flag<K extends string>(o: NewFlags, key: K): Partial<Record<K, string>> {
  const v = o[key];
  return v === undefined ? {} : ({ [key]: String(v) } as Record<K, string>);
}

/** `{[key]: values}` when the repeatable flag `from` is set. */
export function list<K extends string>(o: NewFlags, from: string, key: K): Partial<Record<K, string[]>> {
  const v = o[from];
  return Array.isArray(v) ? ({ [key]: v.map(String) } as Record<K, string[]>) : {};
}

/** `name` or `name:role` (role default `fallback`); a role that is not one exits 2. */
export function withRole(text: string, fallback: Role, flagName: string): [string, Role] {
  const [name = "", role = fallback] = text.split(":");
  if (!(ROLES as readonly string[]).includes(role)) {
    throw new ExitError(2, `${flagName} ${text}: "${role}" is not a role\n  hint: roles are ${ROLES.join(", ")}`);
  }
  return [name, role as Role];
}

/** `key=value` pairs as an object; a pair without `=` exits 2. */
export function keyValues(pairs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const i = pair.indexOf("=");
    if (i <= 0) throw new ExitError(2, `--set ${pair}: expected key=value\n  hint: e.g. --set bucket=s3://my-bucket`);
    out[pair.slice(0, i)] = pair.slice(i + 1);
  }
  return out;
}

/** A positive whole number; anything else exits 2. */
export function toInteger(value: unknown, flagName: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) {
    throw new ExitError(
      2,
      `${flagName} ${String(value)} is not a positive whole number\n  hint: a GitHub user's numeric id is shown by the GitHub users API for their login`,
    );
  }
  return n;
}

/** Append one value to a repeatable flag's list (no comma splitting). */
export function append(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
