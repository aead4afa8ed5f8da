import type { FormBlock } from "../model";
import { coerceFormValues, type FormValues } from "../form-values";

/** One element's state as Slack reports it in `view.state.values` or a message's `state.values`. */
export interface SlackElementState {
  type?: string;
  value?: string | null;
  selected_date?: string | null;
  selected_time?: string | null;
  selected_option?: { value?: string } | null;
  selected_options?: { value?: string }[] | null;
}

/** `state.values`: block_id → action_id → element state. */
export type SlackStateValues = Record<string, Record<string, SlackElementState>>;

function rawValue(state: SlackElementState | undefined): unknown {
  if (!state) return undefined;
  if (state.selected_options) return state.selected_options.some((option) => option.value === "true");
  if (state.selected_option !== undefined) return state.selected_option?.value;
  if (state.selected_date !== undefined) return state.selected_date;
  if (state.selected_time !== undefined) return state.selected_time;
  return state.value;
}

/**
 * Typed values of a form rendered by `renderSlack` or `renderSlackModal`, from the state of a
 * `view_submission` or of the `block_actions` payload of its submit button.
 */
export function readSlackFormValues(form: FormBlock, stateValues: SlackStateValues): FormValues {
  const raw: Record<string, unknown> = {};
  for (const input of form.inputs) raw[input.id] = rawValue(stateValues[input.id]?.[input.id]);
  return coerceFormValues(form, raw);
}
