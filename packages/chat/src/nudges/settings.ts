import { nudgeKindSchema, type NudgeKind } from "@samverkan/sdk";
import type { ActionValue, Block, Message } from "../cards/model";
import type { FlowContext } from "../engine/context";
import { formatDay } from "../engine/i18n";
import { message, reply } from "../engine/reply";
import type { EngineReply } from "../engine/types";

/** Matched before intent parsing, like digest commands: no new intent in the parse contract. */
const COMMAND = /^\s*\/?(samverkan\s+)?(mina\s+|visa\s+)?(påminnelser|paminnelser|my\s+reminders|reminders|nudges)\s*[.!?]?\s*$/i;

const NAMES: Record<NudgeKind, { sv: string; en: string }> = {
  briefing: { sv: "Förberedelse arbetsdagen före en dialog, kl 08:00", en: "Briefing the working day before a dialogue, 08:00" },
  minutes: { sv: "Protokoll saknas, arbetsdagen efter en dialog, kl 09:00", en: "Minutes missing, the working day after a dialogue, 09:00" },
  stale: { sv: "Uppdrag utan framsteg på 14 dagar, måndagar kl 09:00", en: "Assignments without progress for 14 days, Mondays 09:00" },
};

async function settingsCard(ctx: FlowContext, lead?: string): Promise<Message> {
  const isSv = ctx.locale === "sv";
  const settings = await ctx.sv.nudges.settings(ctx.staff.id);
  const recent = await ctx.sv.nudges.sent(ctx.staff.id, 5);
  const blocks: Block[] = [];
  if (lead) blocks.push({ type: "text", text: `**${lead}**` });
  blocks.push(
    { type: "header", text: isSv ? "Mina påminnelser" : "My reminders" },
    {
      type: "list",
      items: nudgeKindSchema.options.map((kind) => ({
        title: NAMES[kind][ctx.locale],
        subtitle: settings[kind] ? (isSv ? "På" : "On") : isSv ? "Av" : "Off",
        action: { id: "nudge.toggle", label: settings[kind] ? (isSv ? "Stäng av" : "Switch off") : isSv ? "Slå på" : "Switch on", value: { kind, enabled: !settings[kind] } },
      })),
    },
    { type: "context", text: isSv ? "Skickas som direktmeddelande, aldrig på helger eller helgdagar." : "Sent as direct messages, never on weekends or Swedish public holidays." },
  );
  if (recent.length > 0) {
    blocks.push({ type: "context", text: `${isSv ? "Senast" : "Recent"}: ${recent.map((r) => `${formatDay(r.scheduledFor, ctx.locale)} ${r.scheduledFor.slice(11, 16)} (${NAMES[r.kind][ctx.locale].split(",")[0]})`).join("; ")}`.slice(0, 2000) });
  }
  return message(ctx.locale, blocks, isSv ? "Mina påminnelser" : "My reminders");
}

/** `mina påminnelser`: see and switch off one's own nudges. */
export async function handleNudgeCommand(ctx: FlowContext, text: string): Promise<EngineReply | undefined> {
  if (!COMMAND.test(text)) return undefined;
  return reply(await settingsCard(ctx));
}

export async function handleNudgeAction(ctx: FlowContext, action: { id: string; value: ActionValue }): Promise<EngineReply | undefined> {
  if (action.id !== "nudge.toggle") return undefined;
  const kind = nudgeKindSchema.safeParse(action.value.kind);
  if (!kind.success) return undefined;
  const enabled = action.value.enabled === true || action.value.enabled === "true";
  await ctx.sv.nudges.setEnabled(kind.data, enabled, ctx.write);
  const isSv = ctx.locale === "sv";
  const card = await settingsCard(ctx, enabled ? (isSv ? "Påslagen." : "Switched on.") : isSv ? "Avstängd." : "Switched off.");
  return reply({ ...card, replaceOriginal: true });
}
