import { readAdaptiveFormValues, type Engine, type Message } from "@samverkan/chat";
import { activityLocale, teamsUser } from "../activity/identity";
import { readActivity } from "../activity/schema";
import type { DialogStore } from "../dialogs/dialog-store";
import { dialogFormCard, dialogOpenDataSchema, dialogSubmitDataSchema, formOf } from "../render/dialog-card";
import { refillForm } from "../render/refill-form";
import { say, strings } from "../strings";
import { sendMessages } from "../turn/send";
import type { Turn } from "../turn/turn";

/** What a dialog (task module) shows: Teams' `TaskModuleTaskInfo` with an Adaptive Card. */
export interface TaskModuleTaskInfo {
  title: string;
  width: "small" | "medium" | "large";
  card: { contentType: string; content: unknown };
}

const ADAPTIVE = "application/vnd.microsoft.card.adaptive";

/** A form shown in a Teams dialog (task module `continue` response). */
export function taskInfo(form: Message, dialogKey: string): TaskModuleTaskInfo {
  return {
    title: formOf(form)?.title ?? form.text,
    width: "medium",
    card: { contentType: ADAPTIVE, content: dialogFormCard(form, dialogKey) },
  };
}

function turnParts(turn: Turn) {
  const activity = readActivity(turn.activity);
  const user = activity ? teamsUser(activity) : undefined;
  const conversationId = activity?.conversation?.id;
  const locale = activity ? activityLocale(activity) : "sv";
  return { user, conversationId, locale };
}

/** `task/fetch`: the dialog opens and shows the form the engine asked for. */
export function createDialogFetchHandler(dialogs: DialogStore): (turn: Turn, data: unknown) => Promise<TaskModuleTaskInfo | string> {
  return async (turn, data) => {
    const { user, locale } = turnParts(turn);
    const open = dialogOpenDataSchema.safeParse(data);
    if (!user) return say(strings.noIdentity, locale);
    const stored = open.success ? await dialogs.get(open.data.samverkan.dialog, user.aadObjectId) : undefined;
    if (!open.success || !stored) return say(strings.dialogExpired, locale);
    return taskInfo(stored.form, open.data.samverkan.dialog);
  };
}

/**
 * `task/submit`: the form's values → one engine form turn. Errors keep the dialog open
 * with the user's values and the messages under the inputs; an accepted form closes it
 * and the reply is posted in the conversation. Cancel closes it quietly.
 */
export function createDialogSubmitHandler(engine: Engine, dialogs: DialogStore): (turn: Turn, data: unknown) => Promise<TaskModuleTaskInfo | string | null> {
  return async (turn, data) => {
    const { user, conversationId, locale } = turnParts(turn);
    const submit = dialogSubmitDataSchema.safeParse(data);
    if (!user || !conversationId) return say(strings.noIdentity, locale);
    if (!submit.success) return say(strings.dialogExpired, locale);
    const key = submit.data.samverkan.dialog;
    const action = submit.data.samverkan.action;
    const stored = await dialogs.get(key, user.aadObjectId);
    const form = stored ? formOf(stored.form) : undefined;
    if (!stored || !form) return say(strings.dialogExpired, locale);

    if (form.cancel && action.id === form.cancel.id) {
      await engine.handle({ user, conversationId: stored.conversationId, action });
      await dialogs.close(key);
      return null;
    }
    // The submit data is the client's word: only the stored form's own submit counts, and
    // its context (e.g. the assignment ref) comes from the stored form, never from the data.
    if (action.id !== form.submit.id) return say(strings.dialogExpired, locale);
    const values = readAdaptiveFormValues(form, submit.data);
    const reply = await engine.handle({ user, conversationId: stored.conversationId, form: { id: form.id, values, context: form.submit.value } });
    if (reply.formErrors && Object.keys(reply.formErrors).length > 0) {
      return taskInfo(refillForm(stored.form, values, reply.formErrors), key);
    }
    await dialogs.close(key);
    if (reply.openForm) {
      const next = await dialogs.open(reply.openForm, { aadObjectId: user.aadObjectId, conversationId: stored.conversationId });
      await sendMessages(turn, reply.messages);
      return taskInfo(reply.openForm, next);
    }
    await sendMessages(turn, reply.messages);
    return null;
  };
}
