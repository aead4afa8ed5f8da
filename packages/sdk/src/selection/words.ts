import type { LocalizedText } from "../errors";
import type { CriterionId } from "./criteria";
import type { SelectionReason } from "./assess";
import type { ProgrammeFigure } from "./completion";

const NAMES: Record<CriterionId, { sv: string; en: string; percent: boolean }> = {
  meritValue: { sv: "Meritvärdet", en: "The merit value", percent: false },
  shareAllSubjects: { sv: "Andelen godkända i alla ämnen", en: "The share passing all subjects", percent: true },
  shareEligibleVocational: { sv: "Andelen behöriga till yrkesprogram", en: "The share eligible for vocational programmes", percent: true },
  completionRate: { sv: "Andelen med examen inom tre år", en: "The share with an exam within three years", percent: true },
  salsaResidual: { sv: "SALSA-avvikelsen (meritvärde mot förväntat)", en: "The SALSA residual (merit value against expected)", percent: false },
};

const number = (n: number, locale: "sv" | "en", percent: boolean, signed = false) => {
  const text = (Number.isInteger(n) ? String(n) : n.toFixed(1)).replace(".", locale === "sv" ? "," : ".");
  return `${signed && n > 0 ? "+" : ""}${text}${percent ? " %" : ""}`;
};

/** A reason in words: value, threshold, and the national and municipal figures. */
export function reasonText(reason: SelectionReason & { programmes?: ProgrammeFigure[] }): LocalizedText {
  const name = NAMES[reason.metric];
  const signed = reason.metric === "salsaResidual";
  const f = (n: number, locale: "sv" | "en") => number(n, locale, name.percent, signed);
  const parts = (locale: "sv" | "en") => {
    const sv = locale === "sv";
    const out = [
      sv
        ? `${name.sv} är ${f(reason.value, locale)} (${reason.schoolYear}), under gränsen ${f(reason.threshold, locale)}`
        : `${name.en} is ${f(reason.value, locale)} (${reason.schoolYear}), below the threshold ${f(reason.threshold, locale)}`,
    ];
    if (reason.national !== null) out.push(sv ? `riket ${f(reason.national, locale)}` : `national ${f(reason.national, locale)}`);
    if (reason.municipal !== null) out.push(sv ? `kommunen ${f(reason.municipal, locale)}` : `municipality ${f(reason.municipal, locale)}`);
    if (reason.programmes && reason.programmes.length > 0) {
      const withNumber = reason.programmes.filter((p) => p.value !== null);
      out.push(
        sv
          ? `vägt över ${withNumber.length} av ${reason.programmes.length} program (${reason.programmes.map((p) => `${p.programCode} ${p.value === null ? p.raw || "saknas" : f(p.value, locale)}`).join(", ")})`
          : `weighted over ${withNumber.length} of ${reason.programmes.length} programmes (${reason.programmes.map((p) => `${p.programCode} ${p.value === null ? p.raw || "missing" : f(p.value, locale)}`).join(", ")})`,
      );
    }
    return `${out.join("; ")}.`;
  };
  return { sv: parts("sv"), en: parts("en") };
}
