import { ForbiddenError, NotFoundError } from "../errors";
import { ROLE_ORDER, roleSchema, type Role } from "../domain/staff";
import type { Kysely } from "kysely";
import { readColumn } from "../store/columns";
import type { Database } from "../store/schema";
import type { WriteContext } from "./context";

export interface ResolvedActor {
  staffId: string | null;
  label: string;
  role: Role;
}

const ROLE_NAMES: Record<Role, { sv: string; en: string }> = {
  viewer: { sv: "läsbehörighet", en: "viewer" },
  advisor: { sv: "rådgivare", en: "advisor" },
  unitHead: { sv: "enhetschef", en: "unit head" },
  admin: { sv: "administratör", en: "admin" },
};

/**
 * Resolves who is acting and checks their role inside the write's transaction, so a
 * role revoked a moment ago is already in force. Checks without a write pass the plain
 * connection.
 */
export async function requireRole(trx: Kysely<Database>, ctx: WriteContext, minimum: Role, what: { sv: string; en: string }): Promise<ResolvedActor> {
  if ("system" in ctx.actor) return { staffId: null, label: `system:${ctx.actor.system}`, role: "admin" };
  const staff = await trx.selectFrom("staff").select(["id", "name", "role"]).where("id", "=", ctx.actor.staffId).executeTakeFirst();
  if (!staff) {
    throw new NotFoundError("staff", ctx.actor.staffId, {
      sv: `Medarbetaren ${ctx.actor.staffId} finns inte i Samverkan. Be en administratör lägga till dig.`,
      en: `Staff member ${ctx.actor.staffId} is not registered in Samverkan. Ask an administrator to add you.`,
    });
  }
  const role = readColumn(roleSchema, "staff.role", staff.role);
  if (ROLE_ORDER.indexOf(role) < ROLE_ORDER.indexOf(minimum)) {
    throw new ForbiddenError({
      sv: `Du (${staff.name}, ${ROLE_NAMES[role].sv}) får inte ${what.sv}. Det kräver minst rollen ${ROLE_NAMES[minimum].sv}.`,
      en: `You (${staff.name}, ${ROLE_NAMES[role].en}) may not ${what.en}. That needs at least the ${ROLE_NAMES[minimum].en} role.`,
    });
  }
  return { staffId: staff.id, label: staff.name, role };
}

export function atLeast(role: Role, minimum: Role): boolean {
  return ROLE_ORDER.indexOf(role) >= ROLE_ORDER.indexOf(minimum);
}

/** Unit heads, admins and system jobs (which resolve as admin) act on anyone's behalf; everyone else only on their own things. */
export function actsForOthers(actor: ResolvedActor): boolean {
  return atLeast(actor.role, "unitHead");
}
