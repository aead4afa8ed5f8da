import { checkDigestCron, normalizeScope } from "@samverkan/sdk";
import type { ActionValue } from "../../cards/model";
import { DIGEST_ACTIONS, decodeCreateValue, sameTarget, type DigestDraft } from "../../digest/actions";
import { confirmCreateCard, confirmRemoveCard, digestHelpCard, listCard, subscriptionCard } from "../../digest/cards";
import type { DigestCommand } from "../../digest/command";
import { buildDigest } from "../../digest/content";
import { periodStart } from "../../digest/schedule";
import type { FlowContext } from "../context";
import { inPlace, reply, textMessage } from "../reply";
import type { EngineReply } from "../types";
import { t } from "../../i18n";

/**
 * `digest …` commands in a channel: create (confirmed with a button), list, pause,
 * resume, remove (confirmed), preview. The engine reads them as `digest.*` intents of the
 * turn's one parse (`digestCommandOf`).
 */
export async function handleDigestCommand(ctx: FlowContext, command: DigestCommand): Promise<EngineReply> {
  switch (command.kind) {
    case "help":
      return reply(digestHelpCard(ctx.locale, command.problem?.[ctx.locale]));
    case "list":
      return list(ctx);
    case "create":
      return askCreate(ctx, { cron: command.cron, scope: command.scope, locale: command.locale ?? ctx.locale, postWhenEmpty: command.postWhenEmpty });
    case "pause":
    case "resume":
    case "remove":
    case "preview":
      if (!command.ref) return list(ctx);
      if (command.kind === "pause") return pause(ctx, command.ref);
      if (command.kind === "resume") return resume(ctx, command.ref);
      if (command.kind === "remove") return askRemove(ctx, command.ref);
      return preview(ctx, command.ref);
  }
}

/** Buttons on digest cards (ids in DIGEST_ACTIONS); undefined for any other action. */
export async function handleDigestAction(ctx: FlowContext, action: { id: string; value: ActionValue }): Promise<EngineReply | undefined> {
  const id = typeof action.value.id === "string" ? action.value.id : undefined;
  switch (action.id) {
    // A confirmation's answer takes the place of the question.
    case DIGEST_ACTIONS.createConfirm:
      return inPlace(await confirmCreate(ctx, action.value));
    case DIGEST_ACTIONS.cancel:
      return reply(textMessage(ctx.locale, t(ctx.locale).digest.okayNothingWasChanged));
    case DIGEST_ACTIONS.list:
      return list(ctx);
    case DIGEST_ACTIONS.pause:
      return id ? pause(ctx, id) : list(ctx);
    case DIGEST_ACTIONS.resume:
      return id ? resume(ctx, id) : list(ctx);
    case DIGEST_ACTIONS.remove:
      return id ? askRemove(ctx, id) : list(ctx);
    case DIGEST_ACTIONS.removeConfirm:
      return inPlace(id ? await remove(ctx, id) : await list(ctx));
    case DIGEST_ACTIONS.preview:
      return id ? preview(ctx, id) : list(ctx);
    default:
      return undefined;
  }
}

function notInChannel(ctx: FlowContext): EngineReply {
  return reply(textMessage(ctx.locale, t(ctx.locale).digest.digestsArePostedToA));
}

async function askCreate(ctx: FlowContext, request: Omit<DigestDraft, "target">): Promise<EngineReply> {
  if (!ctx.target) return notInChannel(ctx);
  // Check now, so the confirm card never offers something the SDK would refuse.
  const draft: DigestDraft = {
    ...request,
    target: ctx.target,
    cron: checkDigestCron(request.cron),
    scope: normalizeScope(request.scope, ctx.sv.config.offices),
  };
  return reply(confirmCreateCard(draft, ctx.sv.config.offices, ctx.now, ctx.locale));
}

async function confirmCreate(ctx: FlowContext, value: ActionValue): Promise<EngineReply> {
  const draft = decodeCreateValue(value);
  if (!draft) return reply(textMessage(ctx.locale, t(ctx.locale).digest.thisButtonHasExpiredWrite));
  // The button's value is the client's word: the digest goes to the conversation the button was pressed in, nowhere else.
  if (!ctx.target) return notInChannel(ctx);
  if (!sameTarget(ctx.target, draft.target)) {
    return reply(textMessage(ctx.locale, t(ctx.locale).digest.confirmTheDigestInThe));
  }
  const sub = await ctx.sv.digests.create({ ...draft, target: ctx.target }, ctx.write);
  return reply(subscriptionCard(sub, ctx.sv.config.offices, ctx.now, ctx.locale, t(ctx.locale).digest.doneTheDigestIsCreated));
}

async function list(ctx: FlowContext): Promise<EngineReply> {
  const subs = await ctx.sv.digests.list(ctx.target ? { target: ctx.target } : {});
  return reply(listCard(subs, ctx.sv.config.offices, ctx.now, ctx.locale, ctx.target !== undefined));
}

async function pause(ctx: FlowContext, ref: string): Promise<EngineReply> {
  const reason = t(ctx.locale).digest.pausedBy(ctx.staff.name);
  const sub = await ctx.sv.digests.pause(ref, reason, ctx.write);
  return reply(subscriptionCard(sub, ctx.sv.config.offices, ctx.now, ctx.locale, t(ctx.locale).digest.theDigestIsPaused));
}

async function resume(ctx: FlowContext, ref: string): Promise<EngineReply> {
  const sub = await ctx.sv.digests.resume(ref, ctx.write);
  return reply(subscriptionCard(sub, ctx.sv.config.offices, ctx.now, ctx.locale, t(ctx.locale).digest.theDigestIsRunningAgain));
}

async function askRemove(ctx: FlowContext, ref: string): Promise<EngineReply> {
  await ctx.sv.digests.checkMayManage(ref, ctx.write);
  return reply(confirmRemoveCard(await ctx.sv.digests.get(ref), ctx.sv.config.offices, ctx.locale));
}

async function remove(ctx: FlowContext, ref: string): Promise<EngineReply> {
  const sub = await ctx.sv.digests.remove(ref, ctx.write);
  return reply(textMessage(ctx.locale, t(ctx.locale).digest.digestIsRemoved(sub.ref)));
}

/** The digest as it would be posted now, for the period since the last one. */
async function preview(ctx: FlowContext, ref: string): Promise<EngineReply> {
  const sub = await ctx.sv.digests.get(ref);
  const since = periodStart(sub.cron, ctx.now.getTime(), await ctx.sv.digests.lastPosted(sub.id));
  const previousFlagged = await ctx.sv.digests.flaggedSnapshot(sub.id);
  const digest = await buildDigest(ctx.sv, {
    scope: sub.scope,
    locale: sub.locale,
    since: new Date(since),
    now: ctx.now,
    subscriptionRef: sub.ref,
    cron: sub.cron,
    ...(previousFlagged ? { previousFlagged } : {}),
  });
  const note = t(ctx.locale).digest.preview({ ref: sub.ref, wouldBeSkipped: digest.empty && !sub.postWhenEmpty });
  return reply(textMessage(ctx.locale, note), digest.message);
}
