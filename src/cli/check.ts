/** `mlcat check --base <rev> --actor <login>`: may the pull request's author make every change? */
import { Option, type Command } from "commander";
import { ExitError } from "../diagnostics/diagnostic.js";
import { GitError } from "../git/git-error.js";
import { checkPullRequest, type CheckResult } from "../pr-check/run-check.js";
import { escapeMarkdown } from "../report/github.js";
import { visible } from "../report/code-frame.js";
import { reportSummary } from "../report/summary.js";
import { registerExplainCommand } from "./explain.js";
import type { CliIO } from "./io.js";
import { FORMATS, printReport, type Format } from "./output.js";

interface CheckFlags {
  base: string;
  head: string;
  actor: string;
  actorId?: string;
  repo: string;
  format: Format;
}

/** Register the pull-request commands, `check` and `explain`, on `program`. */
export function registerPullRequestCommands(program: Command, io: CliIO, setExit: (code: number) => void): void {
  registerCheckCommand(program, io, setExit);
  registerExplainCommand(program, io, setExit);
}

/** Register `check` on `program`; `setExit` receives the exit code. */
export function registerCheckCommand(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command("check")
    .description("Check a pull request: validate its head and decide, with the roles and policy of the base, whether its author may make each change.")
    .requiredOption("--base <rev>", "the branch or commit the pull request targets (roles and policy are read from it)")
    .option("--head <rev>", "the pull request's head", "HEAD")
    .requiredOption("--actor <login>", "the authenticated pull-request author's GitHub login (never the commit author)")
    .option("--actor-id <id>", "the author's numeric GitHub id: user files are then matched by github.id only (CI always passes it; without it the login is matched)")
    .option("--repo <dir>", "the repository folder", ".")
    .addOption(new Option("-f, --format <format>", "output format").choices(FORMATS).default("pretty"))
    .addHelpText(
      "after",
      `
Both catalogs are read from git objects; the diff starts at the merge-base of base and head.
Exit codes: 0 every change allowed and no errors, 1 a change denied or errors found, 2 bad usage, git failure or internal error.

Examples:
  $ mlcat check --base origin/main --actor octocat
  $ mlcat check --base "$BASE_SHA" --head "$HEAD_SHA" --actor "$AUTHOR" --actor-id "$AUTHOR_ID" --format github`,
    )
    .action(async (flags: CheckFlags) => {
      // An empty or odd author (a CI variable that did not expand) is bad usage, never "nobody".
      if (!/^[A-Za-z0-9][A-Za-z0-9-]{0,38}(\[bot\])?$/.test(flags.actor)) {
        throw new ExitError(2, `--actor must be the pull request author's GitHub login (letters, digits and hyphens, or a bot's login[bot]), not ${JSON.stringify(flags.actor)}`);
      }
      let actorId: number | undefined;
      if (flags.actorId !== undefined) {
        if (!/^[1-9]\d{0,15}$/.test(flags.actorId)) throw new ExitError(2, `--actor-id must be a positive number (GitHub's numeric user id), not ${JSON.stringify(flags.actorId)}`);
        actorId = Number(flags.actorId);
      }
      let result: CheckResult;
      try {
        result = await checkPullRequest({ cwd: flags.repo, base: flags.base, head: flags.head, actor: { login: flags.actor, ...(actorId !== undefined && { id: actorId }) } });
      } catch (err) {
        if (err instanceof GitError) throw new ExitError(2, `${err.message}\n  hint: ${err.hint}`);
        throw err;
      }
      const summary = reportSummary(result.diagnostics, result.files, result.entities);
      const denied = result.changes.filter((c) => !c.allowed).length;
      if (flags.format === "pretty") io.out(formatChanges(result));
      printReport(io, {
        format: flags.format,
        diagnostics: result.diagnostics,
        summary,
        jsonSummary: {
          ...result.revisions,
          actor: { login: result.actor.login, id: result.actor.id, user: result.actor.user },
          changes: result.changes.map((c) => ({ path: c.path, action: c.action, allowed: c.allowed, rules: c.decisions.map((d) => ({ rule: d.rule, allowed: d.allowed, reason: d.reason, approvers: d.approvers })) })),
          denied,
          failedClosed: result.failedClosed,
          files: result.files,
          errors: summary.errors,
          warnings: summary.warnings,
          infos: summary.infos,
        },
        title: `mlcat check: ${result.actor.login}, ${result.changes.length} changes, ${denied} denied`,
        getText: (f) => result.texts.get(f),
      });
      const summaryPath = io.env.GITHUB_STEP_SUMMARY;
      if (flags.format === "github" && summaryPath) io.appendFile(summaryPath, formatChangesMarkdown(result));
      setExit(summary.errors > 0 || denied > 0 || result.failedClosed ? 1 : 0);
    });
}

const short = (sha: string) => sha.slice(0, 10);

/** One line per change: allowed or denied, and by which rules. */
function formatChanges(result: CheckResult): string {
  const { base, head, mergeBase } = result.revisions;
  const lines = [`Checked ${result.changes.length} changed files by ${visible(result.actor.user ?? result.actor.login)} (base ${short(base)}, head ${short(head)}, merge-base ${short(mergeBase)}).`];
  if (result.failedClosed) lines.push(`Failed closed: ${result.failedClosed}.`);
  for (const c of result.changes) lines.push(`  ${c.allowed ? "allowed" : "DENIED "} ${c.action} ${visible(c.path)} (${[...new Set(c.decisions.map((d) => d.rule))].join(", ")})`);
  return lines.join("\n") + "\n\n";
}

/** The same list for the GitHub job summary. */
function formatChangesMarkdown(result: CheckResult): string {
  if (result.changes.length === 0) return "";
  const rows = result.changes.map((c) => `| ${c.allowed ? "✅" : "❌"} | ${c.action} | \`${c.path.replace(/[`|\r\n]/g, "_")}\` | ${escapeMarkdown([...new Set(c.decisions.map((d) => d.rule))].join(", "))} |`);
  return ["", "### Changes", "", "| | action | path | rules |", "| --- | --- | --- | --- |", ...rows, ""].join("\n");
}
