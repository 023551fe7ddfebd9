/** The shipped workflow and action keep the trust model: the verdict runs base code only, with least privilege. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  if?: string;
  permissions?: Record<string, string>;
  steps: Step[];
}

const workflow = parse(readFileSync(".github/workflows/validate.yml", "utf8")) as {
  on: Record<string, unknown>;
  permissions: unknown;
  jobs: Record<string, Job>;
};
const action = parse(readFileSync("action.yml", "utf8")) as { runs: { using: string; steps: Step[] } };
const runs = (steps: Step[]) => steps.flatMap((s) => (s.run ? [s.run] : []));

describe(".github/workflows/validate.yml", () => {
  it("validates on push and pull_request, and decides permissions on pull_request_target", () => {
    expect(Object.keys(workflow.on).sort()).toEqual(["pull_request", "pull_request_target", "push"]);
    expect(workflow.jobs.validate!.if).toBe("github.event_name != 'pull_request_target'");
    expect(workflow.jobs.check!.if).toBe("github.event_name == 'pull_request_target'");
    expect(runs(workflow.jobs.validate!.steps).at(-1)).toBe("node bin/mlcat.js validate --format github");
  });

  it("grants nothing by default and each job read access only", () => {
    expect(workflow.permissions).toEqual({});
    for (const job of Object.values(workflow.jobs)) expect(job.permissions).toEqual({ contents: "read" });
  });

  it("checks out the base, never the head, and keeps no credentials in the checkout", () => {
    const checkouts = workflow.jobs.check!.steps.filter((s) => s.uses?.startsWith("actions/checkout@"));
    expect(checkouts).toHaveLength(1);
    expect(checkouts[0]!.with).toMatchObject({ ref: "${{ github.sha }}", "persist-credentials": false });
    expect(JSON.stringify(workflow.jobs.check!.steps)).not.toMatch(/checkout[^"]*"[^}]*head/);
  });

  it("installs without install scripts, fetches the head only as git objects, and runs the base's mlcat", () => {
    const check = runs(workflow.jobs.check!.steps).join("\n");
    expect(check).toContain("npm ci --ignore-scripts");
    expect(check).toMatch(
      /git -c "http\.extraheader=\$auth" fetch --no-tags origin "\+refs\/pull\/\$\{PR_NUMBER\}\/head:/,
    );
    expect(check).toContain(
      'node bin/mlcat.js check --base "$BASE_SHA" --head "$HEAD_SHA" --actor "$AUTHOR" --actor-id "$AUTHOR_ID" --pusher "$SENDER:$SENDER_ID" --format github',
    );
    expect(check).not.toMatch(/npm (run|test|install)|npx |git (checkout|switch|merge|worktree)/);
  });

  it("restores the content cache everywhere, saves it only from pushes to the default branch, never from the gate", () => {
    const uses = (job: Job) => job.steps.flatMap((s) => (s.uses?.startsWith("actions/cache") ? [s] : []));
    expect(uses(workflow.jobs.check!).map((s) => s.uses)).toEqual([
      "actions/cache/restore@0057852bfaa89a56745cba8c7296529d2fc39830",
    ]);
    expect(workflow.jobs.check!.steps.at(-1)!.env).toMatchObject({ MLCAT_CACHE_DIR: ".mlcat-cache" });
    const saves = uses(workflow.jobs.validate!).filter((s) => s.uses!.startsWith("actions/cache/save"));
    expect(saves).toHaveLength(1);
    expect((saves[0] as Step & { if?: string }).if).toBe(
      "github.event_name == 'push' && github.ref_name == github.event.repository.default_branch",
    );
  });

  it("passes event data through the environment, never into a shell script", () => {
    for (const script of [...Object.values(workflow.jobs).flatMap((j) => runs(j.steps)), ...runs(action.runs.steps)])
      expect(script).not.toContain("${{");
    expect(workflow.jobs.check!.steps.at(-1)!.env).toMatchObject({
      AUTHOR: "${{ github.event.pull_request.user.login }}",
      AUTHOR_ID: "${{ github.event.pull_request.user.id }}",
    });
  });

  it("judges the event's sender (who pushed) as well as the pull request's author, both as GitHub authenticated them", () => {
    expect(workflow.jobs.check!.steps.at(-1)!.env).toMatchObject({
      SENDER: "${{ github.event.sender.login }}",
      SENDER_ID: "${{ github.event.sender.id }}",
    });
  });
});

describe("action.yml", () => {
  it("is a composite action that installs mlcat without install scripts and runs validate or check", () => {
    expect(action.runs.using).toBe("composite");
    const script = runs(action.runs.steps).join("\n");
    expect(script).toContain("npm ci --ignore-scripts");
    expect(script).toContain('node "$MLCAT" validate "$CATALOG" --format "$FORMAT"');
    expect(script).toContain('node "$MLCAT" check "$@"');
  });

  it("passes the event's sender as a pusher, and the author's id only with the author's own login", () => {
    const env = action.runs.steps.find((s) => s.run?.includes('node "$MLCAT" check'))!.env!;
    expect(env.PUSHER).toBe(
      "${{ inputs.pusher || github.event.pull_request && format('{0}:{1}', github.event.sender.login, github.event.sender.id) || '' }}",
    );
    expect(env.AUTHOR_ID).toBe(
      "${{ inputs.actor && inputs.actor-id || !inputs.actor && github.event.pull_request.user.id || '' }}",
    );
    expect(runs(action.runs.steps).join("\n")).toContain(
      'if [ -n "$PUSHER" ]; then set -- "$@" --pusher "$PUSHER"; fi',
    );
  });
});

describe("compiling mlcat in CI", () => {
  const compiles = [...Object.values(workflow.jobs).map((j) => runs(j.steps)), runs(action.runs.steps)];
  it("writes the precompiled schema validators and the CLI bundle after every TypeScript compile, as npm run compile and prepare do", () => {
    const scripts = JSON.parse(readFileSync("package.json", "utf8")).scripts as Record<string, string>;
    expect(scripts.compile).toBe(
      "tsc -p tsconfig.build.json && node scripts/gen-validators.ts && node scripts/bundle-cli.ts",
    );
    expect(scripts.prepare).toBe("node scripts/prepare.js");
    for (const steps of compiles) {
      const lines = steps.flatMap((r) => r.split("\n").map((l) => l.trim()));
      const tsc = lines.findIndex((l) => l.includes("typescript/bin/tsc"));
      expect(tsc).toBeGreaterThanOrEqual(0);
      expect(lines.slice(tsc + 1, tsc + 3)).toEqual(["node scripts/gen-validators.ts", "node scripts/bundle-cli.ts"]);
    }
  });
});

describe("third-party actions and permissions", () => {
  const files = [".github/workflows/validate.yml", ".github/workflows/deploy.yml", "action.yml"];
  it("pins every action by its full commit SHA, with the tag as a comment", () => {
    for (const file of files) {
      const uses = [...readFileSync(file, "utf8").matchAll(/^\s*(?:- )?uses: (.+)$/gm)].map((m) => m[1]!);
      expect(uses.length, file).toBeGreaterThan(0);
      for (const u of uses) expect(u, file).toMatch(/^[\w-]+\/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
    }
  });

  it("gives Pages write access to the deploy job only", () => {
    const deploy = parse(readFileSync(".github/workflows/deploy.yml", "utf8")) as {
      permissions: unknown;
      jobs: Record<string, Job>;
    };
    expect(deploy.permissions).toEqual({});
    expect(deploy.jobs.build!.permissions).toEqual({ contents: "read", pages: "read" });
    expect(deploy.jobs.deploy!.permissions).toEqual({ pages: "write", "id-token": "write" });
    expect(deploy.jobs.deploy!.steps.map((s) => s.uses)).toEqual([
      "actions/deploy-pages@d6db90164ac5ed86f2b6aed7e0febac5b3c0c03e",
    ]);
  });
});
