import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { editorSettingsText, writeSchemaFiles, yamlSchemasSetting } from "../../src/authoring/editor-schemas.js";
import { KIND_GLOBS } from "../../src/schemas/schema-files.js";
import { modelineFor } from "../../src/authoring/modeline.js";
import { classifyPath, KINDS, SCHEMA_FILE } from "../../src/model/kinds.js";
import { SCHEMA_DIR, SCHEMA_FILES } from "../../src/schemas/schema-files.js";

const REPO = fileURLToPath(new URL("../..", import.meta.url));

describe("editor support", () => {
  it("maps every kind's glob to a path of that kind", () => {
    for (const kind of KINDS) expect(classifyPath(KIND_GLOBS[kind].replaceAll("*", "x"))?.kind).toBe(kind);
  });

  it(".vscode/settings.json is what the kinds' descriptors give (npm run docs writes it)", () => {
    const text = readFileSync(join(REPO, ".vscode/settings.json"), "utf8");
    expect(text).toBe(editorSettingsText("./schemas", "catalog"));
    const settings = JSON.parse(text) as { "yaml.schemas": Record<string, string[]> };
    expect(settings["yaml.schemas"]).toEqual(yamlSchemasSetting("./schemas", "catalog"));
    for (const schema of Object.keys(settings["yaml.schemas"])) expect(existsSync(join(REPO, schema))).toBe(true);
    // Every kind is mapped: its glob under its schema file.
    for (const kind of KINDS)
      expect(settings["yaml.schemas"][`./schemas/${SCHEMA_FILE[kind]}`]).toContain(`catalog/${KIND_GLOBS[kind]}`);
  });

  it("a modeline points from the file to its kind's schema", () => {
    const target = { catalogDir: "/repo/catalog", schemasDir: "/repo/schemas" };
    const line = modelineFor(target, "ModelVersion", "orgs/acme/models/m/versions/1.0.0.yaml");
    expect(line).toBe("yaml-language-server: $schema=../../../../../../schemas/model-version.schema.json");
    const rel = line.split("=")[1]!;
    expect(resolve(dirname("/repo/catalog/orgs/acme/models/m/versions/1.0.0.yaml"), rel)).toBe(
      `/repo/schemas/${SCHEMA_FILE.ModelVersion}`,
    );
  });
});

describe("writeSchemaFiles", () => {
  it("copies every schema byte for byte, then leaves identical files alone", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "mlcat-schemas-")), "schemas");
    const first = await writeSchemaFiles(out);
    expect(first.ok && first.value.map((w) => w.status)).toEqual(SCHEMA_FILES.map(() => "created"));
    for (const file of SCHEMA_FILES)
      expect(readFileSync(join(out, file))).toEqual(readFileSync(join(SCHEMA_DIR, file)));
    const second = await writeSchemaFiles(out);
    expect(second.ok && second.value.every((w) => w.status === "unchanged")).toBe(true);
  });

  it("refuses to replace a changed schema file unless forced", async () => {
    const out = mkdtempSync(join(tmpdir(), "mlcat-schemas-"));
    writeFileSync(join(out, "user.schema.json"), "{}\n");
    const refused = await writeSchemaFiles(out);
    expect(refused.ok).toBe(false);
    expect(readFileSync(join(out, "user.schema.json"), "utf8")).toBe("{}\n");
    expect(existsSync(join(out, "team.schema.json"))).toBe(false);
    const forced = await writeSchemaFiles(out, { force: true });
    expect(forced.ok && forced.value.find((w) => w.file.endsWith("user.schema.json"))?.status).toBe("updated");
  });
});
