/** The `mlcat` command line: commands are registered here; errors are caught once. */
import { Command, CommanderError } from "commander";
import { ExitError, InternalError } from "../diagnostics/diagnostic.js";
import { processIO, type CliIO } from "./io.js";
import { describeSystemError, isSystemError } from "./system-error.js";
import { installInterruptHandlers } from "../runtime/interrupt.js";
import { didYouMean } from "../text/suggest.js";

/** Registers one command (or a family of commands) on the program. */
type Registrar = (program: Command, io: CliIO, setExit: (code: number) => void) => void;

/**
 * Every command, in help order, with the module that registers it. Modules are
 * imported only when needed: `mlcat validate` does not load the site, the
 * authoring commands or the pull-request check (startup is part of every run).
 */
const COMMANDS: ReadonlyArray<{ names: readonly string[]; load: () => Promise<Registrar> }> = [
  { names: ["init"], load: async () => (await import("./init.js")).registerInitCommand },
  { names: ["validate"], load: async () => (await import("./validate.js")).registerValidateCommand },
  { names: ["import"], load: async () => (await import("./import.js")).registerImportCommand },
  { names: ["new"], load: async () => (await import("./new.js")).registerNewCommand },
  { names: ["org"], load: async () => (await import("./org.js")).registerOrgCommand },
  { names: ["promote"], load: async () => (await import("./promote.js")).registerPromoteCommand },
  { names: ["stage"], load: async () => (await import("./stage.js")).registerStageCommand },
  { names: ["alias"], load: async () => (await import("./alias.js")).registerAliasCommand },
  { names: ["reproduce"], load: async () => (await import("./reproduce.js")).registerReproduceCommand },
  { names: ["fmt"], load: async () => (await import("./fmt.js")).registerFmtCommand },
  { names: ["schema"], load: async () => (await import("./schema.js")).registerSchemaCommand },
  { names: ["build", "join", "dev", "preview"], load: async () => (await import("./build.js")).registerBuildCommands },
  { names: ["check", "explain"], load: async () => (await import("./check.js")).registerPullRequestCommands },
];

/** The commands `argv` needs registered: only the one it names, or all of them (help, version, unknown names). */
function commandsFor(argv: readonly string[]): typeof COMMANDS {
  const first = argv[2];
  const named =
    first === undefined || first.startsWith("-") ? undefined : COMMANDS.find((c) => c.names.includes(first));
  return named ? [named] : COMMANDS;
}

/** The program with the commands `argv` needs (default: every command) registered, writing to `io`. */
export async function createProgram(
  io: CliIO,
  setExit: (code: number) => void,
  argv: readonly string[] = [],
): Promise<Command> {
  const program = new Command("mlcat")
    .description("The catalog of an ML organization, as YAML in git: validate it, check pull requests, build its site.")
    .version(VERSION, "-V, --version")
    .exitOverride()
    // `-V, --version` is the program's only before a command: `promote experiment --version <tag>` is the command's.
    .enablePositionalOptions()
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  const registrars = await Promise.all(commandsFor(argv).map((c) => c.load()));
  for (const register of registrars) register(program, io, setExit);
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

/** A first word that names no command (`mlcat alias --help`) is bad usage, said before any help: exit 2 naming it. */
function refuseUnknownCommand(argv: readonly string[]): void {
  const first = argv[2];
  if (first === undefined || first.startsWith("-") || first === "help") return;
  const names = COMMANDS.flatMap((c) => c.names);
  if (names.includes(first)) return;
  throw new ExitError(
    2,
    `unknown command '${first}'${didYouMean(first, names)}\n  hint: the commands are ${names.join(", ")}; run mlcat --help for what each does`,
  );
}

/** Run the CLI with `argv` (as `process.argv`); resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  let exitCode = 0;
  if (io === processIO) installInterruptHandlers((text) => io.err(text));
  try {
    refuseUnknownCommand(argv);
    const program = await createProgram(io, (code) => (exitCode = code), argv);
    await program.parseAsync(argv as string[]);
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version exit 0; every usage error exits 2.
      return err.code === "commander.helpDisplayed" || err.code === "commander.version" || err.code === "commander.help"
        ? 0
        : 2;
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
    io.err(
      `mlcat: internal error: ${internal.message}\nThis is a bug in mlcat: please report it with the command you ran and the output above.\n`,
    );
    return 2;
  }
}
