/**
 * Where each kind of file goes, for the authoring commands: named builders over `entityPath`, the inverse
 * of `classifyPath` (both read the kinds' path templates). Paths are relative to the catalog folder, with
 * POSIX separators.
 */
import { entityFolder, entityPath } from "../model/kinds.js";

/** `users/<user>.yaml`. */
export function userPath(user: string): string {
  return entityPath("User", { name: user });
}

/** `orgs/<org>/organization.yaml`. */
export function organizationPath(org: string): string {
  return entityPath("Organization", { org });
}

/** `orgs/<org>/teams/<team>.yaml`. */
export function teamPath(org: string, team: string): string {
  return entityPath("Team", { org, name: team });
}

/** `orgs/<org>/connections/<conn>.yaml`. */
export function connectionPath(org: string, connection: string): string {
  return entityPath("Connection", { org, name: connection });
}

/** The folder of a project: `orgs/<org>/projects/<project>`. */
export function projectDir(org: string, project: string): string {
  return entityFolder("Project", { org, project });
}

/** `orgs/<org>/projects/<project>/components/<component>.yaml`. */
export function projectComponentPath(org: string, project: string, component: string): string {
  return entityPath("ProjectComponent", { org, project, name: component });
}

/** `orgs/<org>/projects/<project>/experiments/<experiment>.yaml`. */
export function experimentPath(org: string, project: string, experiment: string): string {
  return entityPath("Experiment", { org, project, name: experiment });
}

/** The folder of a hub component: `orgs/<org>/components/<name>`. */
export function componentDir(org: string, name: string): string {
  return entityFolder("Component", { org, name });
}

/** `orgs/<org>/components/<name>/versions/<tag>.yaml`. */
export function componentVersionPath(org: string, name: string, tag: string): string {
  return entityPath("ComponentVersion", { org, parent: name, name: tag });
}

/** The folder of a registry model: `orgs/<org>/models/<name>`. */
export function modelDir(org: string, name: string): string {
  return entityFolder("Model", { org, name });
}

/** `orgs/<org>/models/<name>/versions/<tag>.yaml`. */
export function modelVersionPath(org: string, name: string, tag: string): string {
  return entityPath("ModelVersion", { org, parent: name, name: tag });
}
