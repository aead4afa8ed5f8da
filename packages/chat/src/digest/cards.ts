import { describeScope, type DigestSubscription, type RegionalOffice } from "@samverkan/sdk";
import { escapeMarkup } from "../cards/markup";
import type { Action, Block, Field, Locale, Message } from "../cards/model";
import { formatDateTime } from "../engine/format";
import { DIGEST_ACTIONS, encodeCreateValue, type DigestDraft } from "./actions";
import { describeCron } from "./describe";
import { nextOccurrence } from "./schedule";
import { t } from "../i18n";

/** Subscriptions shown in one list card; a channel rarely has more than a handful. */
const MAX_LISTED = 20;

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function nextText(cron: string, now: Date, locale: Locale): string {
  const next = nextOccurrence(cron, now.getTime());
  return next === undefined ? "–" : formatDateTime(next, locale);
}

function draftFields(
  draft: Pick<DigestDraft, "scope" | "cron" | "locale" | "postWhenEmpty">,
  offices: readonly RegionalOffice[],
  now: Date,
  locale: Locale,
): Field[] {
  const msg = t(locale).digestCards;
  return [
    { label: msg.area, value: escapeMarkup(capitalize(describeScope(draft.scope, offices, locale))) },
    { label: msg.schedule, value: `${describeCron(draft.cron, locale)} ${msg.swedishTime}` },
    { label: msg.nextDigest, value: nextText(draft.cron, now, locale) },
    { label: msg.language, value: t(draft.locale).digestCards.english },
    { label: msg.whenNothingIsNew, value: draft.postWhenEmpty ? msg.postedAnyway : msg.skipped },
  ];
}

export function confirmCreateCard(draft: DigestDraft, offices: readonly RegionalOffice[], now: Date, locale: Locale): Message {
  const msg = t(locale).digestCards;
  return {
    text: msg.shallICreateThisDigest,
    locale,
    blocks: [
      { type: "header", text: msg.newDigestForThisChannel },
      { type: "text", text: msg.isThisRightILl },
      { type: "fields", fields: draftFields(draft, offices, now, locale) },
      {
        type: "actions",
        actions: [
          { id: DIGEST_ACTIONS.createConfirm, label: msg.createDigest, value: encodeCreateValue(draft), style: "primary" },
          { id: DIGEST_ACTIONS.cancel, label: msg.cancel, value: {} },
        ],
      },
    ],
  };
}

function manageActions(sub: DigestSubscription, locale: Locale): Action[] {
  const msg = t(locale).digestCards;
  const toggle: Action =
    sub.status === "active"
      ? { id: DIGEST_ACTIONS.pause, label: msg.pause, value: { id: sub.id } }
      : { id: DIGEST_ACTIONS.resume, label: msg.resume, value: { id: sub.id } };
  return [
    { id: DIGEST_ACTIONS.preview, label: msg.preview, value: { id: sub.id } },
    toggle,
    { id: DIGEST_ACTIONS.remove, label: msg.remove, value: { id: sub.id }, style: "danger" },
  ];
}

/** One subscription with its management buttons; `lead` says what just happened. */
export function subscriptionCard(sub: DigestSubscription, offices: readonly RegionalOffice[], now: Date, locale: Locale, lead?: string): Message {
  const msg = t(locale).digestCards;
  const blocks: Block[] = [];
  if (lead) blocks.push({ type: "text", text: `**${lead}**` });
  blocks.push({ type: "header", text: `Digest ${sub.ref}` });
  const fields = draftFields(sub, offices, now, locale).filter((f) => sub.status === "active" || f.label !== msg.nextDigest);
  fields.push({ label: "Status", value: escapeMarkup(statusText(sub, locale)) });
  blocks.push({ type: "fields", fields });
  blocks.push({ type: "actions", actions: manageActions(sub, locale) });
  return {
    text: `${lead ? `${lead} ` : ""}Digest ${sub.ref}: ${describeScope(sub.scope, offices, locale)}, ${describeCron(sub.cron, locale)}`,
    locale,
    blocks,
  };
}

function statusText(sub: DigestSubscription, locale: Locale): string {
  const msg = t(locale).digestCards;
  if (sub.status === "active") return msg.active;
  return sub.pausedReason ? `${msg.paused}: ${sub.pausedReason}` : msg.paused;
}

export function listCard(subs: DigestSubscription[], offices: readonly RegionalOffice[], now: Date, locale: Locale, inChannel: boolean): Message {
  const msg = t(locale).digestCards;
  const heading = inChannel ? msg.digestsInThisChannel : msg.allDigests;
  if (subs.length === 0) {
    const text = msg.thereAreNoDigestsHere;
    return {
      text: text.replace(/\*/g, ""),
      locale,
      blocks: [
        { type: "header", text: heading },
        { type: "text", text },
      ],
    };
  }
  const shown = subs.slice(0, MAX_LISTED);
  const blocks: Block[] = [
    { type: "header", text: heading },
    {
      type: "list",
      items: shown.map((s) => ({
        title: `${s.ref} · ${capitalize(describeScope(s.scope, offices, locale))}`,
        subtitle: [describeCron(s.cron, locale), s.status === "active" ? `${msg.next} ${nextText(s.cron, now, locale)}` : statusText(s, locale)].join(" · "),
        action:
          s.status === "active"
            ? { id: DIGEST_ACTIONS.pause, label: msg.pause, value: { id: s.id } }
            : { id: DIGEST_ACTIONS.resume, label: msg.resume, value: { id: s.id } },
      })),
    },
  ];
  if (subs.length > shown.length) blocks.push({ type: "context", text: msg.andMore(subs.length - shown.length) });
  blocks.push({ type: "context", text: msg.removeWithDigestRemoveD });
  return { text: msg.digests(subs.length), locale, blocks };
}

export function confirmRemoveCard(sub: DigestSubscription, offices: readonly RegionalOffice[], locale: Locale): Message {
  const msg = t(locale).digestCards;
  const what = `${sub.ref} (${describeScope(sub.scope, offices, locale)}, ${describeCron(sub.cron, locale)})`;
  const text = msg.removeDigestItsRunHistory(what);
  return {
    text,
    locale,
    blocks: [
      { type: "text", text },
      {
        type: "actions",
        actions: [
          { id: DIGEST_ACTIONS.removeConfirm, label: msg.remove, value: { id: sub.id }, style: "danger" },
          { id: DIGEST_ACTIONS.cancel, label: msg.cancel, value: {} },
        ],
      },
    ],
  };
}

export function digestHelpCard(locale: Locale, problem?: string): Message {
  const msg = t(locale).digestCards;
  const blocks: Block[] = [];
  if (problem) blocks.push({ type: "text", text: problem });
  blocks.push({ type: "header", text: msg.digestsToThisChannel });
  blocks.push({
    type: "text",
    text: msg.aDigestSumsUpUpcoming,
  });
  blocks.push({ type: "fields", fields: msg.examples.map(({ label, example }) => ({ label, value: `_${example}_` })) });
  return { text: problem ? problem.replace(/\*/g, "") : msg.digestsToThisChannel, locale, blocks };
}
