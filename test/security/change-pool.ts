/** A pool of pull-request changes on PR_BASE, as functions of the catalog they apply to (for property tests). */
import type { FileMap } from "../helpers/catalog.js";
import { editData, type Change } from "./pr-in-memory.js";

const ORG = "orgs/acme/organization.yaml";
const CHURN = "orgs/acme/projects/churn/project.yaml";
const FORECAST = "orgs/acme/projects/forecast/project.yaml";
const TEAM = "orgs/acme/teams/ml.yaml";
const COMPONENT = "orgs/acme/components/train/component.yaml";
const MODEL = "orgs/acme/models/churn-model/model.yaml";
const MV2 = "orgs/acme/models/churn-model/versions/2.0.0.yaml";
const RUN2 = "orgs/acme/projects/churn/experiments/run-2.yaml";
const CV1 = "orgs/acme/components/train/versions/1.0.0.yaml";

const experiment = (name: string) => `name: ${name}\ncomponent: acme/train:1.0.0\nstatus: created\n`;
const copy =
  (from: string, to: string, edit: (t: string) => string = (t) => t): Change =>
  (files: FileMap) =>
    files[from] === undefined ? {} : { [to]: edit(files[from]!) };

/** Named changes, each touching one or more files. */
export const CHANGES: Record<string, Change> = {
  "add an experiment to churn": () => ({ "orgs/acme/projects/churn/experiments/run-9.yaml": experiment("run-9") }),
  "add an experiment to forecast": () => ({ "orgs/acme/projects/forecast/experiments/f-9.yaml": experiment("f-9") }),
  "delete experiment run-2": () => ({ [RUN2]: null }),
  "edit run-2's params": editData(RUN2, (d) => void (d.params = { lr: 0.3 })),
  "edit churn's description": editData(CHURN, (d) => void (d.description = "Predict customer churn.")),
  "make bob owner of forecast": editData(FORECAST, (d) => void (d.owner = "bob")),
  "add bob as admin of churn": editData(
    CHURN,
    (d) => void (d.members = [...((d.members as unknown[]) ?? []), { user: "bob", role: "admin" }]),
  ),
  "add frank to the organization": editData(
    ORG,
    (d) => void (d.members = [...((d.members as unknown[]) ?? []), { user: "frank", role: "member" }]),
  ),
  "make the organization private": editData(ORG, (d) => void (d.visibility = "private")),
  "add a team member": editData(
    TEAM,
    (d) => void (d.members = [...((d.members as unknown[]) ?? []), { user: "dave", role: "member" }]),
  ),
  "edit the hub component's description": editData(COMPONENT, (d) => void (d.description = "Train any model.")),
  "disable a component release": editData(
    COMPONENT,
    (d) => void ((d.releases as Array<Record<string, unknown>>)[0]!.stage = "disabled"),
  ),
  "publish a component version": copy(CV1, "orgs/acme/components/train/versions/1.1.0.yaml"),
  "change a published component version": editData(CV1, (d) => void (d.description = "changed")),
  "delete a component version": () => ({ [CV1]: null }),
  "edit a model version's description": editData(MV2, (d) => void (d.description = "Retrained.")),
  "move a model version to production": editData(MV2, (d) => {
    d.stage = "production";
    (d.stageHistory as unknown[]).push({
      stage: "production",
      at: "2026-01-20T12:00:00Z",
      by: "bob",
      reason: "go live",
    });
  }),
  "add a model version": copy(MV2, "orgs/acme/models/churn-model/versions/3.0.0.yaml", (t) =>
    t.replace("name: 2.0.0", "name: 3.0.0"),
  ),
  "edit the model's description": editData(MODEL, (d) => void (d.description = "Churn, better.")),
  "retitle the catalog": editData("catalog.yaml", (d) => void (d.title = "Renamed")),
  "edit bob's bio": editData("users/bob.yaml", (d) => void (d.bio = "Hi.")),
  "edit carol's bio": editData("users/carol.yaml", (d) => void (d.bio = "Hi.")),
  "add a project": () => ({
    "orgs/acme/projects/newproj/project.yaml": "name: newproj\ndescription: New.\nowner: carol\n",
  }),
  "add a README to churn": () => ({ "orgs/acme/projects/churn/README.md": "# Churn\n" }),
  "add a connection": () => ({
    "orgs/acme/connections/gcs-data.yaml": "name: gcs-data\nkind: gcs\nsecret: { name: gcs-key }\n",
  }),
};

/** The users of PR_BASE plus an author with no user file. */
export const ACTORS = ["alice", "bob", "carol", "dave", "erin", "frank", "mallory"] as const;
