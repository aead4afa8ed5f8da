import { assignments } from "./assignments";
import { calendar } from "./calendar";
import { contacts } from "./contacts";
import { dialogues } from "./dialogues";
import { digest } from "./digest";
import { formatStatText } from "./format-stat-text";
import { importCommand } from "./import-command";
import { organizers } from "./organizers";
import { output } from "./output";
import { schools } from "./schools";
import { selection } from "./selection";
import { staff } from "./staff";
import { start } from "./start";
import { status } from "./status";
import { sync } from "./sync";
import { terminalChat } from "./terminal-chat";
import { usage } from "./usage";

/** The Swedish message catalogue: every sentence the bot says, by section. Its shape is the catalogue type. */
export const sv = {
  assignments,
  calendar,
  contacts,
  dialogues,
  digest,
  formatStatText,
  importCommand,
  organizers,
  output,
  schools,
  selection,
  staff,
  start,
  status,
  sync,
  terminalChat,
  usage,
};

/** The shape every language's catalogue has (the Swedish one is the reference). */
export type Messages = typeof sv;
