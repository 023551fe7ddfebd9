/** `mlcat org add-member|remove-member <org> <user>`: an organization's members, edited in place. */
import { Option, type Command } from "commander";
import { planAddMember, planRemoveMember } from "../authoring/org-members.js";
import { ROLES } from "../model/types.js";
import {
  addAuthoringOptions,
  missingSubcommand,
  openCatalog,
  valueOr,
  writePlan,
  type AuthoringOptions,
} from "./authoring-run.js";
import type { CliIO } from "./io.js";

/** Register `org` and its subcommands on `program`. */
export function registerOrgCommand(program: Command, io: CliIO, setExit: (code: number) => void): void {
  const cmd = program
    .command("org")
    .description("Change an organization's members: add one (or change their role), remove one.")
    .argument("[action...]")
    .action((action: string[]) => missingSubcommand("org", action[0], cmd));

  const add = cmd
    .command("add-member")
    .description(
      "Add a user to an organization's members (the user file must exist); a member given again has the role changed.",
    )
    .argument("<org>", "the organization")
    .argument("<user>", "the catalog user name")
    .addOption(new Option("--role <role>", "the organization role").choices(ROLES).default("member"));
  addAuthoringOptions(add).addHelpText(
    "after",
    "\nExamples:\n  $ mlcat org add-member acme bob\n  $ mlcat org add-member acme carol --role admin",
  );
  add.action(async (org: string, user: string, o: AuthoringOptions & { role: string }) => {
    const ws = await openCatalog(io, o.catalog);
    setExit(await writePlan(io, ws, valueOr(io, planAddMember({ ws }, { org, user, role: o.role })), o));
  });

  const remove = cmd
    .command("remove-member")
    .description(
      "Remove a user from an organization's members (refused for the last owner, and while they hold roles in the organization's files).",
    )
    .argument("<org>", "the organization")
    .argument("<user>", "the catalog user name");
  addAuthoringOptions(remove).addHelpText("after", "\nExamples:\n  $ mlcat org remove-member acme bob");
  remove.action(async (org: string, user: string, o: AuthoringOptions) => {
    const ws = await openCatalog(io, o.catalog);
    setExit(await writePlan(io, ws, valueOr(io, planRemoveMember({ ws }, { org, user })), o));
  });
}
