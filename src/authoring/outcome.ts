import type { Diagnostic } from "../diagnostics/diagnostic.js";

/**
 * What an authoring step returns: a value, or a refusal that says what is
 * wrong and how to fix it. Refusals are data; the CLI turns them into an exit
 * code (1 for a refusal, 2 for bad usage).
 */

/** Why a command will not do what was asked. */
export interface Refusal {
  /** What is wrong, where, and what was expected. */
  message: string;
  /** How to fix it. */
  hint: string;
  /** True when the arguments themselves are wrong (exit 2); false for a refusal on the catalog's content (exit 1). */
  usage: boolean;
  /** Problems found in the planned files, when that is why the command refused. */
  diagnostics?: Diagnostic[];
}

/** A value, or a refusal. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

/** A successful outcome. */
export function succeed<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

/** A refusal on the catalog's content (exit 1). */
export function refuse<T = never>(message: string, hint: string): Outcome<T> {
  return { ok: false, refusal: { message, hint, usage: false } };
}

/** A refusal because the arguments are wrong (exit 2). */
export function refuseUsage<T = never>(message: string, hint: string): Outcome<T> {
  return { ok: false, refusal: { message, hint, usage: true } };
}
