/** What the authoring commands share: open the catalog, turn refusals into exits, write a plan and report on it. */
import { posix } from "node:path";
import { Option, type Command } from "commander";
import { applyPlan, checkPlan } from "../authoring/apply-plan.js";
import type { Outcome, Refusal } from "../authoring/outcome.js";
import { changeBytes, type Plan } from "../authoring/plan.js";
import { openWorkspace, type Workspace } from "../authoring/workspace.js";
import { countBySeverity, ExitError, type Diagnostic } from "../diagnostics/diagnostic.js";
import { formatPretty } from "../report/pretty.js";
import type { CliIO } from "./io.js";

/** Options every authoring command takes. */
export interface AuthoringOptions {
  catalog: string;
  dryRun?: boolean;
  at?: string;
}

/** Add `--catalog`, `--dry-run` and the hidden `--at` (a fixed clock for tests) to `cmd`. */
export function addAuthoringOptions(cmd: Command, options: { dryRun?: boolean; at?: boolean } = {}): Command {
  cmd.option("-c, --catalog <dir>", "the catalog folder", "catalog");
  if (options.dryRun !== false) cmd.option("-n, --dry-run", "print the files instead of writing them");
  if (options.at) cmd.addOption(new Option("--at <time>", "the time to record (ISO), instead of now").hideHelp());
  return cmd;
}

/** The value of a successful outcome; a refusal exits (1, or 2 for bad usage) after printing its problems. */
export function valueOr<T>(io: CliIO, outcome: Outcome<T>, texts?: (file: string) => string | undefined): T {
  if (outcome.ok) return outcome.value;
  throw refusalExit(io, outcome.refusal, texts);
}

/** The exit for a refusal: problems (if any) on stdout, then the message and hint on stderr. */
export function refusalExit(io: CliIO, refusal: Refusal, texts?: (file: string) => string | undefined): ExitError {
  if (refusal.diagnostics?.length) io.out(printDiagnostics(io, refusal.diagnostics, texts));
  return new ExitError(refusal.usage ? 2 : 1, `${refusal.message}\n  hint: ${refusal.hint}`);
}

/** A command with subcommands run without a known one: exit 2, naming the choices. */
export function missingSubcommand(command: string, given: string | undefined, cmd: Command): never {
  const names = cmd.commands.map((c) => c.name()).filter((n) => n !== "help");
  const what =
    given === undefined
      ? `mlcat ${command} needs one of: ${names.join(", ")}`
      : `unknown command '${command} ${given}': use one of ${names.join(", ")}`;
  throw new ExitError(2, `${what}\n  hint: run mlcat ${command} --help for examples`);
}

/** Open the catalog folder or exit 2. */
export async function openCatalog(io: CliIO, dir: string): Promise<Workspace> {
  return valueOr(io, await openWorkspace(dir));
}

/** Write `plan` (or print it with `--dry-run`), then report what the checks say about the written files; returns the exit code. */
export async function writePlan(io: CliIO, ws: Workspace, plan: Plan, options: { dryRun?: boolean }): Promise<number> {
  const planned = new Map(
    plan.changes.map((c) => [posix.join(ws.root, c.relPath), new TextDecoder().decode(changeBytes(c))]),
  );
  if (options.dryRun) {
    for (const change of plan.changes) {
      io.out(
        `--- ${posix.join(ws.root, change.relPath)} (would be ${change.mode === "create" ? "created" : "updated"})\n`,
      );
      io.out(new TextDecoder().decode(changeBytes(change)));
    }
    // Checked as a real run checks before writing: a dry run that passes is a run that would write.
    const preview = checkPlan(ws, plan);
    if (!preview.ok) {
      io.out("(dry run: nothing was written)\n");
      throw refusalExit(
        io,
        { ...preview.refusal, message: preview.refusal.message.replace(/; nothing was written$/, "") },
        (f) => planned.get(f),
      );
    }
    if (preview.value.length > 0) io.out(printDiagnostics(io, preview.value, (f) => planned.get(f)));
    else io.out(`validated: no problems in the file${plan.changes.length === 1 ? "" : "s"} to write\n`);
    io.out("(dry run: nothing was written)\n");
    return 0;
  }
  const result = valueOr(io, await applyPlan(ws, plan), (f) => planned.get(f));
  const modes = new Map(plan.changes.map((c) => [posix.join(ws.root, c.relPath), c.mode]));
  for (const file of result.written) io.out(`${modes.get(file) === "create" ? "created" : "updated"} ${file}\n`);
  for (const note of plan.notes) io.out(`${note}\n`);
  const counts = countBySeverity(result.diagnostics);
  if (result.diagnostics.length) io.out(printDiagnostics(io, result.diagnostics, (f) => planned.get(f)));
  else io.out(`validated: no problems in the written file${result.written.length === 1 ? "" : "s"}\n`);
  if (result.otherErrors > 0)
    io.out(
      `note: the catalog has ${result.otherErrors} error${result.otherErrors === 1 ? "" : "s"} in other files (run mlcat validate ${ws.root})\n`,
    );
  if (counts.error > 0) {
    io.err("mlcat: the written files have errors (above): fix them before opening a pull request\n");
    return 1;
  }
  return 0;
}

function printDiagnostics(
  io: CliIO,
  diagnostics: readonly Diagnostic[],
  texts?: (file: string) => string | undefined,
): string {
  const counts = countBySeverity(diagnostics);
  const files = new Set(diagnostics.map((d) => d.file)).size;
  const color = io.env.NO_COLOR ? false : io.env.FORCE_COLOR ? true : io.isTTY;
  const options = texts ? { getText: texts, color } : { color };
  return formatPretty(
    diagnostics,
    { files, entities: files, errors: counts.error, warnings: counts.warning, infos: counts.info },
    options,
  );
}
