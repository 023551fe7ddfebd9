/**
 * `mlcat org add-member` and `mlcat org remove-member`: an organization's
 * `members` list, edited in place (comments and the other lines stay).
 * Adding checks that the user file exists; a member added again with
 * another role has the role changed. Removing refuses the last owner, and a
 * user who still holds roles or ownership in the organization's teams,
 * projects, components or models (their files would stop validating).
 */
import { ROLES, type Role } from "../model/types.js";
import { Authority } from "../permissions/authority.js";
import { checkName } from "./arg-names.js";
import { organizationPath } from "./catalog-paths.js";
import { refuse, refuseUsage, succeed, type Outcome } from "./outcome.js";
import { updateChange, type Plan } from "./plan.js";
import { requireOrg, type ScaffoldContext } from "./scaffold-context.js";
import { displayPath, readWorkspaceText } from "./workspace.js";
import { editYamlText } from "../yaml-writer/edit.js";
import { KIND_SHAPES } from "./key-order.js";

/** Who to add or remove, where. */
export interface MemberInput {
  org: string;
  user: string;
  /** The role to give (add only; default member). */
  role?: string;
}

/** The organization's members as written: user and role, by position in the list. */
function membersOf(ctx: ScaffoldContext, org: string): Array<{ user: unknown; role: unknown }> {
  const members = (ctx.ws.catalog.get("Organization", org)?.data as { members?: unknown } | undefined)?.members;
  return Array.isArray(members)
    ? members.map((m) => ({ user: (m as { user?: unknown })?.user, role: (m as { role?: unknown })?.role }))
    : [];
}

/** The file's text and path, or a refusal when the organization or its file is missing. */
function orgFile(ctx: ScaffoldContext, org: string): Outcome<{ relPath: string; text: string }> {
  const name = checkName(org, "organization name");
  if (!name.ok) return name;
  const exists = requireOrg(ctx, org);
  if (!exists.ok) return exists;
  const relPath = organizationPath(org);
  const text = readWorkspaceText(ctx.ws, relPath);
  if (text === undefined) return refuse(`${displayPath(ctx.ws, relPath)} cannot be read`, "check the file");
  return succeed({ relPath, text });
}

/** Plan adding `user` to `org` with `role` (or changing the role of a member). */
export function planAddMember(ctx: ScaffoldContext, input: MemberInput): Outcome<Plan> {
  const role = input.role ?? "member";
  if (!(ROLES as readonly string[]).includes(role))
    return refuseUsage(`"${role}" is not a role`, `roles are ${ROLES.join(", ")}`);
  const file = orgFile(ctx, input.org);
  if (!file.ok) return file;
  if (!ctx.ws.catalog.has("User", input.user)) {
    return refuse(
      `user "${input.user}" does not exist (no ${displayPath(ctx.ws, `users/${input.user}.yaml`)})`,
      `add the user first: mlcat new user ${input.user} --github <login> --github-id <id>`,
    );
  }
  const members = membersOf(ctx, input.org);
  const index = members.findIndex((m) => m.user === input.user);
  const { relPath, text } = file.value;
  if (index >= 0) {
    const was = members[index]!.role;
    if (was === role)
      return refuse(
        `${input.user} is already a ${role} of organization ${input.org}`,
        "nothing to change; give --role to change the role",
      );
    const edited = editYamlText(text, [{ op: "set", path: ["members", index, "role"], value: role }], {
      shape: KIND_SHAPES.Organization,
    });
    return succeed({
      changes: [updateChange(relPath, edited)],
      notes: [`${input.user}: ${String(was)} -> ${role} in organization ${input.org}`],
    });
  }
  const edited = editYamlText(
    text,
    [{ op: "append", path: ["members"], value: { user: input.user, role: role as Role } }],
    { shape: KIND_SHAPES.Organization },
  );
  return succeed({
    changes: [updateChange(relPath, edited)],
    notes: [`added ${input.user} to organization ${input.org} as ${role}`],
  });
}

/** Plan removing `user` from `org`'s members. */
export function planRemoveMember(ctx: ScaffoldContext, input: MemberInput): Outcome<Plan> {
  const file = orgFile(ctx, input.org);
  if (!file.ok) return file;
  const members = membersOf(ctx, input.org);
  const index = members.findIndex((m) => m.user === input.user);
  if (index < 0)
    return refuse(
      `${input.user} is not a member of organization ${input.org}`,
      "nothing to remove; the members are listed in organization.yaml",
    );
  const owners = members.filter((m) => m.role === "owner");
  if (members[index]!.role === "owner" && owners.length === 1) {
    return refuse(
      `${input.user} is the last owner of organization ${input.org}`,
      `add another owner first: mlcat org add-member ${input.org} <user> --role owner`,
    );
  }
  // Where the user still holds a role in this organization: those files would stop validating.
  const inOrg = new Authority(ctx.ws.catalog)
    .rolesNaming(input.user)
    .filter(
      (where) =>
        !where.endsWith(`of organization ${input.org}`) &&
        (where.includes(` ${input.org}/`) || where.endsWith(` in ${input.org}`)),
    );
  if (inOrg.length > 0) {
    return refuse(
      `${input.user} still has roles in organization ${input.org}: ${inOrg.join(", ")}`,
      "remove them there first (or give what they own to someone else), then remove the membership",
    );
  }
  const edited = editYamlText(file.value.text, [{ op: "delete", path: ["members", index] }], {
    shape: KIND_SHAPES.Organization,
  });
  return succeed({
    changes: [updateChange(file.value.relPath, edited)],
    notes: [`removed ${input.user} from organization ${input.org}`],
  });
}
