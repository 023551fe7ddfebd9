/** `mlcat new user|org|team|project|connection|component|model`: write a valid, commented file in the right place. */
import { Option, type Command } from "commander";
import { resolveNow } from "../authoring/clock.js";
import { defaultSchemasDir } from "../authoring/modeline.js";
import type { Outcome } from "../authoring/outcome.js";
import type { Plan } from "../authoring/plan.js";
import type { ScaffoldContext } from "../authoring/scaffold-context.js";
import { scaffoldComponent, scaffoldModel } from "../authoring/scaffold-hub.js";
import { scaffoldOrganization, scaffoldTeam, scaffoldUser } from "../authoring/scaffold-people.js";
import { scaffoldConnection, scaffoldProject, scaffoldProjectComponent } from "../authoring/scaffold-project.js";
import type { ConnectionKind, Visibility } from "../model/types.js";
import { addAuthoringOptions, missingSubcommand, openCatalog, valueOr, writePlan } from "./authoring-run.js";
import type { CliIO } from "./io.js";
import { append, flag, keyValues, list, toInteger, withRole, type NewFlags } from "./new-options.js";
import { collect, requireValue, terminalAsk, type Ask } from "./prompt.js";

const CONNECTION_KINDS: readonly ConnectionKind[] = [
  "s3",
  "gcs",
  "wasb",
  "volume_claim",
  "host_path",
  "git",
  "registry",
  "ssh",
  "slack",
  "webhook",
  "custom",
];

/** One kind `new` can write. */
interface NewKind {
  name: string;
  arg: string;
  description: string;
  examples: string[];
  options: (c: Command) => Command;
  plan: (ctx: ScaffoldContext, ref: string, o: NewFlags, ask: Ask, io: CliIO) => Promise<Outcome<Plan>>;
}

const owner = (ask: Ask, o: NewFlags, whose: string) =>
  requireValue(
    ask,
    o.owner as string | undefined,
    "--owner <user>",
    `The ${whose}'s owner (a member of the organization)`,
  );
const visibility = () => new Option("--visibility <visibility>", "public or private").choices(["public", "private"]);
const tags = (c: Command) => c.option("--tag <tag>", "a tag (repeatable, or comma-separated)", collect);

const KINDS: NewKind[] = [
  {
    name: "user",
    arg: "<name>",
    description: "A user: users/<name>.yaml.",
    examples: [
      "mlcat new user alice --display-name Alice --github alice-gh --github-id 1001 --email alice@example.com",
    ],
    options: (c) =>
      c
        .option("--display-name <text>")
        .option("--github <login>", "GitHub login")
        .option("--github-id <id>", "GitHub numeric user id")
        .option("--email <email>")
        .option("--bio <text>"),
    plan: async (ctx, ref, o) =>
      scaffoldUser(ctx, {
        name: ref,
        ...flag(o, "displayName"),
        ...(o.github !== undefined && { githubLogin: String(o.github) }),
        ...(o.githubId !== undefined && { githubId: toInteger(o.githubId, "--github-id") }),
        ...flag(o, "email"),
        ...flag(o, "bio"),
      }),
  },
  {
    name: "org",
    arg: "<name>",
    description: "An organization: orgs/<name>/organization.yaml, with its first owner.",
    examples: ['mlcat new org acme --owner alice --visibility public --description "Acme\'s ML."'],
    options: (c) =>
      c
        .option("--owner <user>", "the first owner (required)")
        .option("--display-name <text>")
        .option("--description <text>")
        .addOption(visibility().default("private"))
        .option("--website <url>"),
    plan: async (ctx, ref, o, ask) =>
      scaffoldOrganization(ctx, {
        name: ref,
        owner: await requireValue(
          ask,
          o.owner as string | undefined,
          "--owner <user>",
          "The organization's first owner (a username)",
        ),
        ...flag(o, "displayName"),
        ...flag(o, "description"),
        ...(o.visibility !== undefined && { visibility: o.visibility as Visibility }),
        ...flag(o, "website"),
      }),
  },
  {
    name: "team",
    arg: "<org/team>",
    description: "A team: orgs/<org>/teams/<team>.yaml.",
    examples: [
      "mlcat new team acme/ml --member alice:admin --member bob --project churn:member",
      "mlcat new team acme/ml --member alice:admin --project churn --create-missing   # writes project acme/churn too",
    ],
    options: (c) =>
      c
        .option("--member <user[:role]>", "a member, role default member (repeatable)", collect)
        .option("--project <project[:role]>", "project access (repeatable)", collect)
        .option("--description <text>")
        .option(
          "--create-missing",
          "also write the projects --project names that do not exist yet (owned by --owner, with this team)",
        )
        .option(
          "--owner <user>",
          "with --create-missing: the owner of the projects written (default: the team's first member of the highest role)",
        ),
    plan: async (ctx, ref, o, ask) => {
      let members = (o.member as string[] | undefined) ?? [];
      if (members.length === 0)
        members = collect(
          await requireValue(
            ask,
            undefined,
            "--member <user[:role]>",
            "Team members (user or user:role, comma-separated)",
          ),
        );
      return scaffoldTeam(ctx, {
        ref,
        members: members.map((m) => withRole(m, "member", "--member")).map(([user, role]) => ({ user, role })),
        projects: ((o.project as string[] | undefined) ?? [])
          .map((p) => withRole(p, "member", "--project"))
          .map(([project, role]) => ({ project, role })),
        ...flag(o, "description"),
        ...(o.createMissing === true && {
          createMissing: { ...(o.owner !== undefined && { owner: String(o.owner) }) },
        }),
      });
    },
  },
  {
    name: "connection",
    arg: "<org/connection>",
    description: "A connection: orgs/<org>/connections/<conn>.yaml (the secret's name only).",
    examples: ["mlcat new connection acme/s3-data --kind s3 --set bucket=s3://acme-data --secret aws-credentials"],
    options: (c) =>
      tags(
        c
          .addOption(new Option("--kind <kind>", "the Polyaxon connection kind (required)").choices(CONNECTION_KINDS))
          .option("--description <text>"),
      )
        .option("--set <key=value>", "a schema setting, e.g. bucket=s3://data (repeatable)", append)
        .option("--secret <name>", "name of the Kubernetes secret holding the credentials"),
    plan: async (ctx, ref, o, ask) =>
      scaffoldConnection(ctx, {
        ref,
        kind: (await requireValue(
          ask,
          o.kind as string | undefined,
          "--kind <kind>",
          `The connection kind (${CONNECTION_KINDS.join(", ")})`,
        )) as ConnectionKind,
        ...flag(o, "description"),
        ...list(o, "tag", "tags"),
        ...(o.set !== undefined && { schema: keyValues(o.set as string[]) }),
        ...flag(o, "secret"),
      }),
  },
  {
    name: "project",
    arg: "<org/project>",
    description: "A project: orgs/<org>/projects/<p>/project.yaml and README.md.",
    examples: [
      "mlcat new project acme/churn --owner alice --team ml --connection s3-data --tag tabular",
      "mlcat new project acme/churn --owner alice --team ml --create-missing   # writes team acme/ml too",
    ],
    options: (c) =>
      tags(
        c
          .option("--owner <user>", "the owner (required)")
          .option("--team <team>", "the owning team")
          .option("--description <text>"),
      )
        .addOption(visibility())
        .option("--connection <name>", "a connection the project may use (repeatable)", collect)
        .option(
          "--create-missing",
          "also write the team --team names when it does not exist yet (the owner its admin)",
        ),
    plan: async (ctx, ref, o, ask) =>
      scaffoldProject(ctx, {
        ref,
        owner: await owner(ask, o, "project"),
        ...flag(o, "team"),
        ...flag(o, "description"),
        ...list(o, "tag", "tags"),
        ...(o.visibility !== undefined && { visibility: o.visibility as Visibility }),
        ...list(o, "connection", "connections"),
        ...(o.createMissing === true && { createMissing: true }),
      }),
  },
  {
    name: "component",
    arg: "<org/name | org/project/name>",
    description:
      "A hub component (component.yaml, README.md, optionally a first version), or with three parts a project component spec.",
    examples: [
      'mlcat new component acme/train --owner alice --version 1.0.0 --image python:3.12 --command "python train.py"',
      "mlcat new component acme/churn/prepare --image python:3.12",
    ],
    options: (c) =>
      tags(
        c
          .option("--owner <user>", "the owner of a hub component (required)")
          .option("--team <team>")
          .option("--maintainer <user>", "a maintainer (repeatable)", collect)
          .option("--description <text>"),
      )
        .option("--version <tag>", "also write this first version (hub)")
        .option("--image <image>", "container image (project component; hub with --version)")
        .option("--command <command>", "container command, split on spaces")
        .addOption(new Option("--at <time>").hideHelp()),
    plan: async (ctx, ref, o, ask, io) => {
      const common = {
        ...flag(o, "description"),
        ...list(o, "tag", "tags"),
        ...(o.command !== undefined && { command: String(o.command).split(/\s+/).filter(Boolean) }),
      };
      if (ref.split("/").length === 3) {
        return scaffoldProjectComponent(ctx, {
          ref,
          image: await requireValue(ask, o.image as string | undefined, "--image <image>", "The container image"),
          ...common,
        });
      }
      const now = valueOr(io, resolveNow({ ...(o.at !== undefined && { at: String(o.at) }), env: io.env }));
      return scaffoldComponent(ctx, {
        ref,
        owner: await owner(ask, o, "component"),
        ...flag(o, "team"),
        ...list(o, "maintainer", "maintainers"),
        ...flag(o, "version"),
        ...flag(o, "image"),
        now,
        ...common,
      });
    },
  },
  {
    name: "model",
    arg: "<org/model>",
    description: "A registry model: orgs/<org>/models/<m>/model.yaml and a model card README.md.",
    examples: [
      "mlcat new model acme/churn-model --owner alice --task binary-classification --framework xgboost --license Apache-2.0",
    ],
    options: (c) =>
      tags(
        c
          .option("--owner <user>", "the owner (required)")
          .option("--team <team>")
          .option("--description <text>")
          .option("--task <task>")
          .option("--framework <name>")
          .option("--license <spdx>"),
      ),
    plan: async (ctx, ref, o, ask) =>
      scaffoldModel(ctx, {
        ref,
        owner: await owner(ask, o, "model"),
        ...flag(o, "team"),
        ...flag(o, "description"),
        ...flag(o, "task"),
        ...flag(o, "framework"),
        ...flag(o, "license"),
        ...list(o, "tag", "tags"),
      }),
  },
];

/** Register `new` and its subcommands on `program`. `ask` answers prompts (default: the terminal, when attached). */
export function registerNewCommand(
  program: Command,
  io: CliIO,
  setExit: (code: number) => void,
  ask: Ask = terminalAsk(io),
): void {
  const cmd = program
    .command("new")
    .description("Write a new, valid, commented catalog file (and its README) in the right place; never overwrites.")
    .addHelpText(
      "after",
      `
Every value has a flag; a required value that is missing is asked for when a terminal is attached
(otherwise it is a usage error, exit 2). The written file is validated with the whole catalog.

Examples:
  $ mlcat new user alice --display-name "Alice Martin" --github alice-m --github-id 1234567
  $ mlcat new project acme/churn --owner alice --team ml --description "Predict churn."
  $ mlcat new component acme/churn/prepare --image python:3.12 --modeline
  $ mlcat new model acme/churn-model --owner alice --license Apache-2.0`,
    )
    .argument("[kind...]")
    .action((kind: string[]) => missingSubcommand("new", kind[0], cmd));

  for (const kind of KINDS) {
    const sub = kind.options(cmd.command(kind.name).argument(kind.arg).description(kind.description));
    addAuthoringOptions(sub);
    sub.option(
      "--modeline [schemas-dir]",
      "start YAML files with a yaml-language-server $schema line (default schemas folder: ../schemas from the catalog)",
    );
    sub.addHelpText("after", `\nExamples:\n${kind.examples.map((e) => `  $ ${e}`).join("\n")}`);
    sub.action(async (ref: string, o: NewFlags) => {
      const ws = await openCatalog(io, o.catalog);
      const ctx: ScaffoldContext = { ws };
      if (o.modeline)
        ctx.modeline = {
          catalogDir: o.catalog,
          schemasDir: typeof o.modeline === "string" ? o.modeline : defaultSchemasDir(o.catalog),
        };
      const plan = valueOr(io, await kind.plan(ctx, ref, o, ask, io));
      setExit(await writePlan(io, ws, plan, o));
    });
  }
}
