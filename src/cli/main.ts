/** The `mlcat` command line: commands are registered here; errors are caught once. */
import { Command, CommanderError } from "commander";
import { ExitError, InternalError } from "../diagnostics/diagnostic.js";
import { processIO, type CliIO } from "./io.js";
import { describeSystemError, isSystemError } from "./system-error.js";
import { installInterruptHandlers } from "../runtime/interrupt.js";
import { registerImportCommand } from "./import.js";
import { registerValidateCommand } from "./validate.js";
import { registerNewCommand } from "./new.js";
import { registerPromoteCommand } from "./promote.js";
import { registerStageCommand } from "./stage.js";
import { registerFmtCommand } from "./fmt.js";
import { registerSchemaCommand } from "./schema.js";
import { registerBuildCommands } from "./build.js";
import { registerPullRequestCommands } from "./check.js";

/** The program with every command registered, writing to `io`. */
export function createProgram(io: CliIO, setExit: (code: number) => void): Command {
  const program = new Command("mlcat")
    .description("The catalog of an ML organization, as YAML in git: validate it, check pull requests, build its site.")
    .version(VERSION, "-V, --version")
    .exitOverride()
    // `-V, --version` is the program's only before a command: `promote experiment --version <tag>` is the command's.
    .enablePositionalOptions()
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  registerValidateCommand(program, io, setExit);
  registerImportCommand(program, io, setExit);
  registerNewCommand(program, io, setExit);
  registerPromoteCommand(program, io, setExit);
  registerStageCommand(program, io, setExit);
  registerFmtCommand(program, io, setExit);
  registerSchemaCommand(program, io, setExit);
  registerBuildCommands(program, io, setExit);
  registerPullRequestCommands(program, io, setExit);
  configureTree(program, io);
  return program;
}

/** Every (nested) subcommand exits through main's handler and writes to `io`. */
function configureTree(command: Command, io: CliIO): void {
  for (const cmd of command.commands) {
    cmd.exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
    configureTree(cmd, io);
  }
}

const VERSION = "0.1.0";

/** Run the CLI with `argv` (as `process.argv`); resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  let exitCode = 0;
  if (io === processIO) installInterruptHandlers((text) => io.err(text));
  const program = createProgram(io, (code) => (exitCode = code));
  try {
    await program.parseAsync(argv as string[]);
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version exit 0; every usage error exits 2.
      return err.code === "commander.helpDisplayed" || err.code === "commander.version" || err.code === "commander.help" ? 0 : 2;
    }
    if (err instanceof ExitError) {
      if (err.message) io.err(`mlcat: ${err.message}\n`);
      return err.exitCode;
    }
    if (isSystemError(err)) {
      io.err(`mlcat: ${describeSystemError(err)}\n`);
      return 2;
    }
    const internal = err instanceof InternalError ? err : new InternalError(String((err as Error)?.stack ?? err));
    io.err(`mlcat: internal error: ${internal.message}\nThis is a bug in mlcat: please report it with the command you ran and the output above.\n`);
    return 2;
  }
}
