import { ForbiddenError, isRequestError, ValidationError, type OrganizerContact } from "@samverkan/sdk";
import type { Block, Message } from "../../cards/model";
import type { FlowContext } from "../context";
import { message, reply, textMessage } from "../reply";
import type { EngineReply } from "../types";
import { t } from "../../i18n";

type Values = Record<string, string | number | boolean | undefined>;

const text = (v: string | number | boolean | undefined) => (typeof v === "string" ? v.trim() : v === undefined ? "" : String(v));

function noRights(ctx: FlowContext): EngineReply {
  return reply(textMessage(ctx.locale, t(ctx.locale).contacts.youHaveViewerAccessAnd));
}

/** The add/edit form; editing fills in the person's current details. */
export async function contactForm(ctx: FlowContext, organizerId: string, contactId?: string, errors?: Record<string, string>): Promise<EngineReply> {
  // The SDK refuses the write anyway; saying so before the form saves the viewer typing.
  if (ctx.staff.role === "viewer") return noRights(ctx);
  const m = t(ctx.locale).contacts;
  const organizer = await ctx.sv.organizers.get(organizerId);
  const current: OrganizerContact | undefined = contactId ? await ctx.sv.contacts.get(contactId, ctx.write) : undefined;
  const form: Message = message(
    ctx.locale,
    [
      {
        type: "form",
        id: "contact",
        title: current ? m.editContactPerson : m.newContactPerson,
        submit: { id: "contact.submit", label: m.save, value: { organizerId: organizer.id, ...(current ? { id: current.id } : {}) } },
        cancel: { id: "flow.cancel", label: m.cancel, value: {} },
        inputs: [
          {
            kind: "text",
            id: "name",
            label: m.nameOf(organizer.name).slice(0, 150),
            required: true,
            maxLength: 200,
            ...(current ? { value: current.name } : {}),
          },
          {
            kind: "text",
            id: "role",
            label: m.role,
            required: true,
            maxLength: 200,
            placeholder: m.eGFRvaltningschefRektor,
            ...(current ? { value: current.role } : {}),
          },
          { kind: "text", id: "email", label: m.eMail, maxLength: 320, ...(current?.email ? { value: current.email } : {}) },
          { kind: "text", id: "phone", label: m.phone, maxLength: 30, ...(current?.phone ? { value: current.phone } : {}) },
          { kind: "text", id: "notes", label: m.notes, multiline: true, maxLength: 2000, ...(current?.notes ? { value: current.notes } : {}) },
        ],
        ...(errors ? { errors } : {}),
      },
    ],
    m.contactPerson,
  );
  return { messages: [], replaceOriginal: false, openForm: form };
}

export async function submitContactForm(ctx: FlowContext, context: { organizerId?: string; id?: string }, values: Values): Promise<EngineReply> {
  const m = t(ctx.locale).contacts;
  if (!context.organizerId) return { messages: [], replaceOriginal: false, formErrors: { name: m.theOrganizerIsMissingOpen } };
  const details = {
    name: text(values.name),
    role: text(values.role),
    email: text(values.email) || null,
    phone: text(values.phone) || null,
    notes: text(values.notes),
  };
  try {
    if (context.id) await ctx.sv.contacts.update(context.id, details, ctx.write);
    else await ctx.sv.contacts.add({ organizerId: context.organizerId, ...details }, ctx.write);
  } catch (error) {
    if (error instanceof ValidationError) {
      const formErrors: Record<string, string> = {};
      for (const issue of error.issues) formErrors[issue.field in details ? issue.field : "name"] = issue.message[ctx.locale].replace(/^[a-z]+: /, "");
      return { messages: [], replaceOriginal: false, formErrors };
    }
    if (error instanceof ForbiddenError) return { messages: [], replaceOriginal: false, formErrors: { name: error.localized(ctx.locale) } };
    throw error;
  }
  return { messages: [await contactsCard(ctx, context.organizerId, m.saved)], replaceOriginal: false, closeForm: true };
}

/** The organizer's contact persons, each with an edit button. Staff only (the SDK checks). */
export async function contactsCard(ctx: FlowContext, organizerId: string, lead?: string): Promise<Message> {
  const m = t(ctx.locale).contacts;
  const organizer = await ctx.sv.organizers.get(organizerId);
  const contacts = await ctx.sv.contacts.list(organizerId, ctx.write);
  const blocks: Block[] = [];
  if (lead) blocks.push({ type: "text", text: `**${lead}**` });
  blocks.push({ type: "header", text: m.contactPersons(organizer.name).slice(0, 150) });
  if (contacts.length === 0) blocks.push({ type: "text", text: m.noContactPersonsYet });
  else {
    blocks.push({
      type: "list",
      items: contacts.slice(0, 25).map((c) => ({
        title: `${c.name}, ${c.role}`.slice(0, 150),
        subtitle: ([c.email, c.phone, c.notes].filter(Boolean).join(" · ") || "–").slice(0, 300),
        action: { id: "contact.form", label: m.edit, value: { organizerId, id: c.id } },
      })),
    });
  }
  blocks.push({ type: "actions", actions: [{ id: "contact.form", label: m.addContactPerson, value: { organizerId } }] });
  return message(ctx.locale, blocks, m.contactPersonsAt({ length: contacts.length, name: organizer.name }));
}

/** Which of the organizer's contact persons the dialogue meets: one toggle each. */
export async function dialogueContactsForm(ctx: FlowContext, dialogueId: string): Promise<EngineReply> {
  if (ctx.staff.role === "viewer") return noRights(ctx);
  const m = t(ctx.locale).contacts;
  const dialogue = await ctx.sv.dialogues.get(dialogueId);
  const all = await ctx.sv.contacts.list(dialogue.organizerId, ctx.write);
  if (all.length === 0) return reply(await contactsCard(ctx, dialogue.organizerId, m.theOrganizerHasNoContact));
  const chosen = new Set((await ctx.sv.contacts.forDialogue(dialogueId, ctx.write)).map((c) => c.id));
  const form: Message = message(
    ctx.locale,
    [
      {
        type: "form",
        id: "dialogue.contacts",
        title: m.contactPersonsInTheDialogue,
        submit: { id: "dialogue.contacts.submit", label: m.save, value: { id: dialogueId } },
        cancel: { id: "flow.cancel", label: m.cancel, value: {} },
        inputs: all
          .slice(0, 40)
          .map((c) => ({ kind: "toggle" as const, id: `contact_${c.id}`, label: `${c.name}, ${c.role}`.slice(0, 150), value: chosen.has(c.id) })),
      },
    ],
    m.contactPersonsInTheDialogue,
  );
  return { messages: [], replaceOriginal: false, openForm: form };
}

export async function submitDialogueContacts(
  ctx: FlowContext,
  dialogueId: string,
  values: Values,
  card: (id: string) => Promise<Message>,
): Promise<EngineReply> {
  const dialogue = await ctx.sv.dialogues.get(dialogueId);
  const all = await ctx.sv.contacts.list(dialogue.organizerId, ctx.write);
  // Toggle ids carry the contact id, so a contact added meanwhile cannot shift the choice.
  const ids = all.filter((c) => values[`contact_${c.id}`] === true || values[`contact_${c.id}`] === "true").map((c) => c.id);
  try {
    await ctx.sv.contacts.setForDialogue(dialogueId, ids, ctx.write);
  } catch (error) {
    if (isRequestError(error))
      return { messages: [], replaceOriginal: false, formErrors: { [`contact_${all[0]?.id ?? "none"}`]: error.localized(ctx.locale) } };
    throw error;
  }
  return { messages: [await card(dialogueId)], replaceOriginal: false, closeForm: true };
}
