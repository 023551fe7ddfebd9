/**
 * Records a pull request writes about itself are bound to it: a stage-history
 * entry it appends says who moved the version (`by`: the author) and when
 * (`at`: between the fork point's commit and the head's, give or take
 * RECORD_SKEW_MS); the `createdBy` of an experiment or model version it adds
 * (or changes) is its author, unless the author is a service account the
 * base's policy lists in `recordOnBehalf`. The registry's history is its audit
 * trail: these are not the contributor's own words.
 */
import { decision } from "../permissions/decision.js";
import { arrayAt, stringAt } from "../permissions/read-data.js";
import { actorName, type TimeWindow } from "../permissions/requirements.js";
import type { RuleFor } from "../permissions/rules.js";
import type { ValuePath } from "../yaml/positions.js";
import { verdict, type RuleInput, type Verdict } from "./rule-kit.js";

/** How far a recorded time may lie outside the pull request's commits (clocks differ; a commit follows its edit). */
export const RECORD_SKEW_MS = 10 * 60_000;

/** A record field that must name the author or fall in the pull request's time. */
function mismatch(
  input: RuleInput,
  rule: RuleFor<"own-records">,
  path: ValuePath,
  reason: string,
  hint: string,
): Verdict {
  return verdict(decision(false, rule, reason, [...input.ctx.actor.chain, `rule ${rule}: ${reason}`]), path, {
    code: "pr/record-mismatch",
    hint,
  });
}

/** ISO time of `ms`, to the minute, for messages. */
const minute = (ms: number) => `${new Date(ms).toISOString().slice(0, 16)}Z`;

/** The stage-history entries from `first` on (the ones this pull request appends): `by` is the author, `at` in its time. */
export function judgeAppendedEntries(input: RuleInput, first: number): Verdict[] {
  const { actor, window } = input.ctx;
  const author = actor.user;
  const allowed = recordersOf(input);
  const out: Verdict[] = [];
  arrayAt(input.after?.data, "stageHistory").forEach((entry, i) => {
    if (i < first) return;
    const by = stringAt(entry, "by");
    if (by === undefined || !allowed.includes(by)) {
      const who = author ?? `${actorName(actor)}, who has no user file`;
      out.push(
        mismatch(
          input,
          "record-by",
          ["stageHistory", i, "by"],
          `appended entry stageHistory[${i}] has by: ${JSON.stringify(by ?? null)}, but this pull request is by ${who}: an appended entry records who made the change`,
          author
            ? `write by: ${author} (mlcat stage and mlcat promote write it for you)`
            : "add your user file first (users/<you>.yaml), then record yourself",
        ),
      );
    }
    const at = stringAt(entry, "at");
    if (window && !within(at, window)) {
      const span = `${minute(window.from - RECORD_SKEW_MS)} to ${minute(window.to + RECORD_SKEW_MS)}`;
      out.push(
        mismatch(
          input,
          "record-at",
          ["stageHistory", i, "at"],
          `appended entry stageHistory[${i}] has at: ${JSON.stringify(at ?? null)}, outside the time of this pull request's commits (${span}, with ${RECORD_SKEW_MS / 60_000} minutes' allowance)`,
          "write the time the change is made, in UTC (mlcat stage and mlcat promote write it for you)",
        ),
      );
    }
  });
  return out;
}

/** `createdBy` of a record the pull request adds or changes (from `beforeData`): the author, unless the author records on behalf of others. */
export function judgeCreatedBy(input: RuleInput, beforeData: unknown): Verdict[] {
  const { actor, authority } = input.ctx;
  const createdBy = stringAt(input.after?.data, "createdBy");
  const before = stringAt(beforeData, "createdBy");
  const ours = recordersOf(input);
  if (createdBy === undefined || createdBy === before || ours.includes(createdBy)) return [];
  const recorders = authority.policy().recordOnBehalf;
  if (ours.some((user) => recorders.includes(user))) return [];
  const who = actor.user ?? `${actorName(actor)}, who has no user file`;
  const reason = `this record has createdBy: ${JSON.stringify(createdBy)}, but this pull request is by ${who}, and only the service accounts in the base's policy.recordOnBehalf (${recorders.join(", ") || "none"}) record others`;
  return [
    mismatch(
      input,
      "record-created-by",
      ["createdBy"],
      reason,
      actor.user ? `write createdBy: ${actor.user}, or leave it out` : "leave createdBy out",
    ),
  ];
}

/** Whom the pull request's records may name: everyone whose change it is (its author and pushers), or the actor. */
function recordersOf(input: RuleInput): readonly string[] {
  const { recorders, actor } = input.ctx;
  return recorders ?? (actor.user === undefined ? [] : [actor.user]);
}

/** Whether the ISO time `at` falls in `window`, with the allowance. */
function within(at: string | undefined, window: TimeWindow): boolean {
  const ms = at === undefined ? NaN : Date.parse(at);
  return Number.isFinite(ms) && ms >= window.from - RECORD_SKEW_MS && ms <= window.to + RECORD_SKEW_MS;
}
