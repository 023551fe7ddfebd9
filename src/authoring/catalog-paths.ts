/**
 * Where each kind of file goes: the inverse of `classifyPath`. Paths are
 * relative to the catalog folder, with POSIX separators.
 */

/** `users/<user>.yaml`. */
export function userPath(user: string): string {
  return `users/${user}.yaml`;
}

/** `orgs/<org>/organization.yaml`. */
export function organizationPath(org: string): string {
  return `orgs/${org}/organization.yaml`;
}

/** `orgs/<org>/teams/<team>.yaml`. */
export function teamPath(org: string, team: string): string {
  return `orgs/${org}/teams/${team}.yaml`;
}

/** `orgs/<org>/connections/<conn>.yaml`. */
export function connectionPath(org: string, connection: string): string {
  return `orgs/${org}/connections/${connection}.yaml`;
}

/** The folder of a project: `orgs/<org>/projects/<project>`. */
export function projectDir(org: string, project: string): string {
  return `orgs/${org}/projects/${project}`;
}

/** `orgs/<org>/projects/<project>/components/<component>.yaml`. */
export function projectComponentPath(org: string, project: string, component: string): string {
  return `${projectDir(org, project)}/components/${component}.yaml`;
}

/** `orgs/<org>/projects/<project>/experiments/<experiment>.yaml`. */
export function experimentPath(org: string, project: string, experiment: string): string {
  return `${projectDir(org, project)}/experiments/${experiment}.yaml`;
}

/** The folder of a hub component: `orgs/<org>/components/<name>`. */
export function componentDir(org: string, name: string): string {
  return `orgs/${org}/components/${name}`;
}

/** `orgs/<org>/components/<name>/versions/<tag>.yaml`. */
export function componentVersionPath(org: string, name: string, tag: string): string {
  return `${componentDir(org, name)}/versions/${tag}.yaml`;
}

/** The folder of a registry model: `orgs/<org>/models/<name>`. */
export function modelDir(org: string, name: string): string {
  return `orgs/${org}/models/${name}`;
}

/** `orgs/<org>/models/<name>/versions/<tag>.yaml`. */
export function modelVersionPath(org: string, name: string, tag: string): string {
  return `${modelDir(org, name)}/versions/${tag}.yaml`;
}
