/**
 * Check `references`: every name that points at another entity resolves.
 * Users, organization members, teams, connections, projects, experiments and
 * component versions; repeats in lists; files whose parent folder has no file.
 * Data is read only from schema-valid entities; targets only need to exist.
 */
import { forEachSubject, type Check } from "./context.js";
import { checkExperiment, checkModelVersion } from "./refs-lineage.js";
import { checkExperimentRegistryRefs, checkModelRefs, checkModelVersionRegistryRefs } from "./refs-registry.js";
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
    "ref/unknown-model-version",
    "ref/duplicate",
    "ref/role-too-low",
  ],
  run(ctx) {
    const { catalog, report } = ctx;
    const refs = new RefChecker(catalog, report);
    forEachSubject(ctx, catalog.subjects(["Catalog"], true), (e) => checkCatalogAdmins(refs, e));
    forEachSubject(ctx, catalog.subjects(["Organization"], true), (e) => checkOrganization(refs, e));
    forEachSubject(ctx, catalog.subjects(["Team"], true), (e) => checkTeam(refs, e));
    forEachSubject(ctx, catalog.subjects(["Project", "Component", "Model"], true), (e) => checkAccess(refs, e));
    forEachSubject(ctx, catalog.subjects(["Model"], true), (e) => checkModelRefs(refs, e));
    forEachSubject(ctx, catalog.subjects(["Experiment"], true), (e) => {
      checkExperiment(refs, e);
      checkExperimentRegistryRefs(refs, e);
    });
    forEachSubject(ctx, catalog.subjects(["ModelVersion"], true), (e) => {
      checkModelVersion(refs, e);
      checkModelVersionRegistryRefs(refs, e);
    });
    // Missing parents are found from paths alone, across the whole catalog.
    catalog.unrecorded(() => reportOrphans(catalog, report));
  },
};
