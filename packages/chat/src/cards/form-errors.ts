import type { FormBlock } from "./model";

export interface SplitFormErrors {
  /** Errors for a specific input, shown under it. */
  byInput: Map<string, string>;
  /** Errors whose key names no input (e.g. `form`), shown under the title. */
  general: string[];
}

export function splitFormErrors(form: FormBlock): SplitFormErrors {
  const ids = new Set(form.inputs.map((input) => input.id));
  const byInput = new Map<string, string>();
  const general: string[] = [];
  for (const [key, message] of Object.entries(form.errors ?? {})) {
    if (!message) continue;
    if (ids.has(key)) byInput.set(key, message);
    else general.push(message);
  }
  return { byInput, general };
}
