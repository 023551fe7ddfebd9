/** Test helpers: build a catalog from in-memory YAML texts, without touching disk. */
import { loadCatalogFromFiles, type LoadResult } from "../../src/load/load-catalog.js";
import type { RawFile } from "../../src/model/raw-file.js";
import { validateCatalog } from "../../src/validate.js";
import { compareDiagnostics, type Diagnostic } from "../../src/diagnostics/diagnostic.js";
import type { Check } from "../../src/checks/context.js";

/** Files keyed by path relative to the catalog folder. */
export type FileMap = Record<string, string>;

/** Files keyed by path relative to the catalog folder, as text or as bytes (a file in another encoding). */
export type ByteFileMap = Record<string, string | Uint8Array>;

/** Raw files from a map of texts (or bytes). */
export function rawFiles(files: ByteFileMap): RawFile[] {
  return Object.entries(files)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([relPath, text]) => {
      const bytes = typeof text === "string" ? new TextEncoder().encode(text) : text;
      return { relPath, bytes, type: "file" as const, size: bytes.length };
    });
}

/** Load a catalog from a map of texts (display root `catalog`). */
export function loadFiles(files: ByteFileMap): LoadResult {
  return loadCatalogFromFiles(rawFiles(files), { root: "catalog" });
}

/** Load and validate (all checks, or the given ones): every diagnostic, sorted. */
export function validateFiles(files: ByteFileMap, checks?: readonly Check[]): Diagnostic[] {
  const loaded = loadFiles(files);
  return [...loaded.diagnostics, ...validateCatalog(loaded.catalog, checks)].sort(compareDiagnostics);
}

/** The `{code, file, line, column}` of each diagnostic: what table tests compare. */
export function where(
  diagnostics: readonly Diagnostic[],
): Array<{ code: string; file: string; line: number; column: number }> {
  return diagnostics.map(({ code, file, line, column }) => ({ code, file, line, column }));
}

/**
 * A small valid catalog: two users, one organization with a team, a project
 * with an experiment, a hub component with one version, a model with one
 * version. Tests spread it and override single files.
 */
export const BASE: FileMap = {
  "catalog.yaml": `title: Test catalog
admins: [alice]
`,
  "users/alice.yaml": `name: alice
displayName: Alice
github: { login: alice, id: 1001 }
`,
  "users/bob.yaml": `name: bob
displayName: Bob
github: { login: bob, id: 1002 }
`,
  "orgs/acme/organization.yaml": `name: acme
visibility: public
members:
  - user: alice
    role: owner
  - user: bob
    role: member
`,
  "orgs/acme/teams/ml.yaml": `name: ml
members:
  - user: bob
    role: member
projects:
  - project: churn
    role: member
`,
  "orgs/acme/connections/s3-data.yaml": `name: s3-data
kind: s3
schema: { bucket: "s3://acme-data" }
secret: { name: aws-credentials }
`,
  "orgs/acme/projects/churn/project.yaml": `name: churn
description: Predict churn.
owner: alice
team: ml
connections: [s3-data]
`,
  "orgs/acme/projects/churn/experiments/run-1.yaml": `name: run-1
component: acme/train:1.0.0
params: { lr: 0.1 }
metrics: { auc: 0.9 }
status: succeeded
`,
  "orgs/acme/components/train/component.yaml": `name: train
description: Train a model.
owner: alice
releases:
  - tag: "1.0.0"
    stage: production
`,
  "orgs/acme/components/train/versions/1.0.0.yaml": `version: 1.1
kind: component
name: train
inputs:
  - name: lr
    type: float
    isOptional: true
    value: 0.1
outputs:
  - name: model
    type: path
run:
  kind: job
  container:
    image: python:3.12
    command: [python, train.py, "--lr={{ lr }}", "--out={{ model }}"]
`,
  "orgs/acme/models/churn-model/model.yaml": `name: churn-model
description: Churn classifier.
license: Apache-2.0
owner: alice
`,
  "orgs/acme/models/churn-model/versions/1.0.0.yaml": `name: 1.0.0
stage: testing
stageHistory:
  - stage: testing
    at: "2025-12-10T12:00:00Z"
    by: alice
    reason: first candidate
lineage:
  project: churn
  experiment: run-1
  component: acme/train:1.0.0
metrics: { auc: 0.9 }
`,
};
