export {
  createNudgeRunner,
  nudgeMessage,
  NudgeNotDeliverableError,
  type NudgeLogger,
  type NudgeOutcome,
  type NudgePoster,
  type NudgeRunner,
  type NudgeRunnerOptions,
  type NudgeTickReport,
} from "./runner";
export { startNudgeScheduler, type NudgeScheduler, type NudgeSchedulerOptions } from "./scheduler";
export { handleNudgeCommand, handleNudgeAction } from "./settings";
