export { startReplayServer, type ReplayServer, type ReplayServerOptions } from "./server";
export { loadExchanges, parseExchanges, ReplayFileError } from "./load-exchanges";
export { recordedExchangeSchema, type RecordedExchange, type RecordedExchangeInput } from "./exchange";
export { requestKey } from "./request-key";
export type { Fault } from "./faults";
export type { RecordedRequest } from "./recorded-request";
