/**
 * Run the built CLI (bin/mlcat.js, compiled by `npm test`) in a child process:
 * for faults that need a real process (a missing git on PATH, a signal, an
 * unprivileged user, an injected full disk).
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";

/** What the process printed and how it ended. */
export interface SpawnRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Options of `spawnCli`. */
export interface SpawnOptions {
  cwd?: string;
  /** Added to (or, with a value of undefined, removed from) the environment. */
  env?: Record<string, string | undefined>;
  /** Modules to preload (`node --import`). */
  preload?: string[];
  /**
   * Run without the power to read every file. As root: through setpriv with
   * the capabilities that bypass file permissions dropped (still uid 0, so the
   * checkout's own folders stay reachable), or else as the user nobody.
   */
  unprivileged?: boolean;
  /** Called with each chunk of standard output; may kill the child. */
  onStdout?: (text: string, kill: (signal: NodeJS.Signals) => void) => void;
}

const BIN = resolve("bin/mlcat.js");

/** Run `mlcat <args>` with the node that runs the tests. */
export function spawnCli(args: string[], options: SpawnOptions = {}): Promise<SpawnRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", ASTRO_TELEMETRY_DISABLED: "1" };
  for (const [k, v] of Object.entries(options.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  const preload = (options.preload ?? []).flatMap((p) => ["--import", resolve(p)]);
  const root = options.unprivileged === true && process.getuid?.() === 0;
  const setpriv = root ? ["/usr/bin/setpriv", "/bin/setpriv"].find((p) => existsSync(p)) : undefined;
  const argv = [process.execPath, ...preload, BIN, ...args];
  const [command, ...rest] = setpriv
    ? [setpriv, "--bounding-set", "-dac_override,-dac_read_search", "--", ...argv]
    : argv;
  const child = spawn(command!, rest, {
    cwd: options.cwd ?? process.cwd(),
    env,
    stdio: ["ignore", "pipe", "pipe"],
    ...(root && !setpriv && { uid: 65534, gid: 65534 }),
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => {
    stdout += c.toString("utf8");
    options.onStdout?.(stdout, (signal) => child.kill(signal));
  });
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
  return new Promise((done, fail) => {
    child.on("error", fail);
    child.on("close", (code, signal) => done({ code, signal, stdout, stderr }));
  });
}
