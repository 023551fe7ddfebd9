/** Prompts for required values, only when a terminal is attached; otherwise a missing value is a usage error. */
import { createInterface } from "node:readline/promises";
import { ExitError } from "../diagnostics/diagnostic.js";
import type { CliIO } from "./io.js";

/** Ask one question; resolves to the answer, or `undefined` when no one can answer. */
export type Ask = (question: string) => Promise<string | undefined>;

/** Ask on the terminal (stdin and stdout both TTYs); `undefined` otherwise. */
export function terminalAsk(io: CliIO): Ask {
  return async (question) => {
    if (!io.isTTY || !process.stdin.isTTY) return undefined;
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    try {
      return (await rl.question(`${question}: `)).trim();
    } finally {
      rl.close();
    }
  };
}

/** A required value: the flag's value, else the answer to a prompt, else exit 2 naming the flag. */
export async function requireValue(
  ask: Ask,
  value: string | undefined,
  flag: string,
  question: string,
): Promise<string> {
  if (value !== undefined && value !== "") return value;
  const answer = await ask(question);
  if (answer !== undefined && answer !== "") return answer;
  throw new ExitError(
    2,
    `missing ${flag}: ${question.toLowerCase()}\n  hint: pass ${flag}, or run in a terminal to be asked`,
  );
}

/** Collect a repeatable option's values; each value may also be a comma-separated list. */
export function collect(value: string, previous: string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(",")
      .map((v) => v.trim())
      .filter(Boolean),
  ];
}
