/** The `mlcat` command line: commands are registered here; errors are caught once. */
import { Command, CommanderError } from "commander";
import { ExitError, InternalError } from "../diagnostics/diagnostic.js";
import { validate } from "../validate.js";

/** Run the CLI with `argv` (as `process.argv`); resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command("mlcat")
    .description("The catalog of an ML organization, as YAML in git.")
    .exitOverride()
    .showHelpAfterError();
  let exitCode = 0;

  program
    .command("validate")
    .description("Validate a catalog folder: every problem at once, with file, line, column and a hint.")
    .argument("[catalog-dir]", "the catalog folder", "catalog")
    .action(async (dir: string) => {
      const result = await validate({ dir });
      for (const d of result.diagnostics) {
        process.stdout.write(`${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}\n  hint: ${d.hint}\n`);
      }
      process.stdout.write(`${result.summary.errors} errors, ${result.summary.warnings} warnings\n`);
      exitCode = result.summary.errors > 0 ? 1 : 0;
    });

  try {
    await program.parseAsync(argv as string[]);
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof ExitError) {
      if (err.message) process.stderr.write(`${err.message}\n`);
      return err.exitCode;
    }
    const internal = err instanceof InternalError ? err : new InternalError(String((err as Error)?.stack ?? err));
    process.stderr.write(`mlcat: internal error: ${internal.message}\nThis is a bug in mlcat; please report it with the command you ran.\n`);
    return 2;
  }
}
