import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { schemaCheck } from "../../src/checks/schema.js";
import { BASE, validateFiles, where } from "../helpers/catalog.js";

/** Real Polyaxon hub specs (`<component>/<tag>.yaml`), next to the repository. */
const CORPUS = new URL("../fixtures/polyaxon-hub/", import.meta.url);

const files = readdirSync(CORPUS, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(new URL(`${d.name}/`, CORPUS))
      .filter((f) => f.endsWith(".yaml"))
      .map((f) => `${d.name}/${f}`),
  )
  .sort();

/**
 * The corpus's real defects. The three commuter specs give the container's
 * `env` as a mapping; Kubernetes (and Polyaxon, which passes it through as a
 * list of one entry without a name) needs a list of `{name, value}`.
 */
const DEFECTS: Record<string, Array<{ code: string; line: number; column: number }>> = {
  "commuter/gcs.yaml": [{ code: "schema/type", line: 15, column: 10 }],
  "commuter/latest.yaml": [{ code: "schema/type", line: 15, column: 10 }],
  "commuter/s3.yaml": [{ code: "schema/type", line: 15, column: 10 }],
};

describe("the Polyaxon hub corpus against component-spec.schema.json", () => {
  it("holds the sample this test was written for", () => {
    expect(files).toHaveLength(28);
  });

  it.each(files)("%s", (file) => {
    const [component, tag] = file.replace(/\.yaml$/, "").split("/") as [string, string];
    const relPath = `orgs/polyaxon/components/${component}/versions/${tag}.yaml`;
    const text = readFileSync(new URL(file, CORPUS), "utf8");
    const found = where(validateFiles({ ...BASE, [relPath]: text }, [schemaCheck])).map(({ code, line, column }) => ({
      code,
      line,
      column,
    }));
    expect(found).toEqual(DEFECTS[file] ?? []);
  });

  it("explains the env defect with the fix", () => {
    const text = readFileSync(new URL("commuter/s3.yaml", CORPUS), "utf8");
    const [d] = validateFiles({ ...BASE, "orgs/polyaxon/components/commuter/versions/s3.yaml": text }, [schemaCheck]);
    expect(`${d?.message} (${d?.hint})`).toMatchInlineSnapshot(
      `"run.container.env must be a list, but it is a mapping (write it as a list of {name, value}: env: [{name: COMMUTER_BUCKET, value: "{{bucket}}"}])"`,
    );
  });
});
