/**
 * @samverkan/chat: the conversation engine shared by Slack, Teams and the terminal.
 * Understanding (nlu), one message model with three renderers (cards), and the engine
 * that runs multi-turn flows against @samverkan/sdk.
 */
export * from "./nlu/index";
export * from "./cards/index";
export * from "./engine/index";
export * from "./digest/index";
export * from "./nudges/index";
export * from "./charts/index";
