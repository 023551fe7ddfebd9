/** `mlcat check --base <rev> --actor <login> [--pusher <login[:id]>]...`: may the pull request's author, and everyone who pushed to it, make every change? */
import { Option, type Command } from "commander";
import { compareDiagnostics, ExitError, type Diagnostic } from "../diagnostics/diagnostic.js";
import { joinAnd, plural } from "../text/plural.js";
import { GitError } from "../git/git-error.js";
import { checkPullRequest, type CheckResult } from "../pr-check/run-check.js";
import type { Principal, PrincipalInput } from "../pr-check/principals.js";
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
  pusher: string[];
  repo: string;
  catalog: string;
  format: Format;
  all?: boolean;
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
    .description(
      "Check a pull request: validate its head and decide, with the roles and policy of the base, whether its author may make each change.",
    )
    .requiredOption("--base <rev>", "the branch or commit the pull request targets (roles and policy are read from it)")
    .option("--head <rev>", "the pull request's head", "HEAD")
    .requiredOption("--actor <login>", "the authenticated pull-request author's GitHub login (never the commit author)")
    .option(
      "--actor-id <id>",
      "the author's numeric GitHub id: user files are then matched by github.id only (CI always passes it; without it the login is matched)",
    )
    .option(
      "--pusher <login[:id]>",
      "someone else who pushed to the pull request's branch (CI: the event's sender), judged as well as the author; repeatable; the id after a colon",
      (value: string, previous: string[]) => [...previous, value],
      [],
    )
    .option("--repo <dir>", "the repository folder", ".")
    .option("-c, --catalog <dir>", "the catalog folder, from the repository's root", "catalog")
    .addOption(new Option("-f, --format <format>", "output format").choices(FORMATS).default("pretty"))
    .option(
      "--all",
      "also show the problems that were already there before the pull request, in files it did not change (counted in one line otherwise)",
    )
    .addHelpText(
      "after",
      `
Both catalogs are read from git objects. What merging the head into the base would change is judged: the head's own
changes when the base has not moved since the branch forked, else git's merge of the two (git 2.38 or later); a branch
that does not merge cleanly is denied.
A change is allowed only when the author and every pusher may make it (a pusher who is the author is judged once).
Shown: the problems of the files the pull request changed, and those its changes bring to other files; the problems
that were already there where the branch started are counted in one line (--all shows them). Errors fail the check either way.
Exit codes: 0 every change allowed and no errors, 1 a change denied or errors found, 2 bad usage, git failure or internal error.

Examples:
  $ mlcat check --base origin/main --actor octocat
  $ mlcat check --base "$BASE_SHA" --head "$HEAD_SHA" --actor "$AUTHOR" --actor-id "$AUTHOR_ID" --pusher "$SENDER:$SENDER_ID" --format github`,
    )
    .action(async (flags: CheckFlags) => {
      // An empty or odd author (a CI variable that did not expand) is bad usage, never "nobody".
      if (!LOGIN.test(flags.actor)) {
        throw new ExitError(
          2,
          `--actor must be the pull request author's GitHub login (letters, digits and hyphens, or a bot's login[bot]), not ${JSON.stringify(flags.actor)}`,
        );
      }
      let actorId: number | undefined;
      if (flags.actorId !== undefined) {
        if (!ID.test(flags.actorId))
          throw new ExitError(
            2,
            `--actor-id must be a positive number (GitHub's numeric user id), not ${JSON.stringify(flags.actorId)}`,
          );
        actorId = Number(flags.actorId);
      }
      const pushers = flags.pusher.map(parsePusher);
      let result: CheckResult;
      try {
        result = await checkPullRequest({
          cwd: flags.repo,
          dir: flags.catalog,
          base: flags.base,
          head: flags.head,
          actor: { login: flags.actor, ...(actorId !== undefined && { id: actorId }) },
          principals: pushers,
          framesForPreexisting: flags.all === true,
          // The content cache is the environment's choice, made here: the library reads no environment.
          ...(io.env.MLCAT_CACHE_DIR && { cache: io.env.MLCAT_CACHE_DIR }),
        });
      } catch (err) {
        if (err instanceof GitError) throw new ExitError(2, `${err.message}\n  hint: ${err.hint}`);
        throw err;
      }
      const shown = flags.all
        ? [...result.diagnostics, ...result.preexisting].sort(compareDiagnostics)
        : result.diagnostics;
      const summary = reportSummary(shown, result.files, result.entities);
      const before = reportSummary(result.preexisting, 0, 0);
      const denied = result.changes.filter((c) => !c.allowed).length;
      if (flags.format === "pretty") io.out(formatChanges(result));
      printReport(io, {
        format: flags.format,
        diagnostics: shown,
        summary,
        ...(!flags.all &&
          result.preexisting.length > 0 && {
            note: preexistingNote(result.preexisting),
            noProblems: `No problems in what this pull request changes (${plural(result.entities, "entity", "entities")} in ${plural(result.files, "file")} checked).`,
          }),
        jsonSummary: {
          ...result.revisions,
          actor: { login: result.actor.login, id: result.actor.id, user: result.actor.user },
          principals: result.principals.map((p) => ({ as: p.as, login: p.login, id: p.id, user: p.user })),
          changes: result.changes.map((c) => ({
            path: c.path,
            action: c.action,
            allowed: c.allowed,
            rules: c.decisions.map((d) => ({
              rule: d.rule,
              allowed: d.allowed,
              reason: d.reason,
              approvers: d.approvers,
              ask: d.ask,
              principal: d.principal.login,
              as: d.principal.as,
              chain: d.chain,
            })),
          })),
          denied,
          failedClosed: result.failedClosed,
          files: result.files,
          errors: summary.errors,
          warnings: summary.warnings,
          infos: summary.infos,
          // The problems already there before the pull request (left out of `diagnostics` unless --all).
          preexisting: {
            errors: before.errors,
            warnings: before.warnings,
            infos: before.infos,
            files: new Set(result.preexisting.map((d) => d.file)).size,
            shown: flags.all === true,
          },
        },
        title: `mlcat check: ${result.principals.map((p) => p.login).join(", ")}, ${result.changes.length} changes, ${denied} denied`,
        getText: (f) => result.texts.get(f),
      });
      const summaryPath = io.env.GITHUB_STEP_SUMMARY;
      if (flags.format === "github" && summaryPath) io.appendFile(summaryPath, formatChangesMarkdown(result));
      setExit(summary.errors > 0 || before.errors > 0 || denied > 0 || result.failedClosed ? 1 : 0);
    });
}

/** A GitHub login (or a bot's `login[bot]`) and a numeric GitHub id. */
const LOGIN = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}(\[bot\])?$/;
const ID = /^[1-9]\d{0,15}$/;

/** `--pusher login` or `--pusher login:id` (a login holds no colon, so the id pairs with its login). */
function parsePusher(value: string): PrincipalInput {
  const colon = value.lastIndexOf(":");
  const [login, id] = colon < 0 ? [value, undefined] : [value.slice(0, colon), value.slice(colon + 1)];
  if (!LOGIN.test(login) || (id !== undefined && !ID.test(id))) {
    throw new ExitError(
      2,
      `--pusher must be a GitHub login, optionally with its numeric id after a colon (octocat or octocat:583231), not ${JSON.stringify(value)}`,
    );
  }
  return { login, ...(id !== undefined && { id: Number(id) }), as: "pusher" };
}

const short = (sha: string) => sha.slice(0, 10);
const nameOf = (p: Principal) => visible(p.user ?? p.login);

/** Who was judged: the author alone, or everyone with how they are involved. */
function judged(result: CheckResult): string {
  if (result.principals.length === 1) return nameOf(result.principals[0]!);
  return result.principals.map((p) => `${nameOf(p)} (${p.as})`).join(" and ");
}

/** The rules of a change, and with several principals whom it was denied for. */
function rulesOf(result: CheckResult, change: CheckResult["changes"][number]): string {
  const rules = [...new Set(change.decisions.map((d) => d.rule))].join(", ");
  if (result.principals.length === 1 || change.allowed) return rules;
  const denied = result.principals.filter((p) =>
    change.decisions.some(
      (d) => !d.allowed && d.principal.as === p.as && d.principal.login === p.login && d.principal.id === p.id,
    ),
  );
  return `${rules}; denied for ${denied.map((p) => `the ${p.as} ${nameOf(p)}`).join(" and ")}`;
}

/** One line per change: allowed or denied, and by which rules. */
function formatChanges(result: CheckResult): string {
  const { base, head, mergeBase, mergeTree } = result.revisions;
  const merge = mergeTree === undefined ? "" : `, judged on the merge result ${short(mergeTree)}`;
  const lines = [
    `Checked ${plural(result.changes.length, "changed file")} by ${judged(result)} (base ${short(base)}, head ${short(head)}, merge-base ${short(mergeBase)}${merge}).`,
  ];
  if (result.failedClosed) lines.push(`Failed closed: ${result.failedClosed}.`);
  for (const c of result.changes)
    lines.push(`  ${c.allowed ? "allowed" : "DENIED "} ${c.action} ${visible(c.path)} (${rulesOf(result, c)})`);
  return lines.join("\n") + "\n\n";
}

/**
 * The one line about the problems already there before the pull request:
 * how many, in how many files, and how to see them; errors among them still fail the check.
 */
export function preexistingNote(preexisting: readonly Diagnostic[]): string {
  const counts = reportSummary(preexisting, 0, 0);
  const parts = [
    ...(counts.errors > 0 ? [plural(counts.errors, "error")] : []),
    ...(counts.warnings > 0 ? [plural(counts.warnings, "warning")] : []),
    ...(counts.infos > 0 ? [plural(counts.infos, "info")] : []),
  ];
  const files = new Set(preexisting.map((d) => d.file)).size;
  const also =
    counts.errors > 0
      ? `; ${counts.errors === 1 ? "the error fails" : "the errors fail"} the check too: fix ${counts.errors === 1 ? "it" : "them"} on the base branch`
      : "";
  return `Not shown: ${joinAnd(parts)} already there before this pull request, in ${plural(files, "file")} it did not change (run mlcat check with --all to see them)${also}.`;
}

/** The same list for the GitHub job summary. */
function formatChangesMarkdown(result: CheckResult): string {
  if (result.changes.length === 0) return "";
  const rows = result.changes.map(
    (c) =>
      `| ${c.allowed ? "✅" : "❌"} | ${c.action} | \`${c.path.replace(/[`|\r\n]/g, "_")}\` | ${escapeMarkdown(rulesOf(result, c))} |`,
  );
  return ["", "### Changes", "", "| | action | path | rules |", "| --- | --- | --- | --- |", ...rows, ""].join("\n");
}
