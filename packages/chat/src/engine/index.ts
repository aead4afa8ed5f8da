export { createEngine, type Engine, type EngineOptions, type SchoolHit, type SchoolSearchAnswer, type TurnObservation } from "./engine";
export type { Turn, EngineReply, PlatformUser, Channel, EngineLogger } from "./types";
