import { nudgeKindSchema } from "@samverkan/sdk";
import type { ActionValue, Block, Message } from "../cards/model";
import type { FlowContext } from "../engine/context";
import { formatDateTime } from "../engine/format";
import { inPlace, message, reply } from "../engine/reply";
import type { EngineReply } from "../engine/types";
import { t } from "../i18n";

/** Matched before intent parsing, like digest commands: no new intent in the parse contract. */
const COMMAND = /^\s*\/?(samverkan\s+)?(mina\s+|visa\s+)?(påminnelser|paminnelser|my\s+reminders|reminders|nudges)\s*[.!?]?\s*$/i;

async function settingsCard(ctx: FlowContext, lead?: string): Promise<Message> {
  const msg = t(ctx.locale).nudgesSettings;
  const settings = await ctx.sv.nudges.settings(ctx.staff.id);
  const recent = await ctx.sv.nudges.sent(ctx.staff.id, 5);
  const blocks: Block[] = [];
  if (lead) blocks.push({ type: "text", text: `**${lead}**` });
  blocks.push(
    { type: "header", text: msg.myReminders },
    {
      type: "list",
      items: nudgeKindSchema.options.map((kind) => ({
        title: t(ctx.locale).nudgesSettings.kindNames[kind],
        subtitle: settings[kind] ? msg.on : msg.off,
        action: { id: "nudge.toggle", label: settings[kind] ? msg.switchOff : msg.switchOn, value: { kind, enabled: !settings[kind] } },
      })),
    },
    { type: "context", text: msg.sentAsDirectMessagesNever },
  );
  if (recent.length > 0) {
    blocks.push({
      type: "context",
      text: `${msg.recent}: ${recent.map((r) => `${formatDateTime(r.scheduledFor, ctx.locale)} (${t(ctx.locale).nudgesSettings.kindNames[r.kind].split(",")[0]})`).join("; ")}`.slice(
        0,
        2000,
      ),
    });
  }
  return message(ctx.locale, blocks, msg.myReminders);
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
  const msg = t(ctx.locale).nudgesSettings;
  const card = await settingsCard(ctx, enabled ? msg.switchedOn : msg.switchedOff);
  // The switched setting shows in the card the user clicked.
  return inPlace(reply(card));
}
