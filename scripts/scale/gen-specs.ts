/**
 * Synthetic Polyaxon component specs: inputs chosen by what the component
 * does, outputs, and a job whose args read every input through `{{ }}`
 * templates. Each version adds an input, so no two versions are identical.
 */
import { dataYaml } from "../../dist/yaml-writer/build.js";
import type { GenIo } from "./gen-context.ts";
import type { Random } from "./random.ts";

const BASE_INPUTS: GenIo[] = [
  { name: "input_data", type: "path", description: "Parquet file or folder to read." },
  { name: "output_format", type: "str", value: "parquet" },
];

const EXTRA_INPUTS: GenIo[] = [
  { name: "learning_rate", type: "float", value: 0.1 },
  { name: "max_depth", type: "int", value: 6 },
  { name: "epochs", type: "int", value: 10, description: "Upper bound on passes over the data." },
  { name: "batch_size", type: "int", value: 256 },
  { name: "label_column", type: "str", value: "label" },
  { name: "seed", type: "int", value: 42 },
  { name: "sample_rate", type: "float", value: 1.0 },
  { name: "use_gpu", type: "bool", value: false },
  { name: "eval_metric", type: "str", value: "auc" },
  { name: "threshold", type: "float", value: 0.5 },
  { name: "num_workers", type: "int", value: 4 },
  { name: "feature_set", type: "str", value: "v7" },
];

/** The inputs of version number `index` (0 for the first) of a component whose extras start at `offset`. */
export function inputsOf(index: number, offset: number): GenIo[] {
  const extra = Array.from(
    { length: Math.min(EXTRA_INPUTS.length, 2 + index) },
    (_, i) => EXTRA_INPUTS[(offset + i) % EXTRA_INPUTS.length]!,
  );
  return [...BASE_INPUTS, ...extra];
}

/** Values for some of `inputs`, as an experiment would pass them. */
export function paramsFor(inputs: readonly GenIo[], random: Random, dataUri: string): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const io of inputs) {
    if (io.type === "path") params[io.name] = dataUri;
    else if (io.value === undefined || random.chance(0.5)) continue;
    else if (io.type === "float") params[io.name] = random.float(0.001, 1, 3);
    else if (io.type === "int") params[io.name] = random.int(1, 512);
    else if (io.type === "bool") params[io.name] = random.chance(0.5);
    else params[io.name] = io.value;
  }
  return params;
}

/** A component spec YAML. */
export function specYaml(options: {
  name: string;
  description: string;
  tags: string[];
  inputs: GenIo[];
  image: string;
  module: string;
}): string {
  const { name, description, tags, inputs, image, module } = options;
  return dataYaml({
    version: 1.1,
    kind: "component",
    name,
    description,
    tags,
    inputs: inputs.map((io) => ({
      name: io.name,
      ...(io.description !== undefined && { description: io.description }),
      type: io.type,
      ...(io.value !== undefined && { isOptional: true, value: io.value }),
    })),
    outputs: [
      { name: "result", description: "Where the run wrote its main output.", type: "path" },
      { name: "score", type: "metric" },
    ],
    run: {
      kind: "job",
      init: [{ connection: "ml-monorepo" }],
      container: {
        image,
        workingDir: "{{ globals.artifacts_path }}/ml-monorepo",
        command: ["python", "-m", module],
        args: [
          ...inputs.map((io) => `--${io.name.replace(/_/g, "-")}={{ ${io.name} }}`),
          "--out={{ globals.run_outputs_path }}",
        ],
        resources: { requests: { cpu: "4", memory: "16Gi" } },
      },
    },
  });
}
