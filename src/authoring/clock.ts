/** Who makes a change and when: explicit, so that files and tests are reproducible. */
import { refuseUsage, succeed, type Outcome } from "./outcome.js";

/** The current time as an ISO string without milliseconds: `MLCAT_NOW` when set (tests), else the clock. */
export function resolveNow(options: { at?: string; env: Record<string, string | undefined> }): Outcome<string> {
  const given = options.at ?? options.env.MLCAT_NOW;
  if (given === undefined || given === "") return succeed(new Date().toISOString().replace(/\.\d{3}Z$/, "Z"));
  const parsed = new Date(given);
  if (
    Number.isNaN(parsed.getTime()) ||
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(given)
  ) {
    return refuseUsage(`time "${given}" is not an ISO date-time`, "write it like 2026-01-10T12:00:00Z");
  }
  return succeed(given);
}

/** The user making the change: `--by`, else `MLCAT_USER`; refuses (bad usage) when neither is set. */
export function resolveUser(options: { by?: string; env: Record<string, string | undefined> }): Outcome<string> {
  const user = options.by ?? options.env.MLCAT_USER;
  if (user === undefined || user === "") {
    return refuseUsage(
      "who is making this change? --by <user> is missing",
      "pass --by <user> (a username under users/), or set MLCAT_USER",
    );
  }
  return succeed(user);
}
