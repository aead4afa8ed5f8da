import type { Engine } from "@samverkan/chat";
import type { Turn } from "../turn/turn";
import { activityLocale, conversationKind, teamsUser } from "../activity/identity";
import { mentionsBot, stripMentions } from "../activity/mentions";
import { readActivity } from "../activity/schema";
import type { DialogStore } from "../dialogs/dialog-store";
import { say, strings } from "../strings";
import { postReply } from "./post-reply";
import { channelRoot, type createConversationReferences } from "../proactive/references";

const DIGEST_COMMAND = /^\s*(\/?samverkan\s+)?digest\b/i;

/**
 * A chat message → one engine text turn. Personal chats always reach the bot; in group
 * chats and channels only messages that @-mention it do (Teams sends others only with
 * resource-specific consent). Card submits from old-style `Action.Submit` buttons (a
 * `value` and no text) are not ours and are ignored.
 */
export function createMessageHandler(
  engine: Engine,
  dialogs: DialogStore,
  references: ReturnType<typeof createConversationReferences>,
  clock: () => Date,
): (turn: Turn) => Promise<void> {
  return async (turn) => {
    const activity = readActivity(turn.activity);
    if (!activity?.conversation) return;
    if (conversationKind(activity) !== "personal" && !mentionsBot(activity)) return;
    const text = stripMentions(activity);
    if (!text && activity.value !== undefined) return;
    const user = teamsUser(activity);
    if (!user) {
      await turn.send({ type: "message", text: say(strings.noIdentity, activityLocale(activity)), textFormat: "plain" });
      return;
    }
    const conversationId = activity.conversation.id;
    // Digests set up here need a reference to post to later, even without an install event.
    if (DIGEST_COMMAND.test(text)) await references.remember(turn.activity, clock());
    // Personal nudges go to the 1:1 chat: keep it on record once the person has written here.
    else if (conversationKind(activity) === "personal") await references.rememberPersonal(turn.activity, clock());
    const reply = await engine.handle({ user, conversationId, text, target: { platform: "teams", conversationId: channelRoot(conversationId) } });
    await postReply(turn, reply, { aadObjectId: user.aadObjectId, conversationId }, dialogs);
  };
}
