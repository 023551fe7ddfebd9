/** `mlcat init`: a catalog repository's starting files, written once (files that exist are kept). */
import { Option, type Command } from "commander";
import { valueOr } from "./authoring-run.js";
import { planInit, writeInit } from "../init/init-repo.js";
import { validate } from "../validate.js";
import { ExitError } from "../diagnostics/diagnostic.js";
import { toInteger } from "./new-options.js";
import type { CliIO } from "./io.js";
import { posix } from "node:path";

interface InitFlags {
  githubLogin: string;
  githubId: string;
  user?: string;
  org?: string;
  title?: string;
  visibility?: "public" | "private";
  action?: string;
  catalog: string;
  dir: string;
  dryRun?: boolean;
}

/** Register `init` on `program`. */
export function registerInitCommand(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command("init")
    .description(
      "Start a catalog repository: the catalog (settings, you as its admin, an organization you own), .gitignore, editor settings, a pull-request template and the workflows that validate, check and deploy.",
    )
    .requiredOption(
      "--github-login <login>",
      "your GitHub login (you become the catalog admin and the organization's owner)",
    )
    .requiredOption(
      "--github-id <id>",
      "your numeric GitHub id (the `id` of https://api.github.com/users/<login>): CI knows you by it",
    )
    .option("--user <name>", "your catalog user name (default: your login, lowercased)")
    .option("--org <name>", "the organization to start with (default: the repository folder's name)")
    .option("--title <text>", "the catalog's title, on every page of the site (default: ML catalog)")
    .addOption(
      new Option(
        "--visibility <visibility>",
        "the organization's visibility: a public site (the deploy workflow's default audience) shows only public organizations",
      )
        .choices(["private", "public"])
        .default("private"),
    )
    .option(
      "--action <owner/repo@sha>",
      "the mlcat action the workflows run, pinned by commit (default: the commit package-lock.json installed mlcat from)",
    )
    .option("-c, --catalog <dir>", "the catalog folder, from the repository root", "catalog")
    .option("--dir <dir>", "the repository folder", ".")
    .option("-n, --dry-run", "list the files instead of writing them")
    .addHelpText(
      "after",
      `
Files that exist are kept as they are (.gitignore gets only the lines it lacks): running init again changes nothing.

Examples:
  $ mlcat init --github-login alice-m --github-id 1234567
  $ mlcat init --github-login alice-m --github-id 1234567 --org acme --action acme/mlcat@<commit-sha>`,
    )
    .action(async (flags: InitFlags) => {
      const plan = valueOr(
        io,
        planInit({
          dir: flags.dir,
          catalog: flags.catalog,
          githubLogin: flags.githubLogin,
          githubId: toInteger(flags.githubId, "--github-id"),
          ...(flags.user !== undefined && { user: flags.user }),
          ...(flags.org !== undefined && { org: flags.org }),
          ...(flags.title !== undefined && { title: flags.title }),
          ...(flags.visibility !== undefined && { visibility: flags.visibility }),
          ...(flags.action !== undefined && { action: flags.action }),
        }),
      );
      for (const f of plan.files)
        io.out(`${flags.dryRun ? `would be ${f.status === "kept" ? "kept" : f.status}` : f.status} ${f.path}\n`);
      for (const note of plan.notes) io.out(`note: ${note}\n`);
      if (flags.dryRun) {
        io.out("(dry run: nothing was written)\n");
        return setExit(0);
      }
      await writeInit(flags.dir, plan);
      const result = await validate({ dir: posix.join(flags.dir, plan.catalog) });
      if (result.summary.errors > 0)
        throw new ExitError(
          1,
          `${plan.catalog} has ${result.summary.errors === 1 ? "1 error" : `${result.summary.errors} errors`}: run mlcat validate to see them`,
        );
      io.out(
        `validated: ${plan.catalog} has no errors\nnext: mlcat new ... (see mlcat new --help), then commit and push; make the check job of .github/workflows/catalog.yml a required status check\n`,
      );
      setExit(0);
    });
}
