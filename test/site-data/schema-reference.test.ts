import { KINDS } from "../../src/model/kinds.js";
import { describe, expect, it } from "vitest";
import { readSchemaFiles, schemaDocs } from "../../src/site-data/schema-reference.js";
import { Urls } from "../../src/site-data/urls.js";

const common = JSON.stringify({
  $defs: {
    name: { type: "string", description: "A DNS label." },
    tags: { type: "array", items: { $ref: "#/$defs/tag" } },
    tag: { type: "string" },
  },
});
const thing = JSON.stringify({
  title: "Thing",
  description: "A thing.",
  type: "object",
  required: ["name"],
  properties: {
    name: { $ref: "common.schema.json#/$defs/name", description: "Its name.", examples: ["train"] },
    tags: { $ref: "common.schema.json#/$defs/tags" },
    stage: { enum: ["testing", "production"] },
    releases: {
      type: "array",
      items: { type: "object", required: ["tag"], properties: { tag: { type: "string" }, notes: { type: "string" } } },
    },
  },
});

describe("schemaDocs", () => {
  it("flattens properties, following $refs across files, with types, required flags and examples", () => {
    const { docs, files } = schemaDocs(
      [
        { name: "common.schema.json", text: common },
        { name: "thing.schema.json", text: thing },
      ],
      new Urls("/x/"),
    );
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({
      file: "thing.schema.json",
      title: "Thing",
      description: "A thing.",
      url: "/x/schemas/thing.schema.json",
    });
    expect(docs[0]!.properties).toEqual([
      { path: "name", type: "string", required: true, description: "Its name.", example: '"train"' },
      { path: "tags", type: "array of string", required: false },
      { path: "stage", type: '"testing" | "production"', required: false },
      { path: "releases", type: "array of object", required: false },
      { path: "releases[].tag", type: "string", required: true },
      { path: "releases[].notes", type: "string", required: false },
    ]);
    expect(files.map((f) => f.path)).toEqual(["schemas/common.schema.json", "schemas/thing.schema.json"]);
  });

  it("documents every kind from the schemas mlcat ships", async () => {
    const { docs } = schemaDocs(await readSchemaFiles(), new Urls("/"));
    const kinds = docs.flatMap((d) => d.kinds).sort();
    expect(kinds).toEqual([...KINDS].sort());
    for (const d of docs) expect(d.properties.length).toBeGreaterThan(0);
  });
});
