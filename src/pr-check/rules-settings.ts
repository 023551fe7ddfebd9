/** Rules for the catalog settings, users, organizations, teams and connections. */
import { decision, anyOf } from "../permissions/decision.js";
import { asRecord, rolesAt } from "../permissions/read-data.js";
import { denyEveryone, requireAction, requireCatalogAdmin, requireSelf } from "../permissions/requirements.js";
import type { Role } from "../model/types.js";
import type { ValuePath } from "../yaml/positions.js";
import { byTopKey, fieldChanges, verdict, type RuleInput, type Verdict } from "./rule-kit.js";

/** catalog.yaml: catalog admins only. */
export function judgeCatalogSettings(input: RuleInput): Verdict[] {
  const path = input.action === "update" ? (fieldChanges(input)[0] ?? []) : [];
  return [
    verdict(
      requireCatalogAdmin(input.ctx, {
        rule: "catalog-settings",
        doing: `${input.action === "create" ? "creating" : input.action === "delete" ? "deleting" : "changing"} catalog.yaml`,
      }),
      path,
    ),
  ];
}

/** A user file: users edit their own (not their GitHub identity); new users register themselves; catalog admins do the rest. */
export function judgeUser(input: RuleInput): Verdict[] {
  const { ctx } = input;
  const user = input.change.info!.name;
  if (input.action === "delete")
    return [verdict(requireCatalogAdmin(ctx, { rule: "user-delete", doing: `deleting user ${user}` }))];
  if (input.action === "create") return [judgeSelfRegister(input, user)];
  const groups = byTopKey(fieldChanges(input));
  const out: Verdict[] = [];
  if (groups.has("github") || groups.has("name")) {
    const key = groups.has("github") ? "github" : "name";
    out.push(
      verdict(
        requireCatalogAdmin(ctx, {
          rule: "user-identity",
          doing: `changing the ${key === "github" ? "GitHub identity" : "name"} of user ${user}`,
        }),
        groups.get(key)![0]!,
      ),
    );
  }
  const rest = [...groups.entries()].filter(([k]) => k !== "github" && k !== "name");
  if (rest.length > 0 || groups.size === 0) {
    const path = rest[0]?.[1][0] ?? [];
    const self = requireSelf(ctx, { rule: "user-self-edit", user, doing: `editing user ${user}` });
    out.push(
      verdict(anyOf(self, requireCatalogAdmin(ctx, { rule: "user-edit", doing: `editing another user's file` })), path),
    );
  }
  return out;
}

/**
 * A new user file: its author registers themselves (github.login, and github.id
 * when CI gives one, are the author's, who has no user file yet), under a name
 * the base gives no role to; a catalog admin adds anyone.
 */
function judgeSelfRegister(input: RuleInput, user: string): Verdict {
  const { ctx } = input;
  const github = asRecord(asRecord(input.after?.data)?.github);
  const login = typeof github?.login === "string" ? github.login : undefined;
  const id = typeof github?.id === "number" ? github.id : undefined;
  const sameLogin = login !== undefined && login.toLowerCase() === ctx.actor.login.toLowerCase();
  const sameId = ctx.actor.id === undefined || id === ctx.actor.id;
  const fresh = ctx.actor.user === undefined && ctx.actor.ambiguous === undefined;
  // A name the base already gives roles to (with no user file for it) would hand those roles to whoever registers it.
  const named = ctx.authority.rolesNaming(user);
  const allowed = sameLogin && sameId && fresh && named.length === 0;
  const reason = allowed
    ? `${ctx.actor.login} registers themselves as ${user} (github.login matches the author)`
    : named.length > 0 && sameLogin && sameId && fresh
      ? `the base already names ${user} as ${named.slice(0, 3).join(", ")}${named.length > 3 ? ` and ${named.length - 3} more` : ""}: registering that name would take those roles, so only a catalog admin may add users/${user}.yaml`
      : `a new user file registers its own author only: its github.login${ctx.actor.id !== undefined ? " and github.id" : ""} must be the author's (${ctx.actor.login}${ctx.actor.id !== undefined ? `, ${ctx.actor.id}` : ""})${fresh ? "" : ", and the author must not have a user file already"}`;
  const self = decision(allowed, "user-self-register", reason, [
    ...ctx.actor.chain,
    "rule user-self-register: anyone may add their own user file, under a name the catalog gives no role yet",
  ]);
  return verdict(
    anyOf(self, requireCatalogAdmin(ctx, { rule: "user-create", doing: `adding user ${user} for someone else` })),
    ["github"],
  );
}

/** An organization: catalog admins create it, owners delete it and manage visibility and owners, managers the rest. */
export function judgeOrganization(input: RuleInput): Verdict[] {
  const { ctx } = input;
  const org = input.change.info!.org!;
  const scope = { org };
  if (input.action === "create")
    return [verdict(requireCatalogAdmin(ctx, { rule: "org-create", doing: `creating organization ${org}` }))];
  if (input.action === "delete")
    return [
      verdict(
        requireAction(ctx, {
          rule: "org-delete",
          scope,
          action: "org-owners",
          doing: `deleting organization ${org}`,
        }),
      ),
    ];
  const groups = byTopKey(fieldChanges(input));
  const out: Verdict[] = [];
  for (const [key, paths] of groups) {
    if (key === "members") out.push(...judgeMembers(input, org));
    else if (key === "visibility")
      out.push(
        verdict(
          requireAction(ctx, {
            rule: "org-visibility",
            scope,
            action: "org-owners",
            doing: `changing the visibility of ${org}`,
          }),
          paths[0]!,
        ),
      );
    else if (key === "delegations")
      out.push(
        verdict(
          requireAction(ctx, {
            rule: "org-delegations",
            scope,
            action: "org-settings",
            doing: `delegating management in ${org}`,
          }),
          paths[0]!,
        ),
      );
    else
      out.push(
        verdict(
          requireAction(ctx, {
            rule: "org-settings",
            scope,
            action: "org-settings",
            doing: `changing the settings (${key || "file"}) of ${org}`,
          }),
          paths[0]!,
        ),
      );
  }
  if (groups.size === 0)
    out.push(
      verdict(
        requireAction(ctx, {
          rule: "org-settings",
          scope,
          action: "org-settings",
          doing: `editing organization ${org}`,
        }),
      ),
    );
  return out;
}

/** Each member's roles in the order listed (a user listed twice has two; roles are read from the first). */
function rolesByUser(data: unknown): Map<string, Role[]> {
  const out = new Map<string, Role[]>();
  for (const m of rolesAt(data, "members", "user")) out.set(m.name, [...(out.get(m.name) ?? []), m.role]);
  return out;
}

/**
 * Member changes: owners manage owners (adding, removing or changing one), managers
 * everyone else. Every entry counts, not only the one roles are read from: a second
 * `owner` entry listed before a user's old one is an owner change.
 */
function judgeMembers(input: RuleInput, org: string): Verdict[] {
  const before = rolesByUser(input.before?.data);
  const after = rolesByUser(input.after?.data);
  const rawAfter = Array.isArray(asRecord(input.after?.data)?.members)
    ? (asRecord(input.after?.data)!.members as unknown[])
    : [];
  const out: Verdict[] = [];
  const touched = [...new Set([...before.keys(), ...after.keys()])].filter(
    (u) => (before.get(u) ?? []).join() !== (after.get(u) ?? []).join(),
  );
  for (const user of touched) {
    const was = before.get(user) ?? [];
    const now = after.get(user) ?? [];
    const owners = was.includes("owner") || now.includes("owner");
    const index = rawAfter.findIndex((m) => asRecord(m)?.user === user);
    const path: ValuePath = index >= 0 ? ["members", index] : ["members"];
    const doing =
      now.length === 0
        ? `removing ${user} from ${org}`
        : was.length === 0
          ? `adding ${user} to ${org} as ${now.join(" and ")}`
          : `changing ${user}'s role in ${org} from ${was.join(" and ")} to ${now.join(" and ")}`;
    const scope = { org };
    out.push(
      verdict(
        owners
          ? requireAction(input.ctx, { rule: "org-owners", scope, action: "org-owners", doing })
          : requireAction(input.ctx, { rule: "org-members", scope, action: "org-settings", doing }),
        path,
      ),
    );
  }
  if (touched.length === 0)
    out.push(
      verdict(
        requireAction(input.ctx, {
          rule: "org-members",
          scope: { org },
          action: "org-settings",
          doing: `editing the members of ${org}`,
        }),
        ["members"],
      ),
    );
  // Only owners manage owners and visibility: an organization left without one could never change them again.
  const owners = (roles: Map<string, Role[]>) => [...roles].filter(([, r]) => r[0] === "owner").map(([u]) => u);
  const lastOwners = owners(before);
  if (lastOwners.length > 0 && owners(after).length === 0) {
    const reason = `it would leave ${org} without an owner, and only owners manage owners and the organization's visibility`;
    const hint = `keep an owner: add the new owner in one pull request, then remove or demote ${lastOwners.join(", ")} in another`;
    out.push(
      verdict(
        denyEveryone(input.ctx, { rule: "org-last-owner", doing: `removing the last owner of ${org}`, reason }),
        ["members"],
        { hint },
      ),
    );
  }
  return out;
}

/** Teams and connections: organization managers. */
export function judgeOrgSetting(input: RuleInput): Verdict[] {
  const info = input.change.info!;
  const what = info.kind === "Team" ? "team" : "connection";
  const verb = input.action === "create" ? "adding" : input.action === "delete" ? "deleting" : "changing";
  const path = input.action === "update" ? (fieldChanges(input)[0] ?? []) : [];
  const rule = info.kind === "Team" ? "org-teams" : "org-connections";
  return [
    verdict(
      requireAction(input.ctx, {
        rule,
        scope: { org: info.org! },
        action: "org-settings",
        doing: `${verb} ${what} ${info.key}`,
      }),
      path,
    ),
  ];
}
