/**
 * The closed table of rule ids: every decision of `mlcat check` and `mlcat
 * explain` names one of these rules. Each says what it guards, who may
 * (actions of actions.ts, or a principal that is no role), and how the docs
 * word it. The requirement functions accept a rule only together with an
 * action or principal its row lists, so the table is checked by the compiler.
 * docs/pull-request-checks.md's table of rules is generated from this one
 * (`npm run docs`); a test keeps the two in step.
 */
import type { ActionId } from "./actions.js";

/** Who may, when it is not a role: catalog admins, the user themselves, rights on a team, the pull request's own principals, nobody. */
export type Principal = "catalog-admin" | "self" | "team-rights" | "own-records" | "nobody";

/** One row of the table. */
export interface RuleRow {
  /** What the rule guards: the change it judges. */
  guards: string;
  /** Who may make the change: actions of the action table and principals (several when the rule combines them). */
  who: readonly (ActionId | Principal)[];
  /** Who may, as the docs word it. */
  needs: string;
}

const ADMIN_ON_IT = "admin on it";

/** The table, in the order the docs list it. */
export const RULES = {
  "catalog-settings": { guards: "catalog.yaml", who: ["catalog-admin"], needs: "a catalog admin" },
  "user-self-register": {
    guards: "a new user file for its author",
    who: ["self"],
    needs:
      "its `github.login` (and `github.id`, when CI gives one) is the author's, the author has no user file yet, and the base gives that name no role",
  },
  "user-create": { guards: "a new user file for someone else", who: ["catalog-admin"], needs: "a catalog admin" },
  "user-self-edit": { guards: "a user file, by that user", who: ["self"], needs: "the user themselves" },
  "user-edit": { guards: "another user's file", who: ["catalog-admin"], needs: "a catalog admin" },
  "user-identity": { guards: "a user file's `github` or `name`", who: ["catalog-admin"], needs: "a catalog admin" },
  "user-delete": { guards: "deleting a user file", who: ["catalog-admin"], needs: "a catalog admin" },
  "org-create": {
    guards: "a new organization, and anything in an organization that does not exist on the base",
    who: ["catalog-admin"],
    needs: "a catalog admin",
  },
  "org-delete": { guards: "deleting an organization", who: ["org-owners"], needs: "owner" },
  "org-visibility": { guards: "an organization's `visibility`", who: ["org-owners"], needs: "owner" },
  "org-owners": { guards: "adding, removing or changing an owner", who: ["org-owners"], needs: "owner" },
  "org-last-owner": {
    guards: "removing or demoting the last owner of an organization",
    who: ["nobody"],
    needs: "nobody: add the new owner first, in its own pull request",
  },
  "org-members": { guards: "other members of an organization", who: ["org-settings"], needs: "manager" },
  "org-delegations": { guards: "an organization's `delegations`", who: ["org-settings"], needs: "manager" },
  "org-settings": { guards: "other fields of an organization's file", who: ["org-settings"], needs: "manager" },
  "org-teams": { guards: "team files", who: ["org-settings"], needs: "manager" },
  "org-connections": { guards: "connection files", who: ["org-settings"], needs: "manager" },
  "project-create": {
    guards: "a new project (or the README of one the base does not have)",
    who: ["entity-manage"],
    needs: "admin in the organization (delegations apply)",
  },
  "component-create": {
    guards: "a new hub component (or the README of one the base does not have)",
    who: ["entity-manage"],
    needs: "admin in the organization (delegations apply)",
  },
  "model-create": {
    guards: "a new registry model (or the README of one the base does not have)",
    who: ["entity-manage"],
    needs: "admin in the organization (delegations apply)",
  },
  "project-manage": {
    guards: "changing a project (description, tags, access, narrowing its visibility...)",
    who: ["entity-manage"],
    needs: ADMIN_ON_IT,
  },
  "component-manage": {
    guards: "changing a hub component (description, access, release metadata...)",
    who: ["entity-manage"],
    needs: ADMIN_ON_IT,
  },
  "model-manage": { guards: "changing a registry model", who: ["entity-manage"], needs: ADMIN_ON_IT },
  readme: { guards: "the README of a project, hub component or model", who: ["entity-manage"], needs: ADMIN_ON_IT },
  "visibility-widen": {
    guards:
      "making a project, hub component or model public where it was not (`visibility: public`, or dropping `private` in a public organization)",
    who: ["org-owners"],
    needs: "owner of the organization, as for the organization's own visibility",
  },
  "project-delete": {
    guards: "deleting a project",
    who: ["entity-manage"],
    needs: "admin on it, as recorded on the base",
  },
  "component-delete": {
    guards: "deleting a hub component",
    who: ["entity-manage"],
    needs: "admin on it, as recorded on the base",
  },
  "model-delete": {
    guards: "deleting a registry model",
    who: ["entity-manage"],
    needs: "admin on it, as recorded on the base",
  },
  "owner-change": {
    guards: "`owner` or `team` of a project, component or model",
    who: ["entity-manage", "self", "org-settings", "team-rights"],
    needs:
      "admin on it (the old owner's side) **and** the new owner's side: for a new owning user, that user themselves or an organization manager; for teams, rights on the old and the new team (a manager, or an admin of the team)",
  },
  "experiment-write": {
    guards: "adding or updating an experiment",
    who: ["child-write"],
    needs: "member on its project",
  },
  "project-component-write": {
    guards: "adding or updating a project component",
    who: ["child-write"],
    needs: "member on its project",
  },
  "version-write": {
    guards: "adding or updating a component version (a mutable tag, once published) or a model version",
    who: ["child-write"],
    needs: "member on its component or model",
  },
  "experiment-delete": { guards: "deleting an experiment", who: ["child-delete"], needs: "admin on its project" },
  "project-component-delete": {
    guards: "deleting a project component",
    who: ["child-delete"],
    needs: "admin on its project",
  },
  "version-delete": {
    guards:
      "deleting a component version (only under a tag in `mutableTags`) or a model version (in production it also needs `production-frozen`)",
    who: ["child-delete"],
    needs: "admin on its component or model",
  },
  "release-add": {
    guards: "appending release notes for a new tag to a hub entry's `releases`",
    who: ["child-write"],
    needs: "member on the component",
  },
  "release-production": {
    guards: "a new release entry that starts at `stage: production`",
    who: ["entity-manage"],
    needs: "admin on the component",
  },
  "version-immutable": {
    guards:
      "any change to a published component version (on the base already) whose tag is not in the base's `mutableTags`, deleting one, or adding a tag the base's history published and deleted with other bytes than it had",
    who: ["nobody"],
    needs: "nobody: publish a new version, retire an old one in its release metadata (`pr/immutable-version`)",
  },
  "stage-change": {
    guards:
      "moving a model version to `testing`, `staging` or `disabled`, or adding a new version that starts past `testing`",
    who: ["entity-manage"],
    needs: "admin on the model",
  },
  "stage-production": {
    guards: "moving a model version to `production`, or adding one there",
    who: ["production-approve"],
    needs: "a production approver (below)",
  },
  "stage-requirements": {
    guards:
      "moving a model version to a stage, or adding one in a stage, without what the base's `policy.stages` requires there (checksums, a flavor, a signature, an evaluation, an input example)",
    who: ["nobody"],
    needs: "nobody: add what is missing; the hint names the fields (`policy/stage-requirements`)",
  },
  "alias-change": {
    guards: "adding, moving or removing a model alias (`aliases` in model.yaml), judged like a stage change",
    who: ["entity-manage"],
    needs: "admin on the model",
  },
  "alias-production": {
    guards:
      "adding, moving or removing an alias the base's `policy.productionAliases` marks as production (default `production`)",
    who: ["production-approve"],
    needs:
      "a production approver (below); the version it names must also carry what production requires (`mlcat validate`'s `policy/stage-requirements`)",
  },
  "production-frozen": {
    guards:
      "changing a production model version (other than its description), including taking it out of production and deleting it (alone, or with its model's folder)",
    who: ["production-approve"],
    needs: "a production approver",
  },
  "record-by": {
    guards:
      "`by` of a stage-history entry the pull request appends (to a version or in a new one): the catalog user of the author (or another principal of the pull request)",
    who: ["own-records"],
    needs: "nobody else: the entry records the pull request (`pr/record-mismatch`)",
  },
  "record-at": {
    guards:
      "`at` of a stage-history entry the pull request appends: between the commit time of the fork point and of the head (and no later than the check), give or take ten minutes",
    who: ["own-records"],
    needs: "nobody else: the entry records the pull request (`pr/record-mismatch`)",
  },
  "record-created-by": {
    guards: "`createdBy` of an experiment or model version the pull request adds, or a changed `createdBy`",
    who: ["own-records"],
    needs:
      "the author themselves; a service account listed in the base's `policy.recordOnBehalf` may record others (`pr/record-mismatch`)",
  },
  "stage-history-append-only": {
    guards: "editing or removing `stageHistory` entries",
    who: ["nobody"],
    needs: "nobody: append only (`pr/stage-history-rewritten`)",
  },
  "outside-catalog": {
    guards: "any file outside `catalog/` (code, workflows, package files)",
    who: ["catalog-admin"],
    needs: "a catalog admin",
  },
  "unknown-path": {
    guards: "a path under `catalog/` that maps to no kind",
    who: ["catalog-admin"],
    needs: "a catalog admin",
  },
  "regular-files-only": {
    guards: "a symlink or submodule under `catalog/`",
    who: ["nobody"],
    needs: "nobody (`file/not-regular`)",
  },
} as const satisfies Record<string, RuleRow>;

/** A rule of the table. */
export type RuleId = keyof typeof RULES;

/** Every rule id, in the table's order. */
export const RULE_IDS = Object.keys(RULES) as RuleId[];

/** The rules whose row lists `who` (an action or a principal): the only rules a requirement for `who` may name. */
export type RuleFor<W extends ActionId | Principal> = {
  [R in RuleId]: W extends (typeof RULES)[R]["who"][number] ? R : never;
}[RuleId];

/** Whether `value` is a rule id of the table. */
export function isRuleId(value: string): value is RuleId {
  return Object.hasOwn(RULES, value);
}
