/** `mlcat build`, `mlcat dev` and `mlcat preview`: the catalog's static site. */
import { Option, type Command } from "commander";
import { relative } from "node:path";
import { ExitError, type Diagnostic } from "../diagnostics/diagnostic.js";
import { reportSummary } from "../report/summary.js";
import type { Audience } from "../site-data/types.js";
import { pageUrls } from "../site-data/sitemap.js";
import { normalizeBasePath } from "../site-data/urls.js";
import type { CliIO } from "./io.js";
import { plural } from "../text/plural.js";
import { printReport } from "./output.js";
import { waitForInterrupt } from "../runtime/interrupt.js";

/** The default output folder of the site (`dist/` holds the compiled library). */
export const DEFAULT_SITE_OUT = "site-dist";

interface SiteOptions {
  catalog: string;
  siteUrl?: string;
  basePath?: string;
  audience: Audience;
}

const audienceOption = () =>
  new Option(
    "--audience <audience>",
    "internal: everything; public: only public organizations, projects, components and models",
  )
    .choices(["internal", "public"])
    .default("internal");

/** Print a run's diagnostics the way `mlcat validate` does. */
function printDiagnostics(
  io: CliIO,
  diagnostics: Diagnostic[],
  counts: { files: number; entities: number },
  title: string,
): void {
  printReport(io, {
    format: "pretty",
    diagnostics,
    summary: reportSummary(diagnostics, counts.files, counts.entities),
    jsonSummary: {},
    title,
  });
}

/** Register `build`, `dev` and `preview` on `program`; `setExit` receives the exit code. */
export function registerBuildCommands(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command("build")
    .description(
      "Validate the catalog, then build its static site: pages, JSON API, JSON Schemas, sitemap and search index.",
    )
    .option("-c, --catalog <dir>", "the catalog folder", "catalog")
    .option("--out <dir>", "where the site goes (replaced whole, only when the build succeeds)", DEFAULT_SITE_OUT)
    .option("--site-url <url>", "the site's absolute URL (default: siteUrl in catalog.yaml)")
    .option("--base-path <path>", "the path the site is served under, e.g. /my-catalog (default: the site URL's path)")
    .addOption(audienceOption())
    .option(
      "--shard <i/n>",
      "render part i of n of the site (every cross-link intact); assemble the parts with mlcat join",
    )
    .addOption(new Option("--no-search", "skip the search index").hideHelp())
    .addHelpText(
      "after",
      `
A catalog with errors is not built: the errors are printed and the exit code is 1.
The site is written to a temporary folder and swapped in, so a failed build leaves
the previous site untouched. The footer's date is the build's time, or
SOURCE_DATE_EPOCH (seconds) when set; a part of a sharded build uses the catalog's
last commit, so that all parts agree.

Examples:
  $ mlcat build
  $ mlcat build --audience public --out public-site
  $ mlcat build --site-url https://acme.github.io --base-path /ml-catalog
  $ mlcat build --shard 2/4 --out part-2     # one job of a CI matrix; then mlcat join part-*`,
    )
    .action(async (opts: SiteOptions & { out: string; search: boolean; shard?: string }) => {
      const { buildSite } = await import("../site-build/build-site.js");
      const { parseShard } = await import("../site-data/shard.js");
      const shard = opts.shard === undefined ? undefined : parseShard(opts.shard);
      if (opts.shard !== undefined && !shard)
        throw new ExitError(2, `--shard takes i/n with 1 <= i <= n (e.g. 2/4), not ${JSON.stringify(opts.shard)}`);
      const now = sourceDate(io.env);
      const result = await buildSite({
        dir: opts.catalog,
        outDir: opts.out,
        audience: opts.audience,
        ...(opts.basePath !== undefined && { basePath: opts.basePath }),
        ...(opts.siteUrl !== undefined && { siteUrl: opts.siteUrl }),
        ...(shard && { shard }),
        ...(now && { now }),
        search: opts.search,
        ...(io.env.MLCAT_CACHE_DIR && { cache: io.env.MLCAT_CACHE_DIR }),
        progress: (line) => io.out(`${line}\n`),
      });
      const problems = result.diagnostics.filter((d) => d.severity !== "info");
      if (result.leaks && result.leaks.length > 0) {
        for (const leak of result.leaks) io.err(`mlcat: ${leak.file} names private "${leak.name}"\n`);
        io.err(
          `mlcat: not publishing the public site: ${result.leaks.length} file${result.leaks.length === 1 ? "" : "s"} would name something private (a bug in the audience filter: please report it); ${opts.out} is untouched\n`,
        );
        setExit(1);
        return;
      }
      if (!result.ok) {
        printDiagnostics(io, result.diagnostics, countsOf(result.summary), `mlcat build ${opts.catalog}`);
        io.err(
          `mlcat: not building the site: ${opts.catalog} has ${result.summary.errors} error${result.summary.errors === 1 ? "" : "s"} (fix them, then build again)\n`,
        );
        setExit(1);
        return;
      }
      if (problems.length > 0) printDiagnostics(io, problems, countsOf(result.summary), `mlcat build ${opts.catalog}`);
      const where = relative(process.cwd(), result.outDir) || ".";
      const pages = result.data ? pageUrls(result.data).length + 1 : 0;
      if (shard) {
        io.out(
          `\nBuilt part ${shard.index} of ${shard.count} of the ${opts.audience} site of ${opts.catalog} in ${(result.ms / 1000).toFixed(1)}s into ${where}/ (the site has ${pages} pages); join the parts with mlcat join\n`,
        );
        setExit(0);
        return;
      }
      io.out(
        `\nBuilt the ${opts.audience} site of ${opts.catalog} in ${(result.ms / 1000).toFixed(1)}s: ${pages} pages in ${where}/\n` +
          `Open it: run \`mlcat preview${where === DEFAULT_SITE_OUT ? "" : ` --out ${where}`}\` (in this repository: npm run mlcat -- preview${where === DEFAULT_SITE_OUT ? "" : ` --out ${where}`}),\n` +
          `then browse http://127.0.0.1:4321${result.data?.meta.basePath ?? "/"}\n`,
      );
      setExit(0);
    });

  program
    .command("join")
    .description("Assemble the parts of a sharded build (mlcat build --shard i/n) into one site with one search index.")
    .argument("<parts...>", "the parts' folders (the --out of each mlcat build --shard)")
    .option("--out <dir>", "where the site goes (replaced whole, only when the join succeeds)", DEFAULT_SITE_OUT)
    .addOption(new Option("--no-search", "skip the search index").hideHelp())
    .addHelpText(
      "after",
      `
The parts must be parts 1 to n of one build: the same commit and options. A file
that several parts wrote (home and list pages, schemas, sitemap) must be the same
in each; the joined pages are byte for byte those of a single build.

Example:
  $ mlcat join part-1 part-2 part-3 part-4 --out site-dist`,
    )
    .action(async (parts: string[], opts: { out: string; search: boolean }) => {
      const { joinSite } = await import("../site-build/join-site.js");
      const result = await joinSite({
        parts,
        outDir: opts.out,
        search: opts.search,
        progress: (line) => io.out(`${line}\n`),
      });
      io.out(
        `\nJoined ${plural(parts.length, "part")} into ${relative(process.cwd(), result.outDir) || "."}/: ${plural(result.files, "file")}\n`,
      );
      setExit(0);
    });

  program
    .command("dev")
    .description("Serve the site with live reload: edit a catalog file and the browser reloads.")
    .option("-c, --catalog <dir>", "the catalog folder", "catalog")
    .option("--port <port>", "port", "4321")
    .option("--host <host>", "host to listen on", "127.0.0.1")
    .option("--site-url <url>", "the site's absolute URL")
    .option("--base-path <path>", "the path the site is served under (default: the site URL's path)")
    .addOption(audienceOption())
    .action(async (opts: SiteOptions & { port: string; host: string }) => {
      const { startDevServer } = await import("../site-build/dev-server.js");
      try {
        const dev = await startDevServer({
          dir: opts.catalog,
          audience: opts.audience,
          ...(opts.basePath !== undefined && { basePath: opts.basePath }),
          ...(opts.siteUrl !== undefined && { siteUrl: opts.siteUrl }),
          port: Number(opts.port),
          host: opts.host,
          onReload: ({ ok, diagnostics }) => {
            if (ok) io.out("catalog changed: reloaded\n");
            else printDiagnostics(io, diagnostics, { files: 0, entities: 0 }, "mlcat dev");
          },
        });
        io.out(`mlcat dev: serving ${opts.catalog} at ${dev.url} (Ctrl+C to stop)\n`);
        await waitForInterrupt();
        await dev.stop();
      } catch (err) {
        const diagnostics = (err as { diagnostics?: Diagnostic[] }).diagnostics;
        if (!diagnostics) throw err;
        printDiagnostics(io, diagnostics, { files: 0, entities: 0 }, "mlcat dev");
        throw new ExitError(1, `not serving: ${opts.catalog} has errors (fix them, then run mlcat dev again)`);
      }
    });

  program
    .command("preview")
    .description("Serve a built site (mlcat build) locally.")
    .option("--out <dir>", "the built site", DEFAULT_SITE_OUT)
    .option("--port <port>", "port", "4321")
    .option("--host <host>", "host to listen on", "127.0.0.1")
    .action(async (opts: { out: string; port: string; host: string }) => {
      const { readSiteMarker } = await import("../site-build/output-dir.js");
      const { serveSite } = await import("../site-build/serve.js");
      const marker = await readSiteMarker(opts.out);
      if (!marker) throw new ExitError(1, `${opts.out} holds no built site: run mlcat build first (or pass --out)`);
      const { server, url } = await serveSite({
        dir: opts.out,
        basePath: normalizeBasePath(marker.basePath),
        port: Number(opts.port),
        host: opts.host,
      });
      io.out(`mlcat preview: serving ${opts.out}/ at ${url} (Ctrl+C to stop)\n`);
      await waitForInterrupt();
      server.close();
    });
}

/** Files and entities of a validation summary, for the report's last line. */
function countsOf(summary: { files: number; entities: Record<string, number> }): { files: number; entities: number } {
  return { files: summary.files, entities: Object.values(summary.entities).reduce((a, b) => a + b, 0) };
}

/** The build time reproducible builds ask for (SOURCE_DATE_EPOCH, in seconds), if set. */
function sourceDate(env: Record<string, string | undefined>): Date | undefined {
  const text = env.SOURCE_DATE_EPOCH;
  if (text === undefined || text === "") return undefined;
  if (!/^\d+$/.test(text))
    throw new ExitError(2, `SOURCE_DATE_EPOCH must be a whole number of seconds, not ${JSON.stringify(text)}`);
  return new Date(Number(text) * 1000);
}
