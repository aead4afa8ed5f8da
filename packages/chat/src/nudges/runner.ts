import { formatInstant, type DueNudge, type Samverkan, type Staff } from "@samverkan/sdk";
import type { Block, Locale, Message } from "../cards/model";
import { briefingSummary } from "../engine/flows/briefing-card";
import { formatDay, formatRange } from "../engine/format";
import { message } from "../engine/reply";
import { t } from "../i18n";

/**
 * Sends one direct message to a staff member: Slack `chat.postMessage` to the user,
 * Teams a proactive message on the stored conversation reference. Each app provides one.
 */
export interface NudgePoster {
  postDirect(staff: Staff, message: Message): Promise<void>;
}

/**
 * Thrown by a poster when the person cannot be reached: no linked chat user, or (Teams) no
 * personal conversation with the bot stored. The nudge stays claimed and is not retried;
 * `reason` is a short code, never personal data.
 */
export class NudgeNotDeliverableError extends Error {
  constructor(
    readonly staffId: string,
    readonly reason: string,
  ) {
    super(`nudge not deliverable to staff ${staffId}: ${reason}`);
    this.name = "NudgeNotDeliverableError";
  }
}

export type NudgeOutcome = "sent" | "lost" | "failed" | "undeliverable";

export interface NudgeLogger {
  info(obj: Record<string, unknown>, msg: string): void;
  warn(obj: Record<string, unknown>, msg: string): void;
}

export interface NudgeRunnerOptions {
  samverkan: Samverkan;
  poster: NudgePoster;
  /** Names this instance in claims, e.g. the host name and process id. */
  instanceId: string;
  logger?: NudgeLogger;
  /** Called once per due nudge with what became of it (metrics); must not throw. */
  onNudge?: (outcome: NudgeOutcome) => void;
}

export interface NudgeTickReport {
  at: string;
  sent: DueNudge[];
  /** Due, but another instance claimed it first. */
  lost: string[];
  failed: Array<{ key: string; error: string }>;
  /** Claimed, but the person has no chat user or conversation to reach: not retried. */
  undeliverable: Array<{ key: string; staffId: string; reason: string }>;
}

const quiet: NudgeLogger = { info: () => undefined, warn: () => undefined };

/** The message a nudge sends, in the person's language. */
export async function nudgeMessage(sv: Samverkan, staff: Staff, nudge: DueNudge): Promise<Message | undefined> {
  const locale: Locale = staff.locale;
  const m = t(locale).nudgesRunner;
  const asStaff = { actor: { staffId: staff.id }, channel: "system" } as const;
  if (nudge.kind === "briefing" && nudge.dialogueId) {
    const dialogue = await sv.dialogues.get(nudge.dialogueId);
    if (dialogue.status !== "booked" && dialogue.status !== "proposed") return undefined;
    const card = briefingSummary(await sv.briefing.forOrganizer(dialogue.organizerId, asStaff), locale);
    const lead = m.reminderDialogueHereIsYour(formatRange(dialogue.start, dialogue.end, locale));
    return { ...card, text: `${lead} ${card.text}`, blocks: [{ type: "text", text: `**${lead}**` }, ...card.blocks] };
  }
  if (nudge.kind === "minutes" && nudge.dialogueId) {
    const dialogue = await sv.dialogues.get(nudge.dialogueId);
    if (dialogue.status === "cancelled" || (await sv.minutes.get(dialogue.id))) return undefined;
    const organizer = await sv.organizers.get(dialogue.organizerId);
    const text = m.theDialogueWithOnHas({ name: organizer.name, day: formatDay(dialogue.start, locale) });
    const blocks: Block[] = [
      { type: "text", text },
      { type: "actions", actions: [{ id: "dialogue.record.form", label: m.recordMinutes, value: { id: dialogue.id }, style: "primary" }] },
      { type: "context", text: m.switchOffWriteMyReminders },
    ];
    return message(locale, blocks, text);
  }
  if (nudge.kind === "stale" && nudge.assignmentRefs && nudge.assignmentRefs.length > 0) {
    const refs = nudge.assignmentRefs.slice(0, 20);
    const assignments = await Promise.all(refs.map((ref) => sv.assignments.get(ref)));
    const text = m.ofYourAssignmentsHaveNo(assignments.length);
    const blocks: Block[] = [
      { type: "text", text: `**${text}**` },
      {
        type: "list",
        items: assignments.map((a) => ({
          title: `${a.ref} ${a.title}`.slice(0, 150),
          subtitle: a.lastProgressAt ? `${m.last} ${formatDay(a.lastProgressAt, locale)}` : m.noProgressLogged,
          action: { id: "progress.form", label: m.logProgress, value: { ref: a.ref } },
        })),
      },
      { type: "context", text: m.switchOffWriteMyReminders },
    ];
    return message(locale, blocks, text);
  }
  return undefined;
}

/**
 * One pass: find due nudges, claim each (only one instance wins a claim), send the
 * winner's DM. Call it every few minutes from each instance; the clock is the SDK's.
 */
export function createNudgeRunner(options: NudgeRunnerOptions) {
  const sv = options.samverkan;
  const logger = options.logger ?? quiet;
  return {
    async tick(): Promise<NudgeTickReport> {
      const now = sv.clock();
      const report: NudgeTickReport = { at: formatInstant(now.getTime(), sv.config.timeZone), sent: [], lost: [], failed: [], undeliverable: [] };
      const outcome = (o: NudgeOutcome) => {
        try {
          options.onNudge?.(o);
        } catch {
          // Metrics must never stop a nudge.
        }
      };
      for (const nudge of await sv.nudges.due(now)) {
        if (!(await sv.nudges.claim(nudge, options.instanceId))) {
          report.lost.push(nudge.key);
          outcome("lost");
          continue;
        }
        try {
          const staff = await sv.staff.get(nudge.staffId);
          const msg = await nudgeMessage(sv, staff, nudge);
          if (msg) await options.poster.postDirect(staff, msg);
          await sv.nudges.markSent(nudge.key);
          if (msg) {
            report.sent.push(nudge);
            outcome("sent");
          }
        } catch (error) {
          if (error instanceof NudgeNotDeliverableError) {
            await sv.nudges.markFailed(nudge.key, `not deliverable: ${error.reason}`);
            report.undeliverable.push({ key: nudge.key, staffId: error.staffId, reason: error.reason });
            outcome("undeliverable");
            logger.warn(
              { key: nudge.key, staffId: error.staffId, reason: error.reason },
              "nudge not deliverable: the staff member cannot be reached in chat; not retried",
            );
            continue;
          }
          const text = error instanceof Error ? error.message : String(error);
          await sv.nudges.markFailed(nudge.key, text);
          report.failed.push({ key: nudge.key, error: text });
          outcome("failed");
          logger.warn({ key: nudge.key, err: text }, "nudge failed");
        }
      }
      if (report.sent.length > 0) logger.info({ sent: report.sent.length }, "nudges sent");
      return report;
    },
  };
}

export type NudgeRunner = ReturnType<typeof createNudgeRunner>;
