import type { Coverage, CoverageHistory } from "@samverkan/sdk";
import type { TopLevelSpec } from "vega-lite";
import type { Locale } from "../cards/model";
import { t } from "../i18n";
import { vegaLocale } from "./chart-locale";

/** Width of the picture in CSS pixels; the PNG is drawn at twice that for sharp text. */
export const CHART_WIDTH = 640;
const SCALE = 2;

function specFor(history: CoverageHistory, coverage: Coverage, locale: Locale): TopLevelSpec {
  const msg = t(locale).chartsCoverageChart;
  const met = msg.met;
  const needed = msg.paceNeeded;
  const series = history.points.flatMap((p) => [
    { month: `${p.month}-01`, series: met, organizers: p.met },
    { month: `${p.month}-01`, series: needed, organizers: p.needed },
  ]);
  const offices = coverage.byOffice.map((o) => ({ office: o.town, met: o.met, goal: o.goal, label: `${o.met}/${o.goal}` }));
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    config: {
      font: "DejaVu Sans",
      view: { stroke: null },
      axis: { labelFontSize: 11, titleFontSize: 11 },
      background: "white",
      locale: vegaLocale(msg.intlLocale),
    },
    padding: 12,
    vconcat: [
      {
        title: msg.organizersMetAgainstThePace(coverage.goal),
        width: CHART_WIDTH - 160,
        height: 180,
        data: { values: series },
        mark: { type: "line", point: false, strokeWidth: 2.5 },
        encoding: {
          x: { field: "month", type: "temporal", timeUnit: "yearmonth", title: null, axis: { format: "%b %Y", labelAngle: 0, tickCount: 6 } },
          y: { field: "organizers", type: "quantitative", title: msg.organizers, axis: { format: ",d" } },
          color: { field: "series", type: "nominal", title: null, scale: { domain: [met, needed], range: ["#1f6f43", "#b0b0b0"] }, legend: { orient: "top" } },
          strokeDash: {
            field: "series",
            type: "nominal",
            scale: {
              domain: [met, needed],
              range: [
                [1, 0],
                [6, 4],
              ],
            },
            legend: { orient: "top" },
          },
        },
      },
      {
        title: msg.metPerRegionalOffice,
        width: CHART_WIDTH - 160,
        height: { step: 18 },
        data: { values: offices },
        layer: [
          { mark: { type: "bar", color: "#e4e4e4" }, encoding: { x: { field: "goal", type: "quantitative", title: msg.organizers, axis: { format: ",d" } } } },
          { mark: { type: "bar", color: "#1f6f43" }, encoding: { x: { field: "met", type: "quantitative" } } },
          { mark: { type: "text", align: "left", dx: 4, fontSize: 10 }, encoding: { x: { field: "goal", type: "quantitative" }, text: { field: "label" } } },
        ],
        encoding: { y: { field: "office", type: "nominal", title: null, sort: null } },
      },
    ],
  };
}

/** What the chart shows, in words: the image's alt text. */
export function coverageChartAlt(coverage: Coverage, locale: Locale): string {
  const msg = t(locale).chartsCoverageChart;
  const offices = coverage.byOffice.map((o) => `${o.town} ${o.met}/${o.goal}`).join(", ");
  return msg.chartOfOrganizersMetOver({ met: coverage.met, goal: coverage.goal, offices });
}

/**
 * Coverage as a picture: met against the pace needed month by month, and met per office.
 * Vega-Lite compiles the spec, Vega draws it as SVG without a browser, resvg rasterises it
 * to PNG with the system's fonts. The libraries load on first use, so apps that never
 * draw a chart never pay for them.
 */
export async function renderCoverageChart(history: CoverageHistory, coverage: Coverage, locale: Locale): Promise<Buffer> {
  const [svg, { Resvg }] = await Promise.all([coverageChartSvg(history, coverage, locale), import("@resvg/resvg-js")]);
  const png = new Resvg(svg, { fitTo: { mode: "zoom", value: SCALE }, font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" } }).render().asPng();
  return Buffer.from(png);
}

/** The chart as SVG, before rasterising: its labels are text here (the tests read them). */
export async function coverageChartSvg(history: CoverageHistory, coverage: Coverage, locale: Locale): Promise<string> {
  const [vega, vegaLite] = await Promise.all([import("vega"), import("vega-lite")]);
  const compiled = vegaLite.compile(specFor(history, coverage, locale)).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
