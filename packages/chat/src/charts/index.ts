export { renderCoverageChart, coverageChartAlt, CHART_WIDTH } from "./coverage-chart";
export {
  coverageChartUrl,
  verifyCoverageChartQuery,
  scopeOf,
  scopeOptions,
  CHART_PATH,
  CHART_LINK_TTL_SECONDS,
  type ChartLinkSettings,
  type ChartScope,
  type ChartLinkVerdict,
} from "./links";
export { createChartRequestHandler, type ChartHandlerOptions } from "./handler";
