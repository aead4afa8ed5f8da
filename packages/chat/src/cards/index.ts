// The message model, its zod schemas and helpers.
export type * from "./model";
export * from "./schema";
export { CardLimitError } from "./errors";
export { escapeMarkup, parseMarkup, plainText, type Inline } from "./markup";
export { paginate, pagedList, pageCount, type Page, type PagedListOptions } from "./paginate";
export { coerceFormValues, validateFormValues, type FormValue, type FormValues, type FormValidation } from "./form-values";

// Slack (Block Kit).
export { renderSlack, type SlackMessage } from "./slack/message";
export {
  renderSlackModal,
  renderSlackFormErrors,
  parseSlackModalMetadata,
  encodeSlackModalMetadata,
  type SlackModalOptions,
  type SlackModalMetadata,
  type SlackFormErrorsResponse,
} from "./slack/modal";
export { parseSlackAction, encodeSlackActionId, decodeSlackActionId, encodeSlackActionValue, type SlackActionPayload } from "./slack/action-codec";
export { readSlackFormValues, type SlackElementState, type SlackStateValues } from "./slack/form-state";
export { checkSlackLimits, type SlackPayload } from "./slack/limits";
export { SLACK_LIMITS } from "./slack/elements";
export { escapeMrkdwn } from "./slack/mrkdwn";

// Microsoft Teams (Adaptive Cards).
export {
  renderAdaptiveCard,
  renderAdaptiveCardAttachment,
  ADAPTIVE_MAX_ACTIONS_PER_SET,
  ADAPTIVE_MAX_LIST_ROWS,
  type AdaptiveRenderOptions,
} from "./adaptive/render";
export { parseAdaptiveAction, readAdaptiveFormValues, type AdaptiveExecutePayload, type ParsedAdaptiveAction } from "./adaptive/action-codec";
export { escapeAdaptiveMarkdown } from "./adaptive/markdown";
export type * from "./adaptive/types";
export { ADAPTIVE_CARD_SCHEMA, ADAPTIVE_CARD_VERSION, ADAPTIVE_CARD_CONTENT_TYPE } from "./adaptive/types";

// Terminal.
export { renderText, textActionIndex, textPrompt } from "./text/render";
