export { createNudgeRunner, nudgeMessage, type NudgePoster, type NudgeLogger, type NudgeRunner, type NudgeRunnerOptions, type NudgeTickReport } from "./runner";
export { handleNudgeCommand, handleNudgeAction } from "./settings";
