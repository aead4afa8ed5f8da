import { randomUUID } from "node:crypto";
import { messageSchema, type Message } from "@samverkan/chat";
import type { Samverkan } from "@samverkan/sdk";
import * as z from "zod";
import { formOf } from "../render/dialog-card";

/** Shared state namespace: any bot instance can serve the dialog's fetch and submit. */
export const DIALOG_NAMESPACE = "teams-dialogs";

/** As long as the engine keeps the conversation's state. */
const DIALOG_TTL_MS = 30 * 60_000;

const storedDialogSchema = z.object({
  form: messageSchema,
  /** Only the user the engine opened the form for may fill it in. */
  aadObjectId: z.string(),
  conversationId: z.string(),
});

export type StoredDialog = z.infer<typeof storedDialogSchema>;

/**
 * Forms the engine asked to show, kept between the turn that asked for them, the dialog's
 * `task/fetch` and its `task/submit`s. Keys are random, so a dialog cannot be guessed.
 */
export function createDialogStore(samverkan: Samverkan) {
  return {
    async open(form: Message, owner: { aadObjectId: string; conversationId: string }): Promise<string> {
      if (!formOf(form)) throw new Error("the engine's openForm has no form block");
      const key = randomUUID();
      const value: StoredDialog = { form, ...owner };
      await samverkan.state.set(DIALOG_NAMESPACE, key, value, DIALOG_TTL_MS);
      return key;
    },

    /** The dialog, if it still exists and belongs to this user. */
    async get(key: string, aadObjectId: string): Promise<StoredDialog | undefined> {
      const parsed = storedDialogSchema.safeParse(await samverkan.state.get(DIALOG_NAMESPACE, key));
      if (!parsed.success || parsed.data.aadObjectId !== aadObjectId) return undefined;
      return parsed.data;
    },

    close(key: string): Promise<void> {
      return samverkan.state.delete(DIALOG_NAMESPACE, key);
    },
  };
}

export type DialogStore = ReturnType<typeof createDialogStore>;
