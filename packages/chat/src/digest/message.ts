import { findOffice, PHASE_NAMES, type CriterionId, type DigestDialogueFact, type Listed, type RegionalOffice } from "@samverkan/sdk";
import { coverageChartAlt } from "../charts/coverage-chart";
import { escapeMarkup } from "../cards/markup";
import type { Block, ListItem, Locale, Message } from "../cards/model";
import { bar, formatDateTime, formatDay, formatRange, percent } from "../engine/i18n";
import { describeCron } from "./describe";
import type { DigestData } from "./content";
import type { FlaggedSchoolFact, FlaggedSchools } from "./flagged";

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

const number = (n: number, locale: Locale) => new Intl.NumberFormat(locale === "sv" ? "sv-SE" : "en-GB", { maximumFractionDigits: 0 }).format(n);
/** Paces are small numbers where a tenth matters: `3,4 per månad`. */
const pace = (n: number, locale: Locale) => new Intl.NumberFormat(locale === "sv" ? "sv-SE" : "en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n);
const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A heading line; with no items the section is one line saying so. */
function section(heading: string, total: number, none: string, items: ListItem[], locale: Locale): Block[] {
  if (total === 0) return [{ type: "text", text: `**${heading}:** ${none}` }];
  const blocks: Block[] = [{ type: "text", text: `**${heading}: ${number(total, locale)}**` }, { type: "list", items }];
  if (total > items.length) blocks.push({ type: "context", text: locale === "sv" ? `… och ${number(total - items.length, locale)} till` : `… and ${number(total - items.length, locale)} more` });
  return blocks;
}

function dialogueItems(list: Listed<DigestDialogueFact>, options: DigestMessageOptions, held: boolean): ListItem[] {
  const { locale } = options;
  return list.items.map((d) => {
    const place = d.digital || !d.officeId ? (locale === "sv" ? "Digitalt" : "Digital") : (findOffice(options.offices, d.officeId)?.town ?? d.officeId);
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
  const sv = locale === "sv";
  const blocks: Block[] = [];
  blocks.push({ type: "header", text: `Samverkan: ${capitalize(data.scopeLabel)}` });
  blocks.push({
    type: "context",
    text: sv ? `Sammanfattning ${formatDateTime(data.now, locale)} · sedan ${formatDateTime(data.since, locale)}` : `Digest ${formatDateTime(data.now, locale)} · since ${formatDateTime(data.since, locale)}`,
  });
  if (options.lateScheduledFor) {
    const due = formatDateTime(options.lateScheduledFor, locale);
    blocks.push({ type: "text", text: sv ? `**Försenad:** den här sammanfattningen skulle ha skickats ${due}.` : `**Late:** this digest was due ${due}.` });
  }
  if (options.empty) blocks.push({ type: "text", text: sv ? "Inget nytt sedan förra sammanfattningen." : "Nothing new since the last digest." });

  blocks.push(
    ...section(sv ? "Kommande dialoger de närmaste 7 dagarna" : "Dialogues in the next 7 days", data.upcoming.total, sv ? "inga" : "none", dialogueItems(data.upcoming, options, false), locale),
    ...section(sv ? "Genomförda dialoger sedan förra sammanfattningen" : "Dialogues held since the last digest", data.held.total, sv ? "inga" : "none", dialogueItems(data.held, options, true), locale),
  );

  const c = data.coverage;
  blocks.push({
    type: "text",
    text: sv
      ? `**Täckning (alla huvudmän inom tre år)**\n${number(c.met, locale)} av ${number(c.goal, locale)} huvudmän mötta (${percent(c.share, locale)}) ${bar(c.share)}`
      : `**Coverage (every organizer within three years)**\n${number(c.met, locale)} of ${number(c.goal, locale)} organizers met (${percent(c.share, locale)}) ${bar(c.share)}`,
  });
  if (options.coverageChartUrl) blocks.push({ type: "image", url: options.coverageChartUrl, alt: coverageChartAlt(c, locale) });
  blocks.push({
    type: "fields",
    fields: [
      { label: sv ? "Takt hittills" : "Pace so far", value: `${pace(c.pacePerMonth, locale)} ${sv ? "per månad" : "per month"}` },
      { label: sv ? "Takt som behövs" : "Pace needed", value: `${pace(c.neededPerMonth, locale)} ${sv ? "per månad" : "per month"}` },
      { label: sv ? "Tid som gått" : "Time passed", value: percent(c.elapsedShare, locale) },
      { label: "Status", value: c.onTrack ? (sv ? "I fas" : "On track") : sv ? "Efter plan" : "Behind" },
    ],
  });

  const staleItems: ListItem[] = data.stale.items.map((s) => ({
    title: `${s.ref} ${s.title}`,
    subtitle: [
      sv ? `${s.daysSilent} dagar utan framsteg` : `${s.daysSilent} days without progress`,
      s.responsibleName ?? (sv ? "ingen ansvarig" : "nobody responsible"),
      PHASE_NAMES[s.phase][locale],
    ].join(" · "),
  }));
  const staleBlocks = section(sv ? "Uppdrag utan framsteg i 14 dagar eller mer" : "Assignments without progress for 14 days or more", data.stale.total, sv ? "inga" : "none", staleItems, locale);
  if (data.stale.total > 0) {
    const names = data.stale.byResponsible.slice(0, 8).map((r) => `${r.name ?? (sv ? "utan ansvarig" : "unassigned")} (${r.count})`);
    const more = data.stale.byResponsible.length > 8 ? ", …" : "";
    staleBlocks.splice(1, 0, { type: "context", text: `${sv ? "Ansvariga" : "Responsible"}: ${escapeMarkup(names.join(", "))}${more}` });
  }
  blocks.push(...staleBlocks);

  blocks.push(
    ...section(
      sv ? "Fasbyten sedan förra sammanfattningen" : "Phase changes since the last digest",
      data.phaseChanges.total,
      sv ? "inga" : "none",
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
      text: sv ? `Digest ${options.subscriptionRef}${schedule} · skriv "digest lista" för att ändra` : `Digest ${options.subscriptionRef}${schedule} · write "digest list" to change it`,
    });
  }
  return { text: fallbackText(data, options), blocks, locale };
}

const METRICS: Record<CriterionId, { sv: string; en: string; percent: boolean }> = {
  meritValue: { sv: "meritvärde", en: "merit value", percent: false },
  shareAllSubjects: { sv: "godkända i alla ämnen", en: "passed all subjects", percent: true },
  shareEligibleVocational: { sv: "behöriga till yrkesprogram", en: "eligible for vocational programmes", percent: true },
  completionRate: { sv: "examen inom tre år", en: "exam within three years", percent: true },
  salsaResidual: { sv: "SALSA-avvikelse", en: "SALSA residual", percent: false },
};

function reasonText(reason: FlaggedSchoolFact["reason"], locale: Locale): string | undefined {
  if (!reason) return undefined;
  const metric = METRICS[reason.metric];
  const unit = metric.percent ? " %" : "";
  const value = new Intl.NumberFormat(locale === "sv" ? "sv-SE" : "en-GB", { maximumFractionDigits: 1 }).format(reason.value);
  return locale === "sv" ? `${metric.sv} ${value}${unit} (gräns ${reason.threshold}${unit})` : `${metric.en} ${value}${unit} (threshold ${reason.threshold}${unit})`;
}

/** Newly flagged school units; before the first comparison, only how many are flagged. */
function flaggedSection(flagged: FlaggedSchools, locale: Locale): Block[] {
  const sv = locale === "sv";
  if (flagged.newly === null) {
    return [
      {
        type: "text",
        text: sv
          ? `**Skolenheter med låga resultat:** ${number(flagged.current, locale)} flaggade i urvalet. Nya flaggningar visas från nästa sammanfattning.`
          : `**School units with low results:** ${number(flagged.current, locale)} flagged by the selection. Newly flagged units are shown from the next digest.`,
      },
    ];
  }
  const items: ListItem[] = flagged.newly.items.map((f) => ({
    title: `${f.name} (${f.code})`,
    subtitle: [f.municipalityName, f.organizerName, reasonText(f.reason, locale)].filter(Boolean).join(" · "),
  }));
  return section(sv ? "Nyligen flaggade skolenheter (låga resultat)" : "Newly flagged school units (low results)", flagged.newly.total, sv ? "inga" : "none", items, locale);
}

/** The notification line: what a reader sees before opening the card. */
function fallbackText(data: DigestData, options: DigestMessageOptions): string {
  const { locale } = options;
  const sv = locale === "sv";
  const late = options.lateScheduledFor ? (sv ? "Försenad: " : "Late: ") : "";
  // "label n" reads right for every n, where "1 kommande dialoger" would not.
  const parts = sv
    ? [`kommande dialoger ${data.upcoming.total}`, `genomförda ${data.held.total}`, `uppdrag utan framsteg ${data.stale.total}`, `fasbyten ${data.phaseChanges.total}`]
    : [`upcoming dialogues ${data.upcoming.total}`, `held ${data.held.total}`, `assignments without progress ${data.stale.total}`, `phase changes ${data.phaseChanges.total}`];
  return `${late}Samverkan, ${data.scopeLabel}: ${parts.join(", ")}.`;
}
