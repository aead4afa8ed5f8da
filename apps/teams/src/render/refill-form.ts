import type { FormBlock, FormValues, Input, Message } from "@samverkan/chat";

function refill(input: Input, value: FormValues[string]): Input {
  switch (input.kind) {
    case "number": {
      const { value: _old, ...rest } = input;
      return typeof value === "number" ? { ...rest, value } : rest;
    }
    case "toggle":
      return { ...input, value: value === true };
    default: {
      const { value: _old, ...rest } = input;
      return typeof value === "string" ? { ...rest, value } : rest;
    }
  }
}

/**
 * The form again, showing what the user typed and the engine's errors under the inputs
 * they concern: the answer to a dialog submit that did not go through.
 */
export function refillForm(form: Message, values: FormValues, errors: Record<string, string>): Message {
  return {
    ...form,
    blocks: form.blocks.map((block) => {
      if (block.type !== "form") return block;
      const refilled: FormBlock = { ...block, inputs: block.inputs.map((input) => refill(input, values[input.id])), errors };
      return refilled;
    }),
  };
}
