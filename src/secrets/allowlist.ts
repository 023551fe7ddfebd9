/**
 * The secrets allowlist: fingerprints of values that look like credentials but
 * are known not to be (public test values, documentation examples), listed
 * under `policy.secretsAllowlist` in catalog.yaml. `mlcat check` reads it from
 * the base revision only, so a pull request can never allowlist its own secret.
 */
import { createHash } from "node:crypto";

/** A set of allowed fingerprints. */
export interface SecretsAllowlist {
  /** Whether the value is allowlisted. */
  allows(value: string): boolean;
  /** Number of entries. */
  size: number;
}

/** The fingerprint of a value, as messages print it and the allowlist holds it: `sha256:<hex>`. */
export function fingerprintSecret(value: string): string {
  return `sha256:${createHash("sha256").update(value, "utf8").digest("hex")}`;
}

/** An allowlist of the given fingerprints. */
export function makeAllowlist(fingerprints: Iterable<string>): SecretsAllowlist {
  const set = new Set([...fingerprints].map((f) => f.toLowerCase()));
  return { allows: (value) => set.size > 0 && set.has(fingerprintSecret(value)), size: set.size };
}

/** The allowlist nothing passes. */
export const EMPTY_ALLOWLIST: SecretsAllowlist = makeAllowlist([]);

/**
 * The allowlist of a catalog.yaml's data, read defensively (the data may have
 * failed its schema): entries that are not `{fingerprint: "sha256:<hex>"}` allow nothing.
 */
export function readSecretsAllowlist(catalogData: unknown): SecretsAllowlist {
  const policy = field(catalogData, "policy");
  const entries = field(policy, "secretsAllowlist");
  if (!Array.isArray(entries)) return EMPTY_ALLOWLIST;
  const fingerprints: string[] = [];
  for (const entry of entries) {
    const fingerprint = field(entry, "fingerprint");
    if (typeof fingerprint === "string" && /^sha256:[0-9a-f]{64}$/i.test(fingerprint)) fingerprints.push(fingerprint);
  }
  return makeAllowlist(fingerprints);
}

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}
