/** `mlcat promote experiment|component`: Polyaxon's two promotions, as files written right the first time. */
import { Option, type Command } from "commander";
import { resolveNow, resolveUser } from "../authoring/clock.js";
import { formatLineage, traceLineage } from "../authoring/lineage-trace.js";
import { planPromoteComponent } from "../authoring/promote-component.js";
import { planPromoteExperiment } from "../authoring/promote-experiment.js";
import { openWorkspace } from "../authoring/workspace.js";
import { resolveCommit } from "../git/revisions.js";
import { STAGES, type Stage } from "../model/types.js";
import {
  addAuthoringOptions,
  missingSubcommand,
  openCatalog,
  valueOr,
  writePlan,
  type AuthoringOptions,
} from "./authoring-run.js";
import type { CliIO } from "./io.js";
import { requireValue, terminalAsk, type Ask } from "./prompt.js";

interface ExperimentOptions extends AuthoringOptions {
  model?: string;
  version?: string;
  stage: Stage;
  by?: string;
  reason?: string;
  description?: string;
  owner?: string;
}

interface ComponentOptions extends AuthoringOptions {
  to?: string;
  stage: Stage;
  notes?: string;
  commit?: string | boolean;
  owner?: string;
}

/** Register `promote experiment` and `promote component` on `program`. */
export function registerPromoteCommand(
  program: Command,
  io: CliIO,
  setExit: (code: number) => void,
  ask: Ask = terminalAsk(io),
): void {
  const cmd = program
    .command("promote")
    .description("Promote an experiment to the model registry, or a project's component to the hub.")
    .addHelpText(
      "after",
      `
Examples:
  $ mlcat promote experiment acme/churn/run-1 --model acme/churn-model --version 1.1.0 --by alice
  $ mlcat promote component acme/churn/prepare --to acme/prepare:1.0.0`,
    )
    .argument("[what...]")
    .action((what: string[]) => missingSubcommand("promote", what[0], cmd));

  const experiment = cmd
    .command("experiment")
    .argument("<org/project/experiment>", "the experiment to promote")
    .description(
      "Write a model version with full lineage from a succeeded experiment; creates the model entry if needed.",
    )
    .option("--model <org/model>", "the registry model (required)")
    .option("--version <tag>", "the new model version's tag (required)")
    .addOption(new Option("--stage <stage>", "the first stage").choices(STAGES).default("testing"))
    .option("--by <user>", "who promotes (default: $MLCAT_USER)")
    .option("--reason <text>", "why (the first stage history entry)")
    .option("--description <text>", "what this version is")
    .option("--owner <user>", "owner of the model entry, when it is created (default: --by)");
  addAuthoringOptions(experiment, { at: true });
  experiment
    .addHelpText(
      "after",
      `
The experiment must have succeeded and its component version must exist. The model version gets
the experiment's parameters, metrics, artifacts and code commit, and a first stage history entry.

Examples:
  $ mlcat promote experiment acme/churn/run-1 --model acme/churn-model --version 1.1.0 --by alice
  $ MLCAT_USER=alice mlcat promote experiment acme/churn/run-1 --model acme/churn-model --version 1.1.0 --reason "AUC 0.91"`,
    )
    .action(async (ref: string, opts: ExperimentOptions) => {
      const model = await requireValue(
        ask,
        opts.model,
        "--model <org/model>",
        "The registry model to add a version to (org/model)",
      );
      const version = await requireValue(ask, opts.version, "--version <tag>", "The new version's tag");
      const by = valueOr(io, resolveUser({ ...(opts.by !== undefined && { by: opts.by }), env: io.env }));
      const now = valueOr(io, resolveNow({ ...(opts.at !== undefined && { at: opts.at }), env: io.env }));
      const ws = await openCatalog(io, opts.catalog);
      const plan = valueOr(
        io,
        planPromoteExperiment(
          { ws },
          {
            experiment: ref,
            model,
            version,
            stage: opts.stage,
            by,
            now,
            ...(opts.reason !== undefined && { reason: opts.reason }),
            ...(opts.description !== undefined && { description: opts.description }),
            ...(opts.owner !== undefined && { owner: opts.owner }),
          },
        ),
      );
      const code = await writePlan(io, ws, plan, opts);
      if (code === 0 && !opts.dryRun) {
        const after = await openWorkspace(opts.catalog);
        const chain = after.ok ? traceLineage(after.value.catalog, `${model}:${version}`) : undefined;
        if (chain?.ok) io.out(`lineage: ${formatLineage(chain.value)}\n`);
      }
      setExit(code);
    });

  const component = cmd
    .command("component")
    .argument("<org/project/component>", "the project component to publish")
    .description(
      "Copy a project's component spec into the hub unchanged, as a new version; records where it came from.",
    )
    .option("--to <org/name:tag>", "the hub component and version tag (required)")
    .addOption(new Option("--stage <stage>", "the release's stage").choices(STAGES).default("testing"))
    .option("--notes <text>", "release notes")
    .option("--commit <sha>", "the commit the spec comes from (default: the repository's HEAD)")
    .option("--no-commit", "record no commit")
    .option("--owner <user>", "owner of the hub entry, when it is created (default: the project's owner)");
  addAuthoringOptions(component, { at: true });
  component
    .addHelpText(
      "after",
      `
The spec is copied byte for byte to orgs/<org>/components/<name>/versions/<tag>.yaml; the hub entry
(created when missing) gets a release with source: {project, path, commit}. A published tag is refused.

Examples:
  $ mlcat promote component acme/churn/prepare --to acme/prepare:1.0.0
  $ mlcat promote component acme/churn/prepare --to acme/prepare:1.1.0 --notes "Adds a sample rate." --stage staging`,
    )
    .action(async (ref: string, opts: ComponentOptions) => {
      const to = await requireValue(
        ask,
        opts.to,
        "--to <org/name:tag>",
        "The hub component and tag to publish as (org/name:tag)",
      );
      const now = valueOr(io, resolveNow({ ...(opts.at !== undefined && { at: opts.at }), env: io.env }));
      const ws = await openCatalog(io, opts.catalog);
      let commit = typeof opts.commit === "string" ? opts.commit : undefined;
      if (opts.commit === undefined || opts.commit === true) {
        commit = await resolveCommit({ cwd: opts.catalog, rev: "HEAD" }).catch(() => undefined);
        if (commit === undefined)
          io.err(
            "mlcat: note: no git commit found for the catalog folder; the release records no commit (pass --commit <sha>)\n",
          );
      }
      const plan = valueOr(
        io,
        planPromoteComponent(
          { ws },
          {
            component: ref,
            to,
            stage: opts.stage,
            now,
            ...(commit !== undefined && { commit }),
            ...(opts.notes !== undefined && { notes: opts.notes }),
            ...(opts.owner !== undefined && { owner: opts.owner }),
          },
        ),
      );
      setExit(await writePlan(io, ws, plan, opts));
    });
}
