/**
 * `mlcat check` and secrets: every line the pull request's commits added is
 * scanned, with the allowlist of the BASE; the head's own allowlist and its
 * own secrets check never decide.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fingerprintSecret } from "../../src/secrets/allowlist.js";
import { checkPullRequest } from "../../src/pr-check/run-check.js";
import { runCli } from "../helpers/cli.js";
import { PR_BASE } from "../helpers/pr-catalog.js";
import { PrScenario } from "../helpers/pr-repo.js";
import { FAKE, utf16le } from "./fake-secrets.js";

const README = "orgs/acme/projects/churn/README.md";
const allowlisting = (value: string) =>
  `${PR_BASE["catalog.yaml"]}  secretsAllowlist:\n    - fingerprint: ${fingerprintSecret(value)}\n      reason: the vendor's public sandbox token\n`;
const secretsOf = (ds: Array<{ code: string; file: string; line: number }>) =>
  ds.filter((d) => d.code === "secret/detected").map(({ file, line }) => ({ file, line }));

describe("mlcat check scans the pull request's added lines for secrets", () => {
  let s: PrScenario;
  beforeAll(() => {
    s = new PrScenario({ ...PR_BASE, "orgs/acme/projects/forecast/README.md": `# Forecast\n\nold: ${FAKE.slack}\n` });
  });
  afterAll(() => s.remove());

  it("fails a secret added in one commit and removed in the next, and exits 1", async () => {
    s.repo.branch("leak", "main");
    s.repo.writeCatalog({ [README]: `# Churn\n\ntoken: ${FAKE.huggingface}\n` });
    s.repo.commit("readme");
    s.repo.writeCatalog({ [README]: "# Churn\n" });
    s.repo.commit("remove the token");
    s.repo.checkout("main");
    const result = await checkPullRequest({ cwd: s.repo.dir, base: "main", head: "leak", actor: { login: "alice" } });
    expect(result.changes.every((c) => c.allowed)).toBe(true);
    expect(secretsOf(result.diagnostics)).toEqual([{ file: `catalog/${README}`, line: 3 }]);
    const cli = await runCli([
      "check",
      "--base",
      "main",
      "--head",
      "leak",
      "--actor",
      "alice",
      "--repo",
      s.repo.dir,
      "--format",
      "json",
    ]);
    expect(cli.code).toBe(1);
    expect(cli.stdout).not.toContain(FAKE.huggingface.slice(3));
  });

  it("ignores an allowlist the pull request adds for its own secret", async () => {
    const result = await s.check({
      actor: "alice",
      change: { "catalog.yaml": allowlisting(FAKE.github), [README]: `# Churn\n\n${FAKE.github}\n` },
    });
    expect(secretsOf(result.diagnostics)).toEqual([{ file: `catalog/${README}`, line: 3 }]);
  });

  it("honours the allowlist of the base", async () => {
    s.commitToMain({ "catalog.yaml": allowlisting(FAKE.google) }, "allowlist the sandbox key");
    const result = await s.check({ actor: "alice", change: { [README]: `# Churn\n\nSandbox key: ${FAKE.google}\n` } });
    expect(secretsOf(result.diagnostics)).toEqual([]);
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("fails a UTF-16 file's secret and a file named after a token, and prints neither token anywhere", async () => {
    const named = `orgs/acme/projects/churn/${FAKE.github}.md`;
    const branch = s.openBranch({
      change: { [named]: "notes\n", "orgs/acme/projects/churn/notes.txt": utf16le(`aws: ${FAKE.awsAccessKey}\n`) },
    });
    s.repo.checkout("main");
    const cli = await runCli([
      "check",
      "--base",
      "main",
      "--head",
      branch,
      "--actor",
      "alice",
      "--repo",
      s.repo.dir,
      "--format",
      "json",
    ]);
    expect(cli.code).toBe(1);
    expect(cli.stdout).not.toContain(FAKE.github.slice(4));
    expect(cli.stdout).not.toContain(FAKE.awsAccessKey.slice(4));
    const report = JSON.parse(cli.stdout) as {
      diagnostics: Array<{ code: string; file: string; line: number }>;
      summary: { changes: Array<{ path: string }> };
    };
    const maskedPath = `catalog/orgs/acme/projects/churn/${"*".repeat(FAKE.github.length)}.md`;
    expect(secretsOf(report.diagnostics)).toEqual([
      { file: maskedPath, line: 1 },
      { file: "catalog/orgs/acme/projects/churn/notes.txt", line: 1 },
    ]);
    // The head's validation and the list of changes name the file too: masked.
    expect(report.diagnostics.filter((d) => d.code === "file/unknown-path").map((d) => d.file)).toEqual([
      maskedPath,
      "catalog/orgs/acme/projects/churn/notes.txt",
    ]);
    expect(report.summary.changes.map((c) => c.path)).toContain(maskedPath);
  });

  it("does not blame the pull request for a secret already on the base", async () => {
    const result = await s.check({
      actor: "alice",
      change: { "orgs/acme/projects/forecast/README.md": `# Forecast\n\nold: ${FAKE.slack}\nnew line\n` },
    });
    expect(secretsOf(result.diagnostics)).toEqual([]);
  });
});
