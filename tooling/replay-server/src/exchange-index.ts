import type { RecordedExchange } from "./exchange";
import { requestKey } from "./request-key";

export type ExchangeIndex = {
  find(method: string, pathAndQuery: string): RecordedExchange | undefined;
  readonly size: number;
};

/** Indexes exchanges by request identity; a later exchange replaces an earlier one with the same key. */
export function indexExchanges(exchanges: readonly RecordedExchange[]): ExchangeIndex {
  const byKey = new Map<string, RecordedExchange>();
  for (const exchange of exchanges) byKey.set(requestKey(exchange.method, exchange.url), exchange);
  return {
    find: (method, pathAndQuery) => byKey.get(requestKey(method, pathAndQuery)),
    get size() {
      return byKey.size;
    },
  };
}
