import type { AttendeeSource } from "./settings";

/**
 * The organizer's contact persons chosen for the dialogue (`contacts.setForDialogue`) who
 * have an e-mail address: invited along with the staff.
 */
export const contactAttendees: AttendeeSource = async (dialogue, db) => {
  const rows = await db
    .selectFrom("dialogue_contacts as dc")
    .innerJoin("organizer_contacts as c", "c.id", "dc.contact_id")
    .select(["c.name", "c.email"])
    .where("dc.dialogue_id", "=", dialogue.id)
    .where("c.email", "is not", null)
    .orderBy("c.name")
    .execute();
  return rows.flatMap((r) => (r.email ? [{ name: r.name, email: r.email, kind: "contact" as const }] : []));
};
