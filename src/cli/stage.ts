/** `mlcat stage <org/model:tag> <stage> --reason "..."`: change a model version's stage and record who, when and why. */
import type { Command } from "commander";
import { planStageChange } from "../authoring/change-stage.js";
import { resolveNow, resolveUser } from "../authoring/clock.js";
import { STAGES } from "../model/types.js";
import { addAuthoringOptions, openCatalog, valueOr, writePlan, type AuthoringOptions } from "./authoring-run.js";
import type { CliIO } from "./io.js";

interface StageOptions extends AuthoringOptions {
  reason?: string;
  by?: string;
}

/** Register `stage` on `program`. */
export function registerStageCommand(program: Command, io: CliIO, setExit: (code: number) => void): void {
  const cmd = program
    .command("stage")
    .argument("<org/model:tag>", "the model version")
    .argument("<stage>", `the new stage: ${STAGES.join(", ")}`)
    .description("Move a model version to another stage and append the change to its stage history (who, when, why).")
    .option("--reason <text>", "why (required unless the catalog's policy sets requireStageReason: false)")
    .option("--by <user>", "who makes the change (default: $MLCAT_USER)");
  addAuthoringOptions(cmd, { at: true });
  cmd
    .addHelpText(
      "after",
      `
Only the stage and the new history entry change in the file; comments and the rest stay as they are.
Moving to production needs the registry's admins: mlcat check says so on the pull request.

Examples:
  $ mlcat stage acme/churn-model:1.1.0 staging --reason "Shadow traffic for a week, no regressions" --by alice
  $ MLCAT_USER=alice mlcat stage acme/churn-model:1.0.0 disabled --reason "Superseded by 1.1.0"`,
    )
    .action(async (version: string, stage: string, opts: StageOptions) => {
      const by = valueOr(io, resolveUser({ ...(opts.by !== undefined && { by: opts.by }), env: io.env }));
      const now = valueOr(io, resolveNow({ ...(opts.at !== undefined && { at: opts.at }), env: io.env }));
      const ws = await openCatalog(io, opts.catalog);
      const plan = valueOr(
        io,
        planStageChange({ ws }, { version, stage, by, now, ...(opts.reason !== undefined && { reason: opts.reason }) }),
      );
      setExit(await writePlan(io, ws, plan, opts));
    });
}
