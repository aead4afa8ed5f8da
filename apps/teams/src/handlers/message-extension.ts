import { renderAdaptiveCard, type Engine } from "@samverkan/chat";
import { activityLocale, teamsUser } from "../activity/identity";
import { readActivity } from "../activity/schema";
import { say, strings } from "../strings";
import type { Turn } from "../turn/turn";

/** Teams' `MessagingExtensionResult`, as much of it as the search answers with. */
export type MessagingExtensionResult =
  { type: "message"; text: string } | { type: "result"; attachmentLayout: "list"; attachments: MessagingExtensionAttachment[] };

export interface MessagingExtensionAttachment {
  contentType: string;
  content: unknown;
  preview: { contentType: string; content: { title: string; text?: string } };
}

export const SEARCH_COMMAND_ID = "searchSchools";
export const SEARCH_PARAMETER = "query";

const ADAPTIVE = "application/vnd.microsoft.card.adaptive";
const THUMBNAIL = "application/vnd.microsoft.card.thumbnail";
const MAX_QUERY = 200;

function note(text: string): MessagingExtensionResult {
  return { type: "message", text };
}

/**
 * The search message extension: a school name (or code) → school cards to insert in any
 * conversation. The engine decides who may search (never touching the user's chat flows);
 * each result's content is the engine's school card.
 */
export function createSchoolSearchHandler(
  engine: Engine,
): (turn: Turn, parameters: Record<string, unknown>, paging: { skip: number }) => Promise<MessagingExtensionResult> {
  return async (turn, parameters, paging) => {
    const activity = readActivity(turn.activity);
    const locale = activity ? activityLocale(activity) : "sv";
    const user = activity ? teamsUser(activity) : undefined;
    if (!activity?.conversation || !user) return note(say(strings.noIdentity, locale));
    const query = typeof parameters[SEARCH_PARAMETER] === "string" ? parameters[SEARCH_PARAMETER].trim().slice(0, MAX_QUERY) : "";
    if (!query) return note(say(strings.typeSchoolName, locale));
    // One page of the engine's best hits; Teams asks for more only when we return a full page.
    if (paging.skip > 0) return { type: "result", attachmentLayout: "list", attachments: [] };

    const answer = await engine.searchSchools(user, query, { limit: 10 });
    if ("notice" in answer) return note(answer.notice.text);
    if (answer.hits.length === 0) return note(say(strings.noSchoolFound(query), locale));
    const attachments: MessagingExtensionAttachment[] = answer.hits.map((hit) => ({
      contentType: ADAPTIVE,
      content: renderAdaptiveCard(hit.card),
      preview: { contentType: THUMBNAIL, content: { title: hit.name, text: hit.detail } },
    }));
    return { type: "result", attachmentLayout: "list", attachments };
  };
}
