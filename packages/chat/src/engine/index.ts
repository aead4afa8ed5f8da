export { createEngine, type Engine, type EngineOptions } from "./engine";
export type { Turn, EngineReply, PlatformUser, Channel, EngineLogger } from "./types";
