import type { FlowContext } from "../context";
import { escapeMarkup, message, reply } from "../reply";
import type { EngineReply } from "../types";
import { t } from "../../i18n";

export function showHelp(ctx: FlowContext): EngineReply {
  const msg = t(ctx.locale).help;
  return reply(
    message(
      ctx.locale,
      [
        { type: "header", text: msg.whatICanDo },
        { type: "text", text: msg.hiWriteAsYouSpeak(escapeMarkup(ctx.staff.name)) },
        { type: "fields", fields: msg.examples.map(({ label, example }) => ({ label, value: `_${example}_` })) },
      ],
      msg.iCanFindSchoolsBook,
    ),
  );
}
