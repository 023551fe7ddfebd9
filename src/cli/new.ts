/** `mlcat new user|org|team|project|connection|component|model`: write a valid, commented file in the right place. */
import { Option, type Command } from "commander";
import type { Outcome } from "../authoring/outcome.js";
import type { Plan } from "../authoring/plan.js";
import { defaultSchemasDir } from "../authoring/modeline.js";
import { resolveNow } from "../authoring/clock.js";
import type { ScaffoldContext } from "../authoring/scaffold-context.js";
import { scaffoldComponent, scaffoldModel } from "../authoring/scaffold-hub.js";
import { scaffoldOrganization, scaffoldTeam, scaffoldUser } from "../authoring/scaffold-people.js";
import { scaffoldConnection, scaffoldProject, scaffoldProjectComponent } from "../authoring/scaffold-project.js";
import { ExitError } from "../diagnostics/diagnostic.js";
import { ROLES, type ConnectionKind, type Role, type Visibility } from "../model/types.js";
import { addAuthoringOptions, missingSubcommand, openCatalog, valueOr, writePlan, type AuthoringOptions } from "./authoring-run.js";
import type { CliIO } from "./io.js";
import { collect, requireValue, terminalAsk, type Ask } from "./prompt.js";

const CONNECTION_KINDS: readonly ConnectionKind[] = ["s3", "gcs", "wasb", "volume_claim", "host_path", "git", "registry", "ssh", "slack", "webhook", "custom"];

interface NewOptions extends AuthoringOptions {
  modeline?: string | boolean;
  [flag: string]: unknown;
}

type Scaffold = (ctx: ScaffoldContext, ask: Ask, opts: NewOptions) => Promise<Outcome<Plan>>;

/** Register `new` and its subcommands on `program`. `ask` answers prompts (default: the terminal, when attached). */
export function registerNewCommand(program: Command, io: CliIO, setExit: (code: number) => void, ask: Ask = terminalAsk(io)): void {
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

  const sub = (name: string, arg: string, description: string, example: string, scaffold: Scaffold, configure: (c: Command) => void) => {
    const c = cmd.command(name).argument(arg).description(description);
    configure(c);
    addAuthoringOptions(c);
    c.option("--modeline [schemas-dir]", "start YAML files with a yaml-language-server $schema line (schemas folder: default ../schemas from the catalog)");
    c.addHelpText("after", `\nExamples:\n${example}`);
    c.action(async (ref: string, opts: NewOptions) => {
      const ws = await openCatalog(io, opts.catalog);
      const ctx: ScaffoldContext = { ws };
      if (opts.modeline) ctx.modeline = { catalogDir: opts.catalog, schemasDir: typeof opts.modeline === "string" ? opts.modeline : defaultSchemasDir(opts.catalog) };
      const plan = valueOr(io, await scaffold(ctx, ask, { ...opts, ref }));
      setExit(await writePlan(io, ws, plan, opts));
    });
  };

  sub("user", "<name>", "A user: users/<name>.yaml.", "  $ mlcat new user alice --display-name Alice --github alice-gh --github-id 1001 --email alice@example.com", async (ctx, _ask, o) =>
    scaffoldUser(ctx, {
      name: String(o.ref),
      ...str(o, "displayName"),
      ...(o.github !== undefined && { githubLogin: String(o.github) }),
      ...(o.githubId !== undefined && { githubId: toInteger(o.githubId, "--github-id") }),
      ...str(o, "email"),
      ...str(o, "bio"),
    }), (c) => c.option("--display-name <text>").option("--github <login>", "GitHub login").option("--github-id <id>", "GitHub numeric user id").option("--email <email>").option("--bio <text>"));

  sub("org", "<name>", "An organization: orgs/<name>/organization.yaml, with its first owner.", "  $ mlcat new org acme --owner alice --visibility public --description \"Acme's ML.\"", async (ctx, ask, o) =>
    scaffoldOrganization(ctx, {
      name: String(o.ref),
      owner: await requireValue(ask, o.owner as string | undefined, "--owner <user>", "The organization's first owner (a username)"),
      ...str(o, "displayName"),
      ...str(o, "description"),
      ...(o.visibility !== undefined && { visibility: o.visibility as Visibility }),
      ...str(o, "website"),
    }), (c) => c.option("--owner <user>", "the first owner (required)").option("--display-name <text>").option("--description <text>").addOption(visibility("private")).option("--website <url>"));

  sub("team", "<org/team>", "A team: orgs/<org>/teams/<team>.yaml.", "  $ mlcat new team acme/ml --member alice:admin --member bob --project churn:member", async (ctx, ask, o) => {
    let members = (o.member as string[] | undefined) ?? [];
    if (members.length === 0) members = collect(await requireValue(ask, undefined, "--member <user[:role]>", "Team members (user or user:role, comma-separated)"));
    return scaffoldTeam(ctx, {
      ref: String(o.ref),
      members: members.map((m) => { const [user, role] = withRole(m, "member", "--member"); return { user, role }; }),
      projects: ((o.project as string[] | undefined) ?? []).map((p) => { const [project, role] = withRole(p, "member", "--project"); return { project, role }; }),
      ...str(o, "description"),
    });
  }, (c) => c.option("--member <user[:role]>", "a member, role default member (repeatable)", collect).option("--project <project[:role]>", "project access (repeatable)", collect).option("--description <text>"));

  sub("connection", "<org/connection>", "A connection: orgs/<org>/connections/<conn>.yaml (the secret's name only).", "  $ mlcat new connection acme/s3-data --kind s3 --set bucket=s3://acme-data --secret aws-credentials", async (ctx, ask, o) =>
    scaffoldConnection(ctx, {
      ref: String(o.ref),
      kind: (await requireValue(ask, o.kind as string | undefined, "--kind <kind>", `The connection kind (${CONNECTION_KINDS.join(", ")})`)) as ConnectionKind,
      ...str(o, "description"),
      ...(o.tag !== undefined && { tags: o.tag as string[] }),
      ...(o.set !== undefined && { schema: keyValues(o.set as string[]) }),
      ...str(o, "secret"),
    }), (c) => c.addOption(new Option("--kind <kind>", "the Polyaxon connection kind (required)").choices(CONNECTION_KINDS)).option("--description <text>").option("--tag <tag>", "a tag (repeatable)", collect).option("--set <key=value>", "a schema setting, e.g. bucket=s3://data (repeatable)", (v: string, p: string[] = []) => [...p, v]).option("--secret <name>", "name of the Kubernetes secret"));

  sub("project", "<org/project>", "A project: orgs/<org>/projects/<p>/project.yaml and README.md.", "  $ mlcat new project acme/churn --owner alice --team ml --connection s3-data --tag tabular", async (ctx, ask, o) =>
    scaffoldProject(ctx, {
      ref: String(o.ref),
      owner: await requireValue(ask, o.owner as string | undefined, "--owner <user>", "The project's owner (a member of the organization)"),
      ...str(o, "team"),
      ...str(o, "description"),
      ...(o.tag !== undefined && { tags: o.tag as string[] }),
      ...(o.visibility !== undefined && { visibility: o.visibility as Visibility }),
      ...(o.connection !== undefined && { connections: o.connection as string[] }),
    }), (c) => c.option("--owner <user>", "the owner (required)").option("--team <team>", "the owning team").option("--description <text>").option("--tag <tag>", "a tag (repeatable)", collect).addOption(visibility()).option("--connection <name>", "a connection the project may use (repeatable)", collect));

  sub("component", "<org/name | org/project/name>", "A hub component (component.yaml, README.md, optionally a first version), or with three parts a project component spec.", "  $ mlcat new component acme/train --owner alice --version 1.0.0 --image python:3.12 --command \"python train.py\"\n  $ mlcat new component acme/churn/prepare --image python:3.12", async (ctx, ask, o) => {
    const ref = String(o.ref);
    const common = { ...str(o, "description"), ...(o.tag !== undefined && { tags: o.tag as string[] }), ...(o.command !== undefined && { command: String(o.command).split(/\s+/).filter(Boolean) }) };
    if (ref.split("/").length === 3) {
      return scaffoldProjectComponent(ctx, { ref, image: await requireValue(ask, o.image as string | undefined, "--image <image>", "The container image"), ...common });
    }
    const now = valueOr(io, resolveNow({ ...(o.at !== undefined && { at: String(o.at) }), env: io.env }));
    return scaffoldComponent(ctx, {
      ref,
      owner: await requireValue(ask, o.owner as string | undefined, "--owner <user>", "The component's owner (a member of the organization)"),
      ...str(o, "team"),
      ...(o.maintainer !== undefined && { maintainers: o.maintainer as string[] }),
      ...str(o, "version"),
      ...str(o, "image"),
      now,
      ...common,
    });
  }, (c) => c.option("--owner <user>", "the owner of a hub component (required)").option("--team <team>").option("--maintainer <user>", "a maintainer (repeatable)", collect).option("--description <text>").option("--tag <tag>", "a tag (repeatable)", collect).option("--version <tag>", "also write this first version (hub)").option("--image <image>", "container image (project component; hub with --version)").option("--command <command>", "container command, split on spaces").addOption(new Option("--at <time>").hideHelp()));

  sub("model", "<org/model>", "A registry model: orgs/<org>/models/<m>/model.yaml and a model card README.md.", "  $ mlcat new model acme/churn-model --owner alice --task binary-classification --framework xgboost --license Apache-2.0", async (ctx, ask, o) =>
    scaffoldModel(ctx, {
      ref: String(o.ref),
      owner: await requireValue(ask, o.owner as string | undefined, "--owner <user>", "The model's owner (a member of the organization)"),
      ...str(o, "team"),
      ...str(o, "description"),
      ...str(o, "task"),
      ...str(o, "framework"),
      ...str(o, "license"),
      ...(o.tag !== undefined && { tags: o.tag as string[] }),
    }), (c) => c.option("--owner <user>", "the owner (required)").option("--team <team>").option("--description <text>").option("--task <task>").option("--framework <name>").option("--license <spdx>").option("--tag <tag>", "a tag (repeatable)", collect));
}

function visibility(defaultValue?: Visibility): Option {
  const o = new Option("--visibility <visibility>", "public or private").choices(["public", "private"]);
  return defaultValue ? o.default(defaultValue) : o;
}

/** `{[key]: value}` when the option is set. */
function str<K extends string>(o: NewOptions, key: K): Partial<Record<K, string>> {
  const v = o[key];
  return v === undefined ? {} : ({ [key]: String(v) } as Record<K, string>);
}

function withRole(text: string, fallback: Role, flag: string): [string, Role] {
  const [name = "", role = fallback] = text.split(":");
  if (!(ROLES as readonly string[]).includes(role)) throw new ExitError(2, `${flag} ${text}: "${role}" is not a role\n  hint: roles are ${ROLES.join(", ")}`);
  return [name, role as Role];
}

function keyValues(pairs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const i = pair.indexOf("=");
    if (i <= 0) throw new ExitError(2, `--set ${pair}: expected key=value\n  hint: e.g. --set bucket=s3://my-bucket`);
    out[pair.slice(0, i)] = pair.slice(i + 1);
  }
  return out;
}

function toInteger(value: unknown, flag: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new ExitError(2, `${flag} ${String(value)} is not a positive whole number\n  hint: the numeric id is on https://api.github.com/users/<login>`);
  return n;
}
