/**
 * Check `references`: every name that points at another entity resolves.
 * Users, organization members, teams, connections, projects, experiments and
 * component versions; repeats in lists; files whose parent folder has no file.
 * Data is read only from schema-valid entities; targets only need to exist.
 */
import type { Check } from "./context.js";
import { checkExperiment, checkModelVersion } from "./refs-lineage.js";
import { RefChecker } from "./refs-index.js";
import { reportOrphans } from "./refs-orphans.js";
import { checkAccess, checkCatalogAdmins, checkOrganization, checkTeam } from "./refs-people.js";

export const referencesCheck: Check = {
  name: "references",
  codes: [
    "ref/syntax",
    "ref/unknown-user",
    "ref/not-org-member",
    "ref/unknown-team",
    "ref/unknown-connection",
    "ref/unknown-project",
    "ref/unknown-experiment",
    "ref/unknown-component",
    "ref/unknown-organization",
    "ref/unknown-model",
    "ref/duplicate",
    "ref/role-too-low",
  ],
  run({ catalog, report }) {
    const refs = new RefChecker(catalog, report);
    for (const e of catalog.valid("Catalog")) checkCatalogAdmins(refs, e);
    for (const e of catalog.valid("Organization")) checkOrganization(refs, e);
    for (const e of catalog.valid("Team")) checkTeam(refs, e);
    for (const e of catalog.valid("Project")) checkAccess(refs, e);
    for (const e of catalog.valid("Component")) checkAccess(refs, e);
    for (const e of catalog.valid("Model")) checkAccess(refs, e);
    for (const e of catalog.valid("Experiment")) checkExperiment(refs, e);
    for (const e of catalog.valid("ModelVersion")) checkModelVersion(refs, e);
    reportOrphans(catalog, report);
  },
};
