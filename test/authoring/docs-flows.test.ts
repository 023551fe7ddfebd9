/**
 * docs/authoring.md shows the promote-an-experiment and promote-a-component
 * flows end to end on the embedded sample catalog. This test runs exactly the
 * commands of that section, on a copy of catalog/ in a temporary git
 * repository, and compares what they print with what the page says.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readCatalogDir } from "../../src/load/read-dir.js";
import { traceLineage } from "../../src/authoring/lineage-trace.js";
import { validate } from "../../src/validate.js";
import { runCli } from "../helpers/cli.js";
import { makeRepo, type TestRepo } from "../helpers/git-repo.js";

const REPO = fileURLToPath(new URL("../..", import.meta.url));

type Step =
  { kind: "write"; path: string; text: string } | { kind: "run"; line: string; args: string[]; expected: string };

/** The steps of every `console` block in the section headed `heading`; `undefined` when there is no such section. */
function readFlows(markdown: string, heading: string): Step[][] | undefined {
  const start = markdown.indexOf(`${heading}\n`);
  if (start === -1) return undefined;
  const rest = markdown.slice(start + heading.length);
  const section = rest.slice(0, rest.search(/\n## /) === -1 ? undefined : rest.search(/\n## /));
  return [...section.matchAll(/```console\n([\s\S]*?)```/g)].map((m) =>
    parseSteps(m[1]!.replace(/\n$/, "").split("\n")),
  );
}

function parseSteps(lines: string[]): Step[] {
  const steps: Step[] = [];
  for (let i = 0; i < lines.length;) {
    const line = lines[i++]!;
    if (!line.startsWith("$ ")) throw new Error(`output without a command: ${line}`);
    const heredoc = /^\$ cat > (\S+) <<'(\w+)'$/.exec(line);
    if (heredoc) {
      const body: string[] = [];
      while (i < lines.length && lines[i] !== heredoc[2]) body.push(lines[i++]!);
      i++;
      steps.push({ kind: "write", path: heredoc[1]!, text: `${body.join("\n")}\n` });
      continue;
    }
    const output: string[] = [];
    while (i < lines.length && !lines[i]!.startsWith("$ ")) output.push(lines[i++]!);
    const words = splitWords(line.slice(2));
    if (words[0] !== "npx" || words[1] !== "mlcat") throw new Error(`not an mlcat command: ${line}`);
    steps.push({ kind: "run", line, args: words.slice(2), expected: output.map((l) => `${l}\n`).join("") });
  }
  return steps;
}

/** Split a command line into words (double and single quotes, no escapes). */
function splitWords(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

/** Where the flows are shown: the docs page always; the README when the integrator has added the section. */
const SOURCES = [
  { file: "docs/authoring.md", section: "## End to end on the sample catalog", required: true },
  { file: "README.md", section: "## Authoring: promote an experiment, promote a component", required: false },
];

/** A copy of the sample catalog in a new git repository, the working directory while `body` runs. */
async function inSampleRepo(body: (repo: TestRepo) => Promise<void>): Promise<void> {
  const files: Record<string, string> = {};
  for (const raw of await readCatalogDir(join(REPO, "catalog")))
    files[raw.relPath] = new TextDecoder().decode(raw.bytes);
  const repo = makeRepo(files);
  const cwd = process.cwd();
  process.chdir(repo.dir);
  try {
    await body(repo);
  } finally {
    process.chdir(cwd);
    repo.remove();
  }
}

/** Run a flow's steps, comparing each command's output and failure with the page. */
async function runFlow(repo: TestRepo, flow: Step[]): Promise<void> {
  for (const step of flow) {
    if (step.kind === "write") {
      repo.write({ [step.path]: step.text });
      continue;
    }
    const run = await runCli(step.args);
    expect({ command: step.line, output: run.stdout + run.stderr }).toEqual({
      command: step.line,
      output: step.expected,
    });
    expect({ command: step.line, failed: run.code !== 0 }).toEqual({
      command: step.line,
      failed: /^mlcat: /m.test(step.expected),
    });
  }
}

describe("docs/authoring.md: end to end on the sample catalog", () => {
  const flows = readFlows(readFileSync(join(REPO, "docs/authoring.md"), "utf8"), SOURCES[0]!.section)!;

  it("has the two flows, each running mlcat", () => {
    expect(flows).toHaveLength(2);
    for (const flow of flows) expect(flow.some((s) => s.kind === "run")).toBe(true);
  });

  it("every command prints what the page says, and the catalog is left valid with the lineage resolved", async () => {
    await inSampleRepo(async (repo) => {
      for (const flow of flows) await runFlow(repo, flow);
      const result = await validate({ dir: "catalog" });
      expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      const chain = traceLineage(result.catalog, "northwind/fraud-scorer:1.4.0");
      expect(chain.ok && chain.value.at(-1)?.key).toBe("northwind/xgboost-train:1.2.0");
      const published = readFileSync("catalog/orgs/northwind/components/build-features/versions/1.0.0.yaml");
      expect(published).toEqual(
        readFileSync("catalog/orgs/northwind/projects/fraud-detection/components/build-features.yaml"),
      );
      expect(readFileSync("catalog/orgs/northwind/components/build-features/component.yaml", "utf8")).toContain(
        `      path: components/build-features.yaml\n      commit: ${repo.git("rev-parse", "HEAD")}\n`,
      );
    });
  });
});

describe("the promote flows, wherever they are shown", () => {
  it("works as written wherever the flows are shown (docs/authoring.md, and README.md once it has the section)", async () => {
    const shown = SOURCES.map((src) => ({
      ...src,
      flows: readFlows(readFileSync(join(REPO, src.file), "utf8"), src.section),
    }));
    for (const src of shown) if (src.required) expect(src.flows, `${src.file} has "${src.section}"`).toBeDefined();
    for (const src of shown.filter((s) => s.flows !== undefined)) {
      await inSampleRepo(async (repo) => {
        for (const flow of src.flows!) await runFlow(repo, flow);
      });
    }
  });
});
