/**
 * The catalog the pull-request tests start from: BASE plus people in every
 * role, a second project, a mutable `latest` component tag and a model
 * version in staging.
 *
 *   alice  owner of acme, catalog admin    erin   manager of acme
 *   carol  admin of acme                   bob    member of acme (team ml: member on churn)
 *   dave   viewer of acme (member of project forecast)
 *   frank  in no organization
 */
import { BASE, type FileMap } from "./catalog.js";

const user = (name: string, id: number) =>
  `name: ${name}\ndisplayName: ${name[0]!.toUpperCase()}${name.slice(1)}\ngithub: { login: ${name}, id: ${id} }\n`;

/** The starting catalog of the pull-request tests. */
export const PR_BASE: FileMap = {
  ...BASE,
  "catalog.yaml": `title: Test catalog
admins: [alice]
policy:
  maxChangedFiles: 10
`,
  "users/carol.yaml": user("carol", 1003),
  "users/dave.yaml": user("dave", 1004),
  "users/erin.yaml": user("erin", 1005),
  "users/frank.yaml": user("frank", 1006),
  "orgs/acme/organization.yaml": `name: acme
description: Acme's ML.
visibility: public
members:
  - user: alice
    role: owner
  - user: erin
    role: manager
  - user: carol
    role: admin
  - user: bob
    role: member
  - user: dave
    role: viewer
`,
  "orgs/acme/projects/churn/experiments/run-2.yaml": `name: run-2
component: acme/train:1.0.0
params: { lr: 0.2 }
status: failed
`,
  "orgs/acme/projects/forecast/project.yaml": `name: forecast
description: Forecast demand.
owner: carol
members:
  - user: dave
    role: member
`,
  "orgs/acme/components/train/component.yaml": `name: train
description: Train a model.
owner: alice
mutableTags: [latest]
releases:
  - tag: "1.0.0"
    stage: production
  - tag: latest
`,
  "orgs/acme/components/train/versions/latest.yaml": BASE["orgs/acme/components/train/versions/1.0.0.yaml"]!,
  "orgs/acme/models/churn-model/versions/2.0.0.yaml": `name: 2.0.0
description: Second candidate.
stage: staging
stageHistory:
  - stage: testing
    at: "2025-12-12T12:00:00Z"
    by: bob
    reason: candidate
  - stage: staging
    at: "2025-12-13T12:00:00Z"
    by: alice
    reason: passed offline evaluation
lineage:
  project: churn
  experiment: run-1
  component: acme/train:1.0.0
metrics: { auc: 0.92 }
`,
};

/** PR_BASE's text of `relPath` with `from` replaced by `to` (the text must contain `from`). */
export function edit(relPath: string, from: string, to: string): string {
  const text = PR_BASE[relPath];
  if (text === undefined || !text.includes(from)) throw new Error(`edit: ${relPath} has no ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

/** A time inside every test pull request's window: their repositories' commits are dated from 2026-01-01T00:01Z on, a minute apart. */
export const PR_TIME = "2026-01-01T00:02:00Z";

/** A model version's `text` moved to `stage` by `by` (the pull request's author), the entry appended to its stage history. */
export function moveStage(text: string, stage: string, by: string, reason = "moved"): string {
  const moved = text.replace(/^stage: \w+$/m, `stage: ${stage}`);
  const at = moved.search(/^(lineage|metrics|artifacts|signature|createdBy):/m);
  const entry = `  - stage: ${stage}\n    at: "${PR_TIME}"\n    by: ${by}\n    reason: ${reason}\n`;
  return at < 0 ? moved + entry : moved.slice(0, at) + entry + moved.slice(at);
}
