import type { Command } from "commander";
import type { OrganizerContact } from "@samverkan/sdk";
import { printJson, printLines, table } from "../output";
import { actingAs, CliUsageError, type CliRuntime } from "../runtime";
import type { RunWith } from "../main";
import { t } from "../i18n";

interface ContactFlags {
  organizer?: string;
  name?: string;
  role?: string;
  email?: string;
  phone?: string;
  notes?: string;
  as?: string;
  json?: boolean;
}

async function organizerId(rt: CliRuntime, text: string | undefined): Promise<string> {
  const organizer = text ? await rt.sv.organizers.find(text) : undefined;
  if (!organizer) {
    throw new CliUsageError((m) => m.usage.noPrincipalOrganizerGiveIts2(text ?? ""));
  }
  return organizer.id;
}

/** The `--json` shape of a contact: exactly these keys, in this order. */
function contactJson(c: OrganizerContact) {
  return { id: c.id, name: c.name, role: c.role, email: c.email, phone: c.phone };
}

/** `samverkan organizers contacts …`: contact persons at an organizer (personal data; staff only). */
export function registerContacts(organizers: Command, run: RunWith): void {
  const contacts = organizers.command("contacts").description("Contact persons at an organizer (personal data: every change is audited)");

  contacts
    .command("add")
    .description("Add a contact person")
    .requiredOption("--organizer <name|orgnr>", "organizer id, organisation number or exact name")
    .requiredOption("--name <name>", "the person's name")
    .requiredOption("--role <role>", "e.g. förvaltningschef, rektor, elevhälsochef")
    .option("--email <email>", "e-mail address")
    .option("--phone <phone>", "phone number")
    .option("--notes <text>", "notes")
    .option("--as <who>", "acting staff member")
    .option("--json", "print {id, name, role, email, phone}")
    .action((opts: ContactFlags) =>
      run(opts, async (rt) => {
        const ctx = await actingAs(rt, opts.as);
        const contact = await rt.sv.contacts.add(
          {
            organizerId: await organizerId(rt, opts.organizer),
            name: opts.name ?? "",
            role: opts.role ?? "",
            email: opts.email ?? null,
            phone: opts.phone ?? null,
            notes: opts.notes ?? "",
          },
          ctx,
        );
        if (opts.json) return printJson(contactJson(contact));
        printLines([t(rt.locale).contacts.addedId({ name: contact.name, role: contact.role, id: contact.id })]);
      }),
    );

  contacts
    .command("edit <id>")
    .description("Change a contact person's details")
    .option("--name <name>", "the person's name")
    .option("--role <role>", "role")
    .option("--email <email>", "e-mail address (empty to clear)")
    .option("--phone <phone>", "phone number (empty to clear)")
    .option("--notes <text>", "notes")
    .option("--as <who>", "acting staff member")
    .option("--json", "print {id, name, role, email, phone}")
    .action((id: string, opts: ContactFlags) =>
      run(opts, async (rt) => {
        const ctx = await actingAs(rt, opts.as);
        const clearable = (v: string | undefined) => (v === undefined ? {} : { value: v.trim() === "" ? null : v });
        const email = clearable(opts.email);
        const phone = clearable(opts.phone);
        const contact = await rt.sv.contacts.update(
          id,
          {
            ...(opts.name !== undefined ? { name: opts.name } : {}),
            ...(opts.role !== undefined ? { role: opts.role } : {}),
            ...("value" in email ? { email: email.value } : {}),
            ...("value" in phone ? { phone: phone.value } : {}),
            ...(opts.notes !== undefined ? { notes: opts.notes } : {}),
          },
          ctx,
        );
        if (opts.json) return printJson(contactJson(contact));
        printLines([t(rt.locale).contacts.updated(contact.name)]);
      }),
    );

  contacts
    .command("list")
    .description("List an organizer's contact persons")
    .requiredOption("--organizer <name|orgnr>", "organizer id, organisation number or exact name")
    .option("--as <who>", "acting staff member")
    .option("--json", "print a JSON array of {id, name, role, email, phone}")
    .action((opts: ContactFlags) =>
      run(opts, async (rt) => {
        const ctx = await actingAs(rt, opts.as);
        const list = await rt.sv.contacts.list(await organizerId(rt, opts.organizer), ctx);
        if (opts.json) return printJson(list.map(contactJson));
        if (list.length === 0) return printLines([t(rt.locale).contacts.noContactPersonsYet]);
        printLines(table(list.map((c) => [c.name, c.role, c.email ?? "–", c.phone ?? "–", c.id])));
      }),
    );

  contacts
    .command("remove <id>")
    .description("Remove a contact person (e.g. who changed jobs)")
    .option("--as <who>", "acting staff member")
    .option("--json", "print {removed: id}")
    .action((id: string, opts: ContactFlags) =>
      run(opts, async (rt) => {
        await rt.sv.contacts.remove(id, await actingAs(rt, opts.as));
        if (opts.json) return printJson({ removed: id });
        printLines([t(rt.locale).contacts.removedContactPerson(id)]);
      }),
    );

  contacts
    .command("erase <id>")
    .description("GDPR erasure: remove the person everywhere, incl. dialogues; the audit keeps the event without personal data (unit head)")
    .option("--as <who>", "acting staff member")
    .option("--json", "print {erased: id}")
    .action((id: string, opts: ContactFlags) =>
      run(opts, async (rt) => {
        await rt.sv.contacts.erase(id, await actingAs(rt, opts.as));
        if (opts.json) return printJson({ erased: id });
        printLines([t(rt.locale).contacts.erasedContactPersonFromThe(id)]);
      }),
    );
}
