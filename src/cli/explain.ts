/** `mlcat explain --actor <login> <path-or-ref>`: the decision on one action, and the chain of roles and rules behind it. */
import { isAbsolute, join, relative } from "node:path";
import { Option, type Command } from "commander";
import { ExitError } from "../diagnostics/diagnostic.js";
import { GitError } from "../git/git-error.js";
import { readCatalogAt } from "../git/read-catalog.js";
import { loadCatalog, loadCatalogFromFiles } from "../load/load-catalog.js";
import type { Catalog } from "../model/catalog.js";
import { explainAction, ExplainUsageError, type Explanation } from "../pr-check/explain.js";
import { visible } from "../report/code-frame.js";
import type { CliIO } from "./io.js";

interface ExplainFlags {
  actor: string;
  actorId?: string;
  action?: string;
  repo: string;
  catalog: string;
  rev?: string;
  format: "pretty" | "json";
}

/** Register `explain` on `program`; `setExit` receives the exit code. */
export function registerExplainCommand(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command("explain")
    .description(
      "Explain whether a user may create, update or delete a catalog file (or move a model version to a stage), and why.",
    )
    .argument(
      "<path-or-ref>",
      "a catalog file (catalog/orgs/acme/projects/churn/project.yaml) or a reference (acme/churn, acme/train:1.0.0, alice)",
    )
    .requiredOption("--actor <login-or-user>", "the GitHub login (or catalog user name) to explain for")
    .option(
      "--actor-id <id>",
      "the numeric GitHub id: user files are then matched by github.id only (without it, by the login)",
    )
    .option(
      "--action <action>",
      "create, update, delete or stage:<stage> (default: update when the file exists, else create)",
    )
    .option("--repo <dir>", "the repository folder", ".")
    .option("-c, --catalog <dir>", "the catalog folder, from the repository's root", "catalog")
    .option(
      "--rev <rev>",
      "read the catalog from this git revision instead of the working tree (e.g. HEAD, origin/main)",
    )
    .addOption(new Option("-f, --format <format>", "output format").choices(["pretty", "json"]).default("pretty"))
    .addHelpText(
      "after",
      `
Exit codes: 0 allowed, 1 denied, 2 bad usage, git failure or internal error.

Examples:
  $ mlcat explain --actor octocat acme/churn
  $ mlcat explain --actor octocat catalog/orgs/acme/projects/churn/experiments/run-9.yaml --action create
  $ mlcat explain --actor octocat acme/churn-model:2.0.0 --action stage:production --rev origin/main`,
    )
    .action(async (target: string, flags: ExplainFlags) => {
      if (flags.actorId !== undefined && !/^[1-9]\d{0,15}$/.test(flags.actorId))
        throw new ExitError(2, `--actor-id must be a positive number, not ${JSON.stringify(flags.actorId)}`);
      const catalog = await readCatalog(flags);
      const path = isAbsolute(target) ? relative(flags.repo, target) : target;
      let explanation: Explanation;
      try {
        explanation = explainAction({
          catalog,
          actor: { login: flags.actor, ...(flags.actorId !== undefined && { id: Number(flags.actorId) }) },
          target: path,
          ...(flags.action !== undefined && { action: flags.action }),
          prefixes: [`${flags.catalog.replace(/\/+$/, "")}/`],
        });
      } catch (err) {
        if (err instanceof ExplainUsageError) throw new ExitError(2, err.message);
        throw err;
      }
      io.out(flags.format === "json" ? JSON.stringify(toJson(explanation)) + "\n" : formatExplanation(explanation));
      setExit(explanation.decision.allowed ? 0 : 1);
    });
}

/** The catalog of the working tree, or of a revision (read from git objects). */
async function readCatalog(flags: ExplainFlags): Promise<Catalog> {
  if (flags.rev === undefined) {
    const loaded = await loadCatalog({ dir: join(flags.repo, flags.catalog) });
    if (!loaded.catalog.has("Catalog", "catalog"))
      throw new ExitError(
        2,
        `no catalog at ${join(flags.repo, flags.catalog)}: run in the repository's folder or pass --repo <dir> (and --catalog <dir>)`,
      );
    return loaded.catalog;
  }
  try {
    const dir = flags.catalog.replace(/\/+$/, "");
    return loadCatalogFromFiles(await readCatalogAt({ cwd: flags.repo, rev: flags.rev, dir }), { root: dir }).catalog;
  } catch (err) {
    if (err instanceof GitError) throw new ExitError(2, `${err.message}\n  hint: ${err.hint}`);
    throw err;
  }
}

function toJson(e: Explanation) {
  return {
    path: e.path,
    action: e.action,
    actor: { login: e.actor.login, id: e.actor.id, user: e.actor.user },
    ...e.decision,
    ask: e.ask,
    ...(e.suggestion !== undefined && { suggestion: e.suggestion }),
  };
}

/** The decision, then the chain, then whom to ask. */
export function formatExplanation(e: Explanation): string {
  const who = visible(e.actor.user ?? e.actor.login);
  const d = e.decision;
  const lines = [
    `${d.allowed ? "allowed" : "denied"}: ${who} ${d.allowed ? "may" : "may not"} ${e.action} ${visible(e.path)}`,
    `  ${visible(d.reason)} (rule ${d.rule})`,
    "",
    "because:",
    ...d.chain.map((step, i) => `  ${i + 1}. ${visible(step)}`),
  ];
  if (!d.allowed)
    lines.push(
      "",
      e.ask.length > 0
        ? `ask: ${e.ask.map(visible).join(", ")}`
        : "nobody holds the role this needs: ask a catalog admin",
    );
  if (e.suggestion !== undefined)
    lines.push("", `hint: ${visible(e.actor.login)} matches no user file: ${e.suggestion}`);
  return lines.join("\n") + "\n";
}
