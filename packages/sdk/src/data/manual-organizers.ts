import { ValidationError } from "../errors";
import { municipalityCodeSchema } from "../domain/geography";
import { organisationNumberSchema, organizerTypeSchema, type OrganizerType } from "../domain/organizer";
import { parseDelimited } from "../skolverket/csv";
import { requireRole } from "../services/access";
import { recordAudit } from "../services/audit";
import { newId, type Deps, type Trx, type WriteContext } from "../services/context";
import * as z from "zod";
import type { OrganizersService } from "../api/directory";

/**
 * Organizers an admin adds by hand: Skolenhetsregistret has no preschool-only organizers,
 * so the coverage population is completed here. They are marked `manual` and a register
 * sync never retires them; one the register later lists becomes a register row.
 */
export const manualOrganizerSchema = z.object({
  organizationNumber: organisationNumberSchema,
  name: z.string().trim().min(1).max(300),
  type: organizerTypeSchema.default("independent"),
  /** Seat municipality, 4 digits. */
  municipalityCode: municipalityCodeSchema,
});
export type ManualOrganizerInput = z.input<typeof manualOrganizerSchema>;

export interface ManualOrganizerResult {
  organizationNumber: string;
  id: string;
  outcome: "added" | "updated" | "unchanged" | "inRegister";
}

export interface ManualImportSummary {
  rows: number;
  added: number;
  updated: number;
  unchanged: number;
  /** Already in the register: left as the register describes them. */
  inRegister: number;
  errors: Array<{ line: number; reason: string }>;
}

const TYPE_WORDS: Record<string, OrganizerType> = {
  kommunal: "municipal",
  kommun: "municipal",
  municipal: "municipal",
  enskild: "independent",
  fristående: "independent",
  independent: "independent",
  statlig: "state",
  state: "state",
  region: "region",
};

const FIELD_PROBLEMS: Record<string, { sv: string; en: string }> = {
  organizationNumber: {
    sv: "organisationsnumret har inte tio siffror eller fel kontrollsiffra (Luhn); kontrollera att det är rätt skrivet.",
    en: "the organisation number does not have ten digits or its Luhn check digit is wrong; check for a typo.",
  },
  municipalityCode: { sv: "kommunkoden har fyra siffror, t.ex. 2281.", en: "the municipality code has four digits, e.g. 2281." },
  name: { sv: "namnet saknas eller är för långt.", en: "the name is missing or too long." },
};

const fold = (s: string) => s.trim().toLocaleLowerCase("sv-SE");

function describe(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((i) => `${i.path.join(".") || "rad"}: ${i.message}`).join("; ");
}

export function createManualOrganizers(deps: Deps): Pick<OrganizersService, "add" | "importCsv"> {
  const { db } = deps.store;
  const now = () => deps.clock().getTime();

  async function addIn(trx: Trx, data: z.output<typeof manualOrganizerSchema>): Promise<ManualOrganizerResult> {
    const at = now();
    const known = await trx.selectFrom("municipalities").select("code").where("code", "=", data.municipalityCode).executeTakeFirst();
    if (!known) {
      await trx
        .insertInto("municipalities")
        .values({ code: data.municipalityCode, name: `Kommun ${data.municipalityCode}`, county_code: data.municipalityCode.slice(0, 2) })
        .execute();
    }
    const before = await trx.selectFrom("organizers").selectAll().where("organization_number", "=", data.organizationNumber).executeTakeFirst();
    if (!before) {
      const id = newId();
      await trx
        .insertInto("organizers")
        .values({
          id,
          organization_number: data.organizationNumber,
          name: data.name,
          type: data.type,
          municipality_code: data.municipalityCode,
          status: "active",
          source: "manual",
          updated_at: at,
        })
        .execute();
      return { organizationNumber: data.organizationNumber, id, outcome: "added" };
    }
    if (before.register_seen_at !== null && before.source === "register")
      return { organizationNumber: data.organizationNumber, id: before.id, outcome: "inRegister" };
    const fields = { name: data.name, type: data.type, municipality_code: data.municipalityCode, status: "active" as const, source: "manual" };
    const changed = (Object.keys(fields) as Array<keyof typeof fields>).some((k) => before[k] !== fields[k]);
    if (!changed) return { organizationNumber: data.organizationNumber, id: before.id, outcome: "unchanged" };
    await trx
      .updateTable("organizers")
      .set({ ...fields, updated_at: at })
      .where("id", "=", before.id)
      .execute();
    return { organizationNumber: data.organizationNumber, id: before.id, outcome: "updated" };
  }

  return {
    /** Adds (or corrects) one organizer by hand. Admins only. */
    async add(input: ManualOrganizerInput, ctx: WriteContext): Promise<ManualOrganizerResult> {
      const parsed = manualOrganizerSchema.safeParse(input);
      if (!parsed.success) {
        const field = String(parsed.error.issues[0]?.path[0] ?? "organizer");
        const words = FIELD_PROBLEMS[field] ?? { sv: describe(parsed.error.issues), en: describe(parsed.error.issues) };
        throw ValidationError.field(field, { sv: `Huvudmannen kunde inte läggas till: ${words.sv}`, en: `The organizer could not be added: ${words.en}` });
      }
      return db.transaction().execute(async (trx) => {
        const actor = await requireRole(trx, ctx, "admin", { sv: "lägga till huvudmän", en: "add organizers" });
        const result = await addIn(trx, parsed.data);
        if (result.outcome === "added" || result.outcome === "updated") {
          await recordAudit(trx, ctx, actor, now(), {
            action: "organizer.addManual",
            entityType: "organizer",
            entityId: result.id,
            details: { outcome: result.outcome },
          });
        }
        return result;
      });
    },

    /**
     * `organisationsnummer;namn;typ;kommunkod` (header row required; `,` also accepted as
     * delimiter). A bad row is reported by line; the good ones go in, in one transaction.
     */
    async importCsv(text: string, ctx: WriteContext): Promise<ManualImportSummary> {
      const body = text.replace(/^\uFEFF/, "");
      const firstLine = body.split(/\r?\n/, 1)[0] ?? "";
      const records = parseDelimited(body, firstLine.includes(";") ? ";" : ",").filter((r) => r.cells.some((c) => c.trim() !== ""));
      const [header, ...rows] = records;
      const names = (header?.cells ?? []).map(fold);
      const column = (...candidates: string[]) => names.findIndex((n) => candidates.includes(n));
      const cols = {
        number: column("organisationsnummer", "organisationsnr", "orgnr", "organizationnumber", "organisation number"),
        name: column("namn", "name", "huvudman"),
        type: column("typ", "type", "huvudmannatyp"),
        municipality: column("kommunkod", "kommun", "municipalitycode", "municipality"),
      };
      if (cols.number < 0 || cols.name < 0 || cols.municipality < 0) {
        throw ValidationError.field("file", {
          sv: "Filen saknar kolumnerna organisationsnummer, namn och kommunkod (rubrikrad krävs; typ är frivillig).",
          en: "The file lacks the columns organisationsnummer, namn and kommunkod (a header row is required; typ is optional).",
        });
      }
      const summary: ManualImportSummary = { rows: rows.length, added: 0, updated: 0, unchanged: 0, inRegister: 0, errors: [] };
      const valid: Array<z.output<typeof manualOrganizerSchema>> = [];
      const seen = new Set<string>();
      for (const row of rows) {
        const cell = (i: number) => (i < 0 ? "" : (row.cells[i] ?? "").trim());
        const typeText = cell(cols.type);
        const type = typeText ? TYPE_WORDS[fold(typeText)] : "independent";
        if (!type) {
          summary.errors.push({ line: row.line, reason: `okänd typ "${typeText}" (kommunal, enskild, statlig eller region)` });
          continue;
        }
        const parsed = manualOrganizerSchema.safeParse({
          organizationNumber: cell(cols.number),
          name: cell(cols.name),
          type,
          municipalityCode: cell(cols.municipality).padStart(4, "0"),
        });
        if (!parsed.success) {
          summary.errors.push({ line: row.line, reason: describe(parsed.error.issues) });
          continue;
        }
        if (seen.has(parsed.data.organizationNumber)) {
          summary.errors.push({ line: row.line, reason: `organisationsnumret ${parsed.data.organizationNumber} finns redan på en tidigare rad` });
          continue;
        }
        seen.add(parsed.data.organizationNumber);
        valid.push(parsed.data);
      }
      await db.transaction().execute(async (trx) => {
        const actor = await requireRole(trx, ctx, "admin", { sv: "lägga till huvudmän", en: "add organizers" });
        for (const item of valid) summary[(await addIn(trx, item)).outcome]++;
        await recordAudit(trx, ctx, actor, now(), {
          action: "organizer.importManual",
          entityType: "organizer",
          entityId: "*",
          details: {
            rows: summary.rows,
            added: summary.added,
            updated: summary.updated,
            unchanged: summary.unchanged,
            inRegister: summary.inRegister,
            errors: summary.errors.length,
          },
        });
      });
      return summary;
    },
  };
}
