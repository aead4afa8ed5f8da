import { describeScope, formatInstant, type DigestSubscription, type RegionalOffice } from "@samverkan/sdk";
import { escapeMarkup } from "../cards/markup";
import type { Action, Block, Field, Locale, Message } from "../cards/model";
import { formatDateTime } from "../engine/i18n";
import { DIGEST_ACTIONS, encodeCreateValue, type DigestDraft } from "./actions";
import { describeCron } from "./describe";
import { nextOccurrence } from "./schedule";

/** Subscriptions shown in one list card; a channel rarely has more than a handful. */
const MAX_LISTED = 20;

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function nextText(cron: string, now: Date, locale: Locale): string {
  const next = nextOccurrence(cron, now.getTime());
  return next === undefined ? "–" : formatDateTime(formatInstant(next), locale);
}

function draftFields(draft: Pick<DigestDraft, "scope" | "cron" | "locale" | "postWhenEmpty">, offices: readonly RegionalOffice[], now: Date, locale: Locale): Field[] {
  const sv = locale === "sv";
  return [
    { label: sv ? "Område" : "Area", value: escapeMarkup(capitalize(describeScope(draft.scope, offices, locale))) },
    { label: sv ? "Schema" : "Schedule", value: `${describeCron(draft.cron, locale)} ${sv ? "(svensk tid)" : "(Swedish time)"}` },
    { label: sv ? "Nästa utskick" : "Next digest", value: nextText(draft.cron, now, locale) },
    { label: sv ? "Språk" : "Language", value: draft.locale === "sv" ? "Svenska" : "English" },
    { label: sv ? "Utan nyheter" : "When nothing is new", value: draft.postWhenEmpty ? (sv ? "Postas ändå" : "Posted anyway") : sv ? "Hoppas över" : "Skipped" },
  ];
}

export function confirmCreateCard(draft: DigestDraft, offices: readonly RegionalOffice[], now: Date, locale: Locale): Message {
  const sv = locale === "sv";
  return {
    text: sv ? "Ska jag skapa den här digesten för kanalen?" : "Shall I create this digest for the channel?",
    locale,
    blocks: [
      { type: "header", text: sv ? "Ny digest för kanalen" : "New digest for this channel" },
      { type: "text", text: sv ? "Stämmer det här? Jag skapar digesten när du bekräftar." : "Is this right? I'll create the digest when you confirm." },
      { type: "fields", fields: draftFields(draft, offices, now, locale) },
      {
        type: "actions",
        actions: [
          { id: DIGEST_ACTIONS.createConfirm, label: sv ? "Skapa digest" : "Create digest", value: encodeCreateValue(draft), style: "primary" },
          { id: DIGEST_ACTIONS.cancel, label: sv ? "Avbryt" : "Cancel", value: {} },
        ],
      },
    ],
  };
}

function manageActions(sub: DigestSubscription, locale: Locale): Action[] {
  const sv = locale === "sv";
  const toggle: Action =
    sub.status === "active"
      ? { id: DIGEST_ACTIONS.pause, label: sv ? "Pausa" : "Pause", value: { id: sub.id } }
      : { id: DIGEST_ACTIONS.resume, label: sv ? "Återuppta" : "Resume", value: { id: sub.id } };
  return [
    { id: DIGEST_ACTIONS.preview, label: sv ? "Förhandsvisa" : "Preview", value: { id: sub.id } },
    toggle,
    { id: DIGEST_ACTIONS.remove, label: sv ? "Ta bort" : "Remove", value: { id: sub.id }, style: "danger" },
  ];
}

/** One subscription with its management buttons; `lead` says what just happened. */
export function subscriptionCard(sub: DigestSubscription, offices: readonly RegionalOffice[], now: Date, locale: Locale, lead?: string): Message {
  const sv = locale === "sv";
  const blocks: Block[] = [];
  if (lead) blocks.push({ type: "text", text: `**${lead}**` });
  blocks.push({ type: "header", text: `Digest ${sub.ref}` });
  const fields = draftFields(sub, offices, now, locale).filter((f) => sub.status === "active" || f.label !== (sv ? "Nästa utskick" : "Next digest"));
  fields.push({ label: "Status", value: escapeMarkup(statusText(sub, locale)) });
  blocks.push({ type: "fields", fields });
  blocks.push({ type: "actions", actions: manageActions(sub, locale) });
  return { text: `${lead ? `${lead} ` : ""}Digest ${sub.ref}: ${describeScope(sub.scope, offices, locale)}, ${describeCron(sub.cron, locale)}`, locale, blocks };
}

function statusText(sub: DigestSubscription, locale: Locale): string {
  const sv = locale === "sv";
  if (sub.status === "active") return sv ? "Aktiv" : "Active";
  return sub.pausedReason ? `${sv ? "Pausad" : "Paused"}: ${sub.pausedReason}` : sv ? "Pausad" : "Paused";
}

export function listCard(subs: DigestSubscription[], offices: readonly RegionalOffice[], now: Date, locale: Locale, inChannel: boolean): Message {
  const sv = locale === "sv";
  const heading = inChannel ? (sv ? "Digests i kanalen" : "Digests in this channel") : sv ? "Alla digests" : "All digests";
  if (subs.length === 0) {
    const text = sv
      ? "Här finns inga digests ännu. Skapa en med till exempel *digest varje måndag 08:00 län 22*."
      : "There are no digests here yet. Create one with e.g. *digest every monday 08:00 county 22*.";
    return { text: text.replace(/\*/g, ""), locale, blocks: [{ type: "header", text: heading }, { type: "text", text }] };
  }
  const shown = subs.slice(0, MAX_LISTED);
  const blocks: Block[] = [
    { type: "header", text: heading },
    {
      type: "list",
      items: shown.map((s) => ({
        title: `${s.ref} · ${capitalize(describeScope(s.scope, offices, locale))}`,
        subtitle: [describeCron(s.cron, locale), s.status === "active" ? `${sv ? "nästa" : "next"} ${nextText(s.cron, now, locale)}` : statusText(s, locale)].join(" · "),
        action:
          s.status === "active"
            ? { id: DIGEST_ACTIONS.pause, label: sv ? "Pausa" : "Pause", value: { id: s.id } }
            : { id: DIGEST_ACTIONS.resume, label: sv ? "Återuppta" : "Resume", value: { id: s.id } },
      })),
    },
  ];
  if (subs.length > shown.length) blocks.push({ type: "context", text: sv ? `… och ${subs.length - shown.length} till` : `… and ${subs.length - shown.length} more` });
  blocks.push({ type: "context", text: sv ? 'Ta bort med "digest ta bort D-1", förhandsvisa med "digest förhandsvisa D-1".' : 'Remove with "digest remove D-1", preview with "digest preview D-1".' });
  return { text: sv ? `${subs.length} digests` : `${subs.length} digests`, locale, blocks };
}

export function confirmRemoveCard(sub: DigestSubscription, offices: readonly RegionalOffice[], locale: Locale): Message {
  const sv = locale === "sv";
  const what = `${sub.ref} (${describeScope(sub.scope, offices, locale)}, ${describeCron(sub.cron, locale)})`;
  const text = sv ? `Ta bort digest ${what}? Dess körhistorik tas också bort.` : `Remove digest ${what}? Its run history is removed too.`;
  return {
    text,
    locale,
    blocks: [
      { type: "text", text },
      {
        type: "actions",
        actions: [
          { id: DIGEST_ACTIONS.removeConfirm, label: sv ? "Ta bort" : "Remove", value: { id: sub.id }, style: "danger" },
          { id: DIGEST_ACTIONS.cancel, label: sv ? "Avbryt" : "Cancel", value: {} },
        ],
      },
    ],
  };
}

const EXAMPLES = {
  sv: [
    ["Skapa", "digest varje måndag 08:00 län 22"],
    ["Kontor", "digest varje fredag 14:00 kontor Göteborg"],
    ["Hela landet", "digest varje dag 07:30 hela landet på engelska"],
    ["Även utan nyheter", "digest varje vardag 08:00 län 01,03 även tom"],
    ["Lista", "digest lista"],
    ["Hantera", "digest pausa D-1 · digest återuppta D-1 · digest ta bort D-1 · digest förhandsvisa D-1"],
  ],
  en: [
    ["Create", "digest every monday 08:00 county 22"],
    ["Office", "digest every friday 14:00 office Göteborg"],
    ["All of Sweden", "digest every day 07:30 all of Sweden in swedish"],
    ["Even when empty", "digest every weekday 08:00 county 01,03 always"],
    ["List", "digest list"],
    ["Manage", "digest pause D-1 · digest resume D-1 · digest remove D-1 · digest preview D-1"],
  ],
} as const;

export function digestHelpCard(locale: Locale, problem?: string): Message {
  const sv = locale === "sv";
  const blocks: Block[] = [];
  if (problem) blocks.push({ type: "text", text: problem });
  blocks.push({ type: "header", text: sv ? "Digests till kanalen" : "Digests to this channel" });
  blocks.push({
    type: "text",
    text: sv
      ? "En digest sammanfattar kommande och genomförda dialoger, täckningen, uppdrag utan framsteg och fasbyten för ett område, på schemalagd tid (svensk tid)."
      : "A digest sums up upcoming and held dialogues, coverage, assignments without progress and phase changes for an area, on a schedule (Swedish time).",
  });
  blocks.push({ type: "fields", fields: EXAMPLES[locale].map(([label, value]) => ({ label, value: `_${value}_` })) });
  return { text: problem ? problem.replace(/\*/g, "") : sv ? "Digests till kanalen" : "Digests to this channel", locale, blocks };
}
