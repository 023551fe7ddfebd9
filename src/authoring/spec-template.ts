/** A new Polyaxon component spec: for a project component, or a hub component's first version. */
import { buildYaml } from "../yaml-writer/build.js";

/** The values of a new spec. */
export interface NewSpec {
  name: string;
  description?: string;
  tags?: string[];
  /** Container image. */
  image: string;
  /** Container command, one argument per item. */
  command?: string[];
  modeline?: string;
}

/** The text of a minimal, valid Polyaxon component spec (`kind: component`, a job with one container). */
export function buildSpec(input: NewSpec): string {
  const container: Record<string, unknown> = { image: input.image };
  if (input.command?.length) container.command = input.command;
  return buildYaml(
    "A Polyaxon component spec: declare inputs and outputs, then use them in the run\nas {{ name }} (also {{ globals.run_outputs_path }}, {{ params.x }}, ...).",
    [
      { key: "version", value: 1.1 },
      { key: "kind", value: "component" },
      { key: "name", value: input.name },
      { key: "description", value: input.description },
      { key: "tags", value: input.tags?.length ? input.tags : undefined },
      {
        key: "inputs",
        value: undefined,
        comment: "An input with a `value` is optional. Types: str, int, float, bool, path, ...",
        example: "inputs:\n  - name: learning_rate\n    type: float\n    isOptional: true\n    value: 0.1",
      },
      {
        key: "outputs",
        value: undefined,
        example: "outputs:\n  - name: model\n    type: path",
      },
      { key: "run", value: { kind: "job", container }, blankBefore: true },
    ],
    input.modeline === undefined ? {} : { modeline: input.modeline },
  );
}
