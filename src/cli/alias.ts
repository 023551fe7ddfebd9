/** `mlcat alias <org/model> <alias> [tag] [--remove]`: point a model's alias at one of its versions, or remove it. */
import type { Command } from "commander";
import { planAliasChange } from "../authoring/change-alias.js";
import { refuseUsage } from "../authoring/outcome.js";
import { addAuthoringOptions, openCatalog, valueOr, writePlan, type AuthoringOptions } from "./authoring-run.js";
import type { CliIO } from "./io.js";

interface AliasOptions extends AuthoringOptions {
  remove?: boolean;
}

/** Register `alias` on `program`. */
export function registerAliasCommand(program: Command, io: CliIO, setExit: (code: number) => void): void {
  const cmd = program
    .command("alias")
    .argument("<org/model>", "the model")
    .argument("<alias>", "the alias, a name (champion, challenger, production...)")
    .argument("[tag]", "the version it names (leave out with --remove)")
    .description("Point a model's alias at one of its versions, or remove it (--remove).")
    .option("--remove", "remove the alias");
  addAuthoringOptions(cmd);
  cmd
    .addHelpText(
      "after",
      `
Only aliases.<alias> in model.yaml changes; comments and the rest stay as they are.
Moving an alias is judged like a stage change on the pull request; an alias the catalog's
policy.productionAliases lists (default: production) needs the production approvers, and the
version it names must carry what policy.stages requires of production.

Examples:
  $ mlcat alias acme/churn-model champion 1.1.0
  $ mlcat alias acme/churn-model challenger --remove --dry-run`,
    )
    .action(async (model: string, alias: string, tag: string | undefined, opts: AliasOptions) => {
      if (opts.remove && tag !== undefined)
        valueOr(io, refuseUsage("--remove takes no version tag", `write: mlcat alias ${model} ${alias} --remove`));
      if (!opts.remove && tag === undefined)
        valueOr(io, refuseUsage("missing the version tag", `write: mlcat alias ${model} ${alias} <tag>, or --remove`));
      const ws = await openCatalog(io, opts.catalog);
      const plan = valueOr(io, planAliasChange({ ws }, { model, alias, ...(tag !== undefined && { tag }) }));
      setExit(await writePlan(io, ws, plan, opts));
    });
}
