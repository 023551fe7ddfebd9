/**
 * Synthetic registry models: entry (license, task, owners, aliases), model
 * card, and versions in every stage with a stage history that moves forward
 * in time, lineage back to a real experiment and component version with
 * pinned input data, and what the stage policy asks of production: checksums,
 * a flavor, a signature, an evaluation and an input example. A version
 * that was promoted is written twice: first at its first stage, later with
 * its full history (so the history of the repository has updates too).
 */
import type { Stage } from "../model/types.js";
import { emitYaml } from "./emit-yaml.js";
import { isoTime, type GenContext, type GenOrg } from "./gen-context.js";
import { semverTag } from "./gen-hub.js";
import { NamePool } from "./name-pool.js";
import { DOMAINS, FRAMEWORKS, LICENSES, SENTENCES, TAG_VOCABULARY, TASKS } from "./words.js";

/** The stage path of the `i`-th of `n` versions: old ones ended disabled, one is in production, newer ones in staging or testing. */
function pathOf(i: number, n: number): Stage[] {
  if (i === n - 1) return n === 1 ? ["testing", "staging"] : ["testing"];
  if (i === n - 2) return ["testing", "staging", "production"];
  if (i === n - 3) return ["testing", "staging"];
  return ["testing", "staging", "production", "disabled"];
}

/** The artifact format and the package that loads it, per framework. */
const FLAVORS: Record<string, [format: string, pkg: string, version: string]> = {
  xgboost: ["xgboost-json", "xgboost", "2.1.3"],
  pytorch: ["torchscript", "torch", "2.3.1"],
  sklearn: ["sklearn-pickle", "scikit-learn", "1.5.2"],
  lightgbm: ["lightgbm-text", "lightgbm", "4.5.0"],
  tensorflow: ["savedmodel", "tensorflow", "2.17.0"],
  jax: ["safetensors", "safetensors", "0.4.5"],
  onnx: ["onnx", "onnxruntime", "1.19.2"],
  spark: ["mlflow-pyfunc", "mlflow", "2.16.2"],
};

/** Aliases of a model with `n` versions: champion on the production one, challenger on the newest. */
function aliasesOf(n: number): Record<string, string> | undefined {
  if (n < 2) return undefined;
  return { champion: semverTag(n - 2), challenger: semverTag(n - 1) };
}

/** A later write of a version: its full stage history. */
export interface Promotion {
  at: number;
  author: string;
  path: string;
  text: string;
  message: string;
}

/** Make one model of `org` with `versionCount` versions; records its event and returns the promotions to record later. */
export function generateModel(ctx: GenContext, org: GenOrg, pool: NamePool, versionCount: number): Promotion[] {
  const { random } = ctx;
  const members = ctx.membersOf(org);
  const admins = ctx.membersOf(org, ["owner", "manager", "admin"]);
  const domain = random.pick(DOMAINS);
  const task = random.pick(TASKS);
  const name = pool.take(
    `${domain}-${random.pick(["model", "scorer", "ranker", "forecaster", "classifier", "encoder"])}`,
  );
  org.models.push(name);
  const owner = random.pick(admins.length > 0 ? admins : members);
  const team = random.chance(0.8) ? random.pick(org.teams) : undefined;
  if (team) org.owned.get(team)!.models++;
  const dir = `orgs/${org.name}/models/${name}`;
  const framework = random.pick(FRAMEWORKS);
  const aliases = aliasesOf(versionCount);
  const files: Record<string, string> = {
    [`${dir}/model.yaml`]: emitYaml({
      name,
      description: `${task} model for ${domain}. ${random.pick(SENTENCES)}`,
      task,
      framework,
      license: random.pick(LICENSES),
      tags: random.sample(TAG_VOCABULARY, random.int(1, 3)),
      ...(aliases && { aliases }),
      owner,
      ...(team !== undefined && { team }),
      ...(random.chance(0.4) && {
        members: random
          .sample(
            members.filter((m) => m !== owner),
            1,
          )
          .map((user) => ({ user, role: "admin" })),
      }),
    }),
  };
  if (random.chance(0.8))
    files[`${dir}/README.md`] =
      `# ${name}\n\nModel card. ${random.pick(SENTENCES)}\n\n## Intended use\n\n${task} for ${domain}.\n\n## Limitations\n\nTrained on the last two years of data.\n`;
  // A version comes from a run that succeeded, and records that run's component, params and code commit.
  const succeeded = (p: (typeof org.projects)[number]) => p.experiments.filter((e) => e.status === "succeeded");
  const sources = org.projects.filter((p) => succeeded(p).length > 0);
  const promotions: Promotion[] = [];
  const now = ctx.tick();
  for (let i = 0; i < versionCount; i++) {
    const tag = semverTag(i);
    const path = pathOf(i, versionCount);
    const created = now - (versionCount - i) * 3 * 24 * 3600_000;
    const steps = path.map((stage, k) => ({
      stage,
      at: isoTime(created + k * 2 * 24 * 3600_000),
      by: stage === "production" || stage === "disabled" ? owner : random.pick(members),
      reason: k === 0 ? "Registered from its training run." : `Moved to ${stage} after review.`,
    }));
    const source = sources.length > 0 ? random.pick(sources) : undefined;
    const experiment = source ? random.pick(succeeded(source)) : undefined;
    const lineage =
      source && experiment
        ? {
            project: source.name,
            experiment: experiment.name,
            component: experiment.component,
            params: experiment.params,
            code: { repo: `https://github.com/${org.name}/ml-monorepo`, commit: experiment.commit },
            inputs: [{ name: "train_data", uri: `s3://${org.name}-datalake/${domain}/${tag}/train/`, version: tag }],
          }
        : undefined;
    const artifacts = [
      {
        name: "model",
        uri: `s3://${org.name}-ml-artifacts/registry/${name}/${tag}/model.bin`,
        kind: "model",
        connection: org.connections.artifacts,
        size: random.int(1_000_000, 900_000_000),
        sha256: random.hex(64),
      },
    ];
    const [format, pkg, pkgVersion] = FLAVORS[framework] ?? ["custom", framework, "1.0.0"];
    const flavors = [
      {
        name: "python",
        artifact: "model",
        format,
        framework: pkg,
        frameworkVersion: pkgVersion,
        requirements: [`${pkg}==${pkgVersion}`],
        image: `ghcr.io/${org.name}/model-serve:1.0.0`,
      },
    ];
    const width = random.int(4, 64);
    const signature = {
      inputs: [{ name: "features", type: "float32", shape: [null, width] }],
      outputs: [{ name: "score", type: "float32", shape: [null, 1] }],
    };
    const metrics = { auc: random.float(0.7, 0.99), latency_ms: random.float(2, 80, 1) };
    const evaluation = [
      {
        task,
        dataset: { name: `${domain}-holdout`, version: tag, split: "test" },
        metric: "auc",
        value: metrics.auc,
      },
    ];
    const data = (history: typeof steps) => ({
      name: tag,
      description: `Release ${tag} of ${name}.`,
      stage: history[history.length - 1]!.stage,
      stageHistory: history,
      ...(lineage && { lineage }),
      artifacts,
      flavors,
      metrics,
      evaluation,
      signature,
      inputExample: { value: { features: Array.from({ length: Math.min(width, 4) }, (_, k) => k / 4) } },
      createdAt: steps[0]!.at,
      createdBy: steps[0]!.by,
    });
    const file = `${dir}/versions/${tag}.yaml`;
    files[file] = emitYaml(data(steps.slice(0, 1)));
    if (steps.length > 1) {
      const last = steps[steps.length - 1]!;
      promotions.push({
        at: Date.parse(last.at),
        author: last.by,
        path: file,
        text: emitYaml(data(steps)),
        message: `Move ${org.name}/${name}:${tag} to ${last.stage}`,
      });
    }
  }
  ctx.emit(
    owner,
    `Register model ${org.name}/${name} (${versionCount} version${versionCount === 1 ? "" : "s"})`,
    files,
  );
  return promotions;
}
