import type { Messages } from "../sv";

/** English texts of digestScheduler; the type makes a key missing from either language a compile error. */
export const digestScheduler: Messages["digestScheduler"] = {
  theBotCanNoLonger: (p: { code: string; ref: string }) =>
    `The bot can no longer post in the channel (${p.code}). Invite the bot again and write "digest resume ${p.ref}".`,
};
