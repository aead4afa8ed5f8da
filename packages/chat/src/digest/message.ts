import { findOffice, PHASE_NAMES, type CriterionId, type DigestDialogueFact, type Listed, type RegionalOffice } from "@samverkan/sdk";
import { coverageChartAlt } from "../charts/coverage-chart";
import { escapeMarkup } from "../cards/markup";
import type { Block, ListItem, Locale, Message } from "../cards/model";
import { bar, formatDateTime, formatDay, formatRange, percent } from "../engine/format";
import { describeCron } from "./describe";
import type { DigestData } from "./content";
import type { FlaggedSchoolFact, FlaggedSchools } from "./flagged";
import { t } from "../i18n";

export interface DigestMessageOptions {
  locale: Locale;
  empty: boolean;
  offices: readonly RegionalOffice[];
  /** ISO of the missed occurrence when the digest is posted late. */
  lateScheduledFor?: string;
  subscriptionRef?: string;
  cron?: string;
  /** A signed link to the coverage chart, when the apps serve one at a public URL. */
  coverageChartUrl?: string;
}

const number = (n: number, locale: Locale) => new Intl.NumberFormat(t(locale).digestMessage.numberLocale, { maximumFractionDigits: 0 }).format(n);
/** Paces are small numbers where a tenth matters: `3,4 per månad`. */
const pace = (n: number, locale: Locale) =>
  new Intl.NumberFormat(t(locale).digestMessage.numberLocale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n);
const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A heading line; with no items the section is one line saying so. */
function section(heading: string, total: number, none: string, items: ListItem[], locale: Locale): Block[] {
  if (total === 0) return [{ type: "text", text: `**${heading}:** ${none}` }];
  const blocks: Block[] = [
    { type: "text", text: `**${heading}: ${number(total, locale)}**` },
    { type: "list", items },
  ];
  if (total > items.length) blocks.push({ type: "context", text: t(locale).digestMessage.andMore(number(total - items.length, locale)) });
  return blocks;
}

function dialogueItems(list: Listed<DigestDialogueFact>, options: DigestMessageOptions, held: boolean): ListItem[] {
  const { locale } = options;
  return list.items.map((d) => {
    const place = d.digital || !d.officeId ? t(locale).digestMessage.digital : (findOffice(options.offices, d.officeId)?.town ?? d.officeId);
    const who = d.staffNames.join(", ");
    return {
      title: `${held ? formatDay(d.start, locale) : formatRange(d.start, d.end, locale)} · ${d.organizerName}`,
      subtitle: [place, who].filter(Boolean).join(" · "),
    };
  });
}

/**
 * The digest as a card-model Message: a fixed order of short sections, at most five rows
 * each, so that it stays well within Slack's 50 blocks and Teams' card size.
 */
export function renderDigestMessage(data: DigestData, options: DigestMessageOptions): Message {
  const { locale } = options;
  const msg = t(locale).digestMessage;
  const blocks: Block[] = [];
  blocks.push({ type: "header", text: `Samverkan: ${capitalize(data.scopeLabel)}` });
  blocks.push({
    type: "context",
    text: msg.digestSince({ dateTime: formatDateTime(data.now, locale), dateTime2: formatDateTime(data.since, locale) }),
  });
  if (options.lateScheduledFor) {
    const due = formatDateTime(options.lateScheduledFor, locale);
    blocks.push({ type: "text", text: msg.lateThisDigestWasDue(due) });
  }
  if (options.empty) blocks.push({ type: "text", text: msg.nothingNewSinceTheLast });

  blocks.push(
    ...section(msg.dialoguesInTheNext7, data.upcoming.total, msg.none, dialogueItems(data.upcoming, options, false), locale),
    ...section(msg.dialoguesHeldSinceTheLast, data.held.total, msg.none, dialogueItems(data.held, options, true), locale),
  );

  const c = data.coverage;
  blocks.push({
    type: "text",
    text: msg.coverageEveryOrganizerWithinThree({
      met: number(c.met, locale),
      goal: number(c.goal, locale),
      percent: percent(c.share, locale),
      bar: bar(c.share),
    }),
  });
  if (options.coverageChartUrl) blocks.push({ type: "image", url: options.coverageChartUrl, alt: coverageChartAlt(c, locale) });
  blocks.push({
    type: "fields",
    fields: [
      { label: msg.paceSoFar, value: `${pace(c.pacePerMonth, locale)} ${msg.perMonth}` },
      { label: msg.paceNeeded, value: `${pace(c.neededPerMonth, locale)} ${msg.perMonth}` },
      { label: msg.timePassed, value: percent(c.elapsedShare, locale) },
      { label: "Status", value: c.onTrack ? msg.onTrack : msg.behind },
    ],
  });

  const staleItems: ListItem[] = data.stale.items.map((s) => ({
    title: `${s.ref} ${s.title}`,
    subtitle: [msg.daysWithoutProgress(s.daysSilent), s.responsibleName ?? msg.nobodyResponsible, PHASE_NAMES[s.phase][locale]].join(" · "),
  }));
  const staleBlocks = section(msg.assignmentsWithoutProgressFor14, data.stale.total, msg.none, staleItems, locale);
  if (data.stale.total > 0) {
    const names = data.stale.byResponsible.slice(0, 8).map((r) => `${r.name ?? msg.unassigned} (${r.count})`);
    const more = data.stale.byResponsible.length > 8 ? ", …" : "";
    staleBlocks.splice(1, 0, { type: "context", text: `${msg.responsible}: ${escapeMarkup(names.join(", "))}${more}` });
  }
  blocks.push(...staleBlocks);

  blocks.push(
    ...section(
      msg.phaseChangesSinceTheLast,
      data.phaseChanges.total,
      msg.none,
      data.phaseChanges.items.map((p) => ({
        title: `${p.ref} ${p.title} → ${PHASE_NAMES[p.phase][locale]}`,
        subtitle: [formatDateTime(p.at, locale), p.authorName].filter(Boolean).join(" · "),
      })),
      locale,
    ),
  );

  blocks.push(...flaggedSection(data.flagged, locale));

  if (options.subscriptionRef) {
    const schedule = options.cron ? ` · ${describeCron(options.cron, locale)}` : "";
    blocks.push({
      type: "context",
      text: msg.digestWriteDigestListTo({ subscriptionRef: options.subscriptionRef, schedule }),
    });
  }
  return { text: fallbackText(data, options), blocks, locale };
}

const PERCENT_METRICS = new Set<CriterionId>(["shareAllSubjects", "shareEligibleVocational", "completionRate"]);

function reasonText(reason: FlaggedSchoolFact["reason"], locale: Locale): string | undefined {
  if (!reason) return undefined;
  const unit = PERCENT_METRICS.has(reason.metric) ? " %" : "";
  const value = new Intl.NumberFormat(t(locale).digestMessage.numberLocale, { maximumFractionDigits: 1 }).format(reason.value);
  return t(locale).digestMessage.threshold({ metric: t(locale).digestMessage.metricNames[reason.metric], value, unit, threshold: reason.threshold });
}

/** Newly flagged school units; before the first comparison, only how many are flagged. */
function flaggedSection(flagged: FlaggedSchools, locale: Locale): Block[] {
  const msg = t(locale).digestMessage;
  if (flagged.newly === null) {
    return [
      {
        type: "text",
        text: msg.schoolUnitsWithLowResults(number(flagged.current, locale)),
      },
    ];
  }
  const items: ListItem[] = flagged.newly.items.map((f) => ({
    title: `${f.name} (${f.code})`,
    subtitle: [f.municipalityName, f.organizerName, reasonText(f.reason, locale)].filter(Boolean).join(" · "),
  }));
  return section(msg.newlyFlaggedSchoolUnitsLow, flagged.newly.total, msg.none, items, locale);
}

/** The notification line: what a reader sees before opening the card. */
function fallbackText(data: DigestData, options: DigestMessageOptions): string {
  const { locale } = options;
  const msg = t(locale).digestMessage;
  const late = options.lateScheduledFor ? msg.late : "";
  // "label n" reads right for every n, where "1 kommande dialoger" would not.
  const parts = msg.fallbackCounts({ upcoming: data.upcoming.total, held: data.held.total, stale: data.stale.total, phaseChanges: data.phaseChanges.total });
  return `${late}Samverkan, ${data.scopeLabel}: ${parts.join(", ")}.`;
}
