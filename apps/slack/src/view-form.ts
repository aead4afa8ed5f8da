import { readSlackFormValues, type FormBlock, type FormValues, type Input } from "@samverkan/chat";
import type { SubmittedViewPayload, ViewBlockPayload } from "./payloads";

/**
 * The inputs of a submitted modal, rebuilt from the view Slack sends back. Our modals come
 * from `renderSlackModal`, where block_id and action_id are the input id and the element
 * type tells the input kind, so the form needs no server-side copy while the modal is open.
 */
export function formFromView(view: SubmittedViewPayload): FormBlock {
  const inputs = view.blocks.flatMap((block): Input[] => {
    const input = inputOf(block);
    return input ? [input] : [];
  });
  return { type: "form", id: view.callback_id, title: view.callback_id, submit: { id: "submit", label: "", value: {} }, inputs };
}

function inputOf(block: ViewBlockPayload): Input | undefined {
  if (block.type !== "input" || !block.block_id || !block.element) return undefined;
  const id = block.block_id;
  const label = block.label?.text ?? id;
  const required = block.optional === false;
  switch (block.element.type) {
    case "plain_text_input":
      return { kind: "text", id, label, required };
    case "number_input":
      return { kind: "number", id, label, required };
    case "datepicker":
      return { kind: "date", id, label, required };
    case "timepicker":
      return { kind: "time", id, label, required };
    case "static_select":
      return { kind: "select", id, label, required, options: (block.element.options ?? []).map((o) => ({ label: o.text?.text ?? o.value, value: o.value })) };
    case "checkboxes":
      return { kind: "toggle", id, label };
    default:
      return undefined;
  }
}

/** The submitted values, typed per input kind (numbers as numbers, toggles as booleans). */
export function readViewValues(view: SubmittedViewPayload): { form: FormBlock; values: FormValues } {
  const form = formFromView(view);
  return { form, values: readSlackFormValues(form, view.state.values) };
}
