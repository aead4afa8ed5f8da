/** The Samverkan Teams app: build it with `createTeamsApp`, run it with `src/main.ts`. */
export { createTeamsApp, type TeamsApp, type TeamsAppOptions } from "./app";
export { loadTeamsConfig, TeamsConfigError, type TeamsConfig, type TeamsCredentials, type TeamsAppType, type LoadedTeamsConfig } from "./config";
export { TeamsConversationGoneError, isTeamsConversationGoneError, type ConversationGoneReason } from "./errors";
export { CONVERSATION_REFS_NAMESPACE, type StoredConversation, type ConversationReferences } from "./proactive/references";
export type { SendProactive, ProactiveResult } from "./proactive/send-proactive";
export type { PostToConversation } from "./proactive/post";
export { asProactiveTarget, type ProactiveTarget } from "./proactive/references";
export { createLogger, type Logger } from "./log";
export { openStore } from "./store";
