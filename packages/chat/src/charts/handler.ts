import type { IncomingMessage, ServerResponse } from "node:http";
import type { Samverkan } from "@samverkan/sdk";
import { renderCoverageChart } from "./coverage-chart";
import { CHART_PATH, scopeOptions, verifyCoverageChartQuery } from "./links";

export interface ChartHandlerOptions {
  onError?: (error: unknown) => void;
}

/**
 * `GET /charts/coverage.png?scope=…&lang=…&expires=…&sig=…`: the coverage chart as PNG, for
 * links made by `coverageChartUrl`. A link not signed by us answers 403, an expired one 404.
 * Returns false for other paths, so it composes with an app's other routes.
 */
export function createChartRequestHandler(sv: Samverkan, options: ChartHandlerOptions = {}): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname !== CHART_PATH || (req.method !== "GET" && req.method !== "HEAD")) return false;
    const text = (status: number, body: string) => {
      res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
      res.end(body);
    };
    const verdict = verifyCoverageChartQuery(sv.calendar.settings.linkSecret, url.searchParams, sv.clock());
    if (!verdict.ok) {
      if (verdict.reason === "expired") text(404, "Länken har gått ut. / The link has expired.\n");
      else text(403, "Forbidden\n");
      return true;
    }
    const scope = scopeOptions(verdict.scope);
    void (async () => {
      const [history, coverage] = await Promise.all([sv.coverage.history(scope), sv.coverage.compute(scope)]);
      const png = await renderCoverageChart(history, coverage, verdict.locale);
      res.writeHead(200, { "content-type": "image/png", "content-length": String(png.length), "cache-control": "private, max-age=300" });
      res.end(req.method === "HEAD" ? undefined : png);
    })().catch((error: unknown) => {
      options.onError?.(error);
      if (!res.headersSent) text(500, "Internal error\n");
      else res.destroy();
    });
    return true;
  };
}
