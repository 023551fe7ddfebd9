/**
 * A Chromium for the site's browser tests, found or provisioned: the one
 * MLCAT_CHROMIUM names, else one on PATH or at a known place (Debian's,
 * Playwright's own); when there is none, Debian's `chromium` package (as
 * root, where apt-get is), else Playwright's download
 * (`npx playwright-core install chromium`); when that fails too, an error
 * that says exactly what to run.
 */
import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { delimiter, dirname, join } from "node:path";

/** Names Chromium's executable has on PATH. */
const NAMES = ["chromium", "chromium-browser", "google-chrome-stable", "google-chrome", "chrome"];

/** Where Chromium is installed when it is not on PATH. */
const KNOWN_PATHS = [
  "/usr/bin/chromium",
  "/usr/lib/chromium/chromium",
  "/usr/bin/chromium-browser",
  "/snap/bin/chromium",
  "/opt/google/chrome/chrome",
];

/** The commands that give this machine a Chromium, for the error message. */
export const INSTALL_COMMANDS = [
  "sudo apt-get install -y chromium            # Debian, Ubuntu (as root: without sudo)",
  "npx playwright-core install chromium        # anywhere Playwright's download is reachable",
  "export MLCAT_CHROMIUM=/path/to/chromium     # a Chromium or Chrome you already have",
];

/** Where to look: the environment and the places the platform installs to. */
export interface SearchPlaces {
  env: Record<string, string | undefined>;
  /** Playwright's own browser, where it downloaded one (`chromium.executablePath()`), if known. */
  playwright?: string;
  knownPaths?: readonly string[];
}

/** An executable regular file? */
function isExecutable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The Chromium to use, or undefined: MLCAT_CHROMIUM (or the older
 * CHROMIUM_PATH) when set, which must exist, else the first of PATH, the
 * known paths and Playwright's download that does.
 */
export function findChromium(places: SearchPlaces): string | undefined {
  const named = places.env.MLCAT_CHROMIUM || places.env.CHROMIUM_PATH;
  if (named) return isExecutable(named) ? named : undefined;
  for (const dir of (places.env.PATH ?? "").split(delimiter).filter(Boolean)) {
    for (const name of NAMES) if (isExecutable(join(dir, name))) return join(dir, name);
  }
  for (const path of [...(places.knownPaths ?? KNOWN_PATHS), ...(places.playwright ? [places.playwright] : [])])
    if (isExecutable(path)) return path;
  return undefined;
}

/** Playwright's browser path, as playwright-core computes it (whether or not it is downloaded). */
export function playwrightChromium(): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require("playwright-core") as { chromium: { executablePath(): string } };
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

/** One way to get a Chromium. */
export interface InstallStep {
  /** What it is, for the log. */
  what: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
}

/** What this machine can try, in order: Debian's package as root with apt-get, then Playwright's download. */
export function installSteps(machine: { root: boolean; aptGet: boolean; playwrightCli?: string }): InstallStep[] {
  const steps: InstallStep[] = [];
  if (machine.root && machine.aptGet) {
    const env = { DEBIAN_FRONTEND: "noninteractive" };
    steps.push({ what: "apt-get update", command: "apt-get", args: ["update", "-qq"], env });
    steps.push({
      what: "Debian's chromium (apt-get install chromium)",
      command: "apt-get",
      args: ["install", "-y", "-qq", "--no-install-recommends", "chromium"],
      env,
    });
  }
  if (machine.playwrightCli)
    steps.push({
      what: "Playwright's Chromium (npx playwright-core install chromium)",
      command: process.execPath,
      args: [machine.playwrightCli, "install", "chromium"],
    });
  return steps;
}

/** The message when no Chromium could be found or installed. */
export function noChromiumMessage(tried: readonly string[]): string {
  return [
    "The site's browser tests need Chromium, and none was found (MLCAT_CHROMIUM, PATH, /usr/bin/chromium, Playwright's download).",
    ...(tried.length > 0 ? [`Tried to install one: ${tried.join("; ")}.`] : []),
    "Install one with any of these, then run npm test again:",
    ...INSTALL_COMMANDS.map((c) => `  ${c}`),
  ].join("\n");
}

/** Whether a command is on PATH. */
function onPath(command: string, env: Record<string, string | undefined>): boolean {
  return (env.PATH ?? "").split(delimiter).some((dir) => dir !== "" && isExecutable(join(dir, command)));
}

/** playwright-core's CLI script, when the package is installed. */
function playwrightCli(): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    const cli = join(dirname(require.resolve("playwright-core/package.json")), "cli.js");
    return existsSync(cli) ? cli : undefined;
  } catch {
    return undefined;
  }
}

/** Where `provisionChromium` looks and what it may run (the defaults are this machine's). */
export interface ProvisionOptions {
  /** Tells what is being installed (it takes a while). */
  log?: (line: string) => void;
  env?: Record<string, string | undefined>;
  knownPaths?: readonly string[];
  /** Whether this process runs as root (apt-get needs it). */
  root?: boolean;
  /** playwright-core's CLI script; null: none. */
  playwrightCli?: string | null;
}

/**
 * A Chromium's path: found, or installed by the first step that works.
 * Throws with the commands to run when there is none.
 */
export function provisionChromium(options: ProvisionOptions = {}): string {
  const env = options.env ?? process.env;
  const log = options.log ?? ((l: string) => void process.stderr.write(`${l}\n`));
  const places = {
    env,
    playwright: playwrightChromium(),
    ...(options.knownPaths && { knownPaths: options.knownPaths }),
  };
  const found = findChromium(places);
  if (found) return found;
  if (env.MLCAT_CHROMIUM || env.CHROMIUM_PATH) {
    throw new Error(
      `MLCAT_CHROMIUM is ${env.MLCAT_CHROMIUM || env.CHROMIUM_PATH}, which is not an executable file.\n${noChromiumMessage([])}`,
    );
  }
  const cli = options.playwrightCli === undefined ? playwrightCli() : (options.playwrightCli ?? undefined);
  const root = options.root ?? process.getuid?.() === 0;
  const steps = installSteps({ root, aptGet: onPath("apt-get", env), ...(cli && { playwrightCli: cli }) });
  const tried: string[] = [];
  for (const step of steps) {
    log(`mlcat tests: no Chromium found; installing ${step.what}...`);
    const run = spawnSync(step.command, step.args, {
      env: { ...env, ...step.env },
      stdio: ["ignore", "ignore", "pipe"],
      timeout: 15 * 60_000,
    });
    if (run.status !== 0) {
      const last = String(run.stderr ?? run.error?.message ?? "")
        .trim()
        .split("\n")
        .at(-1);
      tried.push(`${step.what} failed${last ? ` (${last})` : ""}`);
      // An index that did not update still lets the next step try.
      continue;
    }
    const now = findChromium(places);
    if (now) {
      log(`mlcat tests: using ${now}`);
      return now;
    }
  }
  throw new Error(noChromiumMessage(tried));
}
