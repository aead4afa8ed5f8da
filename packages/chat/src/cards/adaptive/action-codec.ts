import type { ActionRef, FormBlock } from "../model";
import { actionRefSchema } from "../schema";
import { coerceFormValues, type FormValues } from "../form-values";

/**
 * How an Action travels through Teams: `Action.Execute` with `verb` = action id and
 * `data` = action value. On submit Teams merges the card's input values into `data`
 * (inputs win on a name clash), and sends `{ action: { type, verb, data } }` in the
 * `adaptiveCard/action` invoke.
 */
export interface AdaptiveExecutePayload {
  verb?: string;
  data?: unknown;
}

export interface ParsedAdaptiveAction {
  action: ActionRef;
  /** Typed input values; empty unless the form is given. */
  inputs: FormValues;
}

/**
 * Reads an `Action.Execute` back. Pass the form the card showed to split its input values
 * from the action's own value; without it every data field counts as action value.
 */
export function parseAdaptiveAction(payload: AdaptiveExecutePayload, form?: FormBlock): ParsedAdaptiveAction | undefined {
  if (typeof payload.verb !== "string" || !payload.verb) return undefined;
  const data = payload.data && typeof payload.data === "object" && !Array.isArray(payload.data) ? (payload.data as Record<string, unknown>) : {};
  const inputIds = new Set(form?.inputs.map((input) => input.id));
  const own: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    // Action.Submit-era hosts add `msteams`; it is never part of our value.
    if (!inputIds.has(key) && key !== "msteams") own[key] = value;
  }
  const action = actionRefSchema.safeParse({ id: payload.verb, value: own });
  if (!action.success) return undefined;
  return { action: action.data, inputs: form ? coerceFormValues(form, data) : {} };
}

/** Typed form values from the `data` of a submitted card. */
export function readAdaptiveFormValues(form: FormBlock, data: Readonly<Record<string, unknown>>): FormValues {
  return coerceFormValues(form, data);
}
