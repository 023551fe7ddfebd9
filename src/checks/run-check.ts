/** Run one check. A check that throws is a bug (an InternalError); a file that changed during the run or git failing to read one is not, and passes through. */
import { ExitError, InternalError } from "../diagnostics/diagnostic.js";
import { GitError } from "../git/git-error.js";
import type { Check, CheckContext } from "./context.js";

export function runCheck(check: Check, ctx: CheckContext): void {
  try {
    check.run(ctx);
  } catch (err) {
    if (err instanceof ExitError || err instanceof GitError) throw err;
    throw new InternalError(`check "${check.name}" failed: ${(err as Error).stack ?? String(err)}`);
  }
}
