/** What every scaffold needs: the catalog (to check what exists) and how to write modelines. */
import type { Kind } from "../model/kinds.js";
import { modelineFor, type ModelineTarget } from "./modeline.js";
import { refuse, succeed, type Outcome } from "./outcome.js";
import { displayPath, type Workspace } from "./workspace.js";

/** The context of a scaffold. */
export interface ScaffoldContext {
  ws: Workspace;
  /** When set, each new YAML file starts with a modeline pointing at its schema. */
  modeline?: ModelineTarget;
}

/** The modeline line for a new file, when modelines are on. */
export function modelineOf(ctx: ScaffoldContext, kind: Kind, relPath: string): string | undefined {
  return ctx.modeline ? modelineFor(ctx.modeline, kind, relPath) : undefined;
}

/** Refuse unless organization `org` exists. */
export function requireOrg(ctx: ScaffoldContext, org: string): Outcome<true> {
  if (ctx.ws.catalog.has("Organization", org)) return succeed(true);
  return refuse(
    `organization "${org}" does not exist (no ${displayPath(ctx.ws, `orgs/${org}/organization.yaml`)})`,
    `create it first: mlcat new org ${org} --owner <user>`,
  );
}

/** Refuse unless project `org/project` exists. */
export function requireProject(ctx: ScaffoldContext, org: string, project: string): Outcome<true> {
  if (ctx.ws.catalog.has("Project", `${org}/${project}`)) return succeed(true);
  return refuse(
    `project "${org}/${project}" does not exist (no ${displayPath(ctx.ws, `orgs/${org}/projects/${project}/project.yaml`)})`,
    `create it first: mlcat new project ${org}/${project} --owner <user>`,
  );
}
