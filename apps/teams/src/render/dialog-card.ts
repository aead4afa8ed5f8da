/**
 * How engine forms become Teams dialogs (task modules), and how dialog buttons find their
 * way back. Two kinds of `Action.Submit` data travel through Teams:
 *
 * - opener: `{ msteams: { type: "task/fetch" }, verb: "samverkan.dialog", samverkan: { dialog: <key> } }`
 *   on a card in the chat; Teams answers a click with `task/fetch`, and we show the form
 *   stored under `<key>` when the engine asked for it.
 * - submit: `{ verb: "samverkan.dialog", samverkan: { dialog: <key>, action: <action> }, …inputs }`
 *   on the form inside the dialog; Teams sends `task/submit` with the input values merged in.
 *
 * `verb` is what the app's dispatcher (`createTeamsApp`) routes task/fetch and task/submit on.
 */
import { actionRefSchema, renderAdaptiveCard, type AdaptiveCard, type FormBlock, type Locale, type Message } from "@samverkan/chat";
import * as z from "zod";
import { say, strings } from "../strings";

export const DIALOG_VERB = "samverkan.dialog";

/** Data keys of our own in a submitted dialog; form inputs must not use them. */
const RESERVED_KEYS = new Set(["verb", "samverkan", "msteams"]);

const dialogKeySchema = z.string().min(1).max(100);

export const dialogOpenDataSchema = z.looseObject({
  verb: z.literal(DIALOG_VERB),
  samverkan: z.object({ dialog: dialogKeySchema }),
});

export const dialogSubmitDataSchema = z.looseObject({
  verb: z.literal(DIALOG_VERB),
  samverkan: z.object({ dialog: dialogKeySchema, action: actionRefSchema }),
});

/** The single form block of a form message (the engine's `openForm`). */
export function formOf(message: Message): FormBlock | undefined {
  return message.blocks.find((block): block is FormBlock => block.type === "form");
}

/**
 * A small card that opens the form in a dialog: a Universal Action cannot open one itself,
 * so a form the engine asks for arrives as this card.
 */
export function dialogOpenerCard(form: Message, dialogKey: string): AdaptiveCard {
  const locale: Locale = form.locale ?? "sv";
  const title = formOf(form)?.title ?? form.text;
  return renderAdaptiveCard(
    {
      text: title,
      locale,
      blocks: [
        { type: "header", text: title },
        { type: "text", text: say(strings.formOpensInDialog, locale) },
        { type: "actions", actions: [{ id: "dialog.open", label: say(strings.openForm, locale), value: {}, style: "primary" }] },
      ],
    },
    { dialogButtons: () => ({ msteams: { type: "task/fetch" }, verb: DIALOG_VERB, samverkan: { dialog: dialogKey } }) },
  );
}

/** The form as the body of a dialog: its buttons submit the dialog, carrying its key and their action. */
export function dialogFormCard(form: Message, dialogKey: string): AdaptiveCard {
  const block = formOf(form);
  for (const input of block?.inputs ?? []) {
    if (RESERVED_KEYS.has(input.id)) throw new Error(`form input id "${input.id}" is reserved by the Teams dialog protocol`);
  }
  return renderAdaptiveCard(form, {
    dialogButtons: (action) => ({ verb: DIALOG_VERB, samverkan: { dialog: dialogKey, action: { id: action.id, value: { ...action.value } } } }),
  });
}
