import * as z from "zod";
import { isValidOrganisationNumber } from "../domain/luhn";
import { parseOrganizerType, type OrganizerType } from "./organizer-type";
import { hasNumber, parseStatValue, type StatValue } from "./stat-value";
import type { ColumnMap, ExportColumn } from "./statistics-export-columns";

/** One school unit of a statistics export. */
export type ExportRow = {
  /** 1-based line in the file. */
  line: number;
  schoolUnitCode: string;
  schoolName: string;
  municipalityCode: string;
  municipalityName: string;
  /** First two digits of the municipality code. */
  countyCode: string;
  organizerType: OrganizerType;
  organizerName: string;
  /** 10 digits, Luhn-checked. */
  organizationNumber: string;
  pupils: StatValue;
  /** % meeting the grade criteria in all subjects. */
  shareAllSubjects: StatValue;
  /** % eligible for vocational programmes. */
  shareEligibleVocational: StatValue;
  /** Average merit value, 17 subjects (0–340). */
  meritValue: StatValue;
};

const text = z
  .string()
  .trim()
  .refine((value) => value !== "", { message: "is empty" });

function digits(count: number) {
  const pattern = new RegExp(`^\\d{${count}}$`);
  return z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      if (!pattern.test(value)) ctx.addIssue({ code: "custom", message: `must be ${count} digits, got "${value}"` });
    });
}

const organisationNumber = digits(10).superRefine((value, ctx) => {
  if (/^\d{10}$/.test(value) && !isValidOrganisationNumber(value)) {
    ctx.addIssue({ code: "custom", message: `"${value}" fails the Luhn check digit` });
  }
});

const organizerType = z
  .string()
  .trim()
  .transform((value, ctx): OrganizerType => {
    const type = parseOrganizerType(value);
    if (type === null) {
      ctx.addIssue({ code: "custom", message: `unknown organizer type "${value}" (expected Kommunal, Enskild, Statlig or Region)` });
      return z.NEVER;
    }
    return type;
  });

/** A statistics cell: a number within [min, max] or one of Skolverket's markers. */
function statCell(bounds: { min: number; max?: number; integer?: boolean }) {
  return z
    .string()
    .transform((raw) => parseStatValue(raw))
    .superRefine((value, ctx) => {
      if (value.kind === "unparseable") {
        ctx.addIssue({ code: "custom", message: `"${value.raw}" is neither a number nor a known marker` });
        return;
      }
      if (!hasNumber(value)) return;
      const { min, max, integer } = bounds;
      if (value.value < min || (max !== undefined && value.value > max)) {
        const range = max === undefined ? `at least ${min}` : `between ${min} and ${max}`;
        ctx.addIssue({ code: "custom", message: `must be ${range}, got ${value.raw.trim()}` });
      } else if (integer && !Number.isInteger(value.value)) {
        ctx.addIssue({ code: "custom", message: `must be a whole number, got ${value.raw.trim()}` });
      }
    });
}

/** Validates the cells of one row, keyed by column. */
export const exportRowCellsSchema = z.object({
  schoolName: text,
  schoolUnitCode: digits(8),
  municipalityName: text,
  municipalityCode: digits(4),
  organizerType,
  organizerName: text,
  organizationNumber: organisationNumber,
  pupils: statCell({ min: 0, integer: true }),
  shareAllSubjects: statCell({ min: 0, max: 100 }),
  shareEligibleVocational: statCell({ min: 0, max: 100 }),
  meritValue: statCell({ min: 0, max: 340 }),
} satisfies Record<ExportColumn, z.ZodType>);

export type RowResult = { ok: true; row: ExportRow } | { ok: false; reason: string };

/** Validates one data row; the reason names each offending column by its header. */
export function parseExportRow(cells: readonly string[], line: number, columns: ColumnMap): RowResult {
  const needed = Math.max(...Object.values(columns).map((column) => column.index)) + 1;
  if (cells.length < needed) return { ok: false, reason: `has ${cells.length} cells, expected at least ${needed}` };

  const input = Object.fromEntries(Object.entries(columns).map(([name, column]) => [name, cells[column.index] ?? ""])) as Record<ExportColumn, string>;
  const parsed = exportRowCellsSchema.safeParse(input);
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((issue) => {
      const column = issue.path[0] as ExportColumn;
      return `${columns[column].header} (${column}): ${issue.message}`;
    });
    return { ok: false, reason: reasons.join("; ") };
  }
  const cellsOk = parsed.data;
  return {
    ok: true,
    row: {
      line,
      schoolUnitCode: cellsOk.schoolUnitCode,
      schoolName: cellsOk.schoolName,
      municipalityCode: cellsOk.municipalityCode,
      municipalityName: cellsOk.municipalityName,
      countyCode: cellsOk.municipalityCode.slice(0, 2),
      organizerType: cellsOk.organizerType,
      organizerName: cellsOk.organizerName,
      organizationNumber: cellsOk.organizationNumber,
      pupils: cellsOk.pupils,
      shareAllSubjects: cellsOk.shareAllSubjects,
      shareEligibleVocational: cellsOk.shareEligibleVocational,
      meritValue: cellsOk.meritValue,
    },
  };
}
