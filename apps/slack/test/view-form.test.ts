import { readFileSync } from "node:fs";
import { renderSlackModal, type FormBlock } from "@samverkan/chat";
import { sharedFixture } from "@samverkan/vitest-config/helpers";
import { describe, expect, it } from "vitest";
import { submittedViewSchema } from "../src/payloads";
import { readViewValues } from "../src/view-form";

const slash = sharedFixture("platforms/slack/slash-commands.json");

describe("reading a submitted modal without keeping the form on the server", () => {
  it.skipIf(!slash.available)("reads the recorded view_submission: text, select and optional inputs", () => {
    const fixture = JSON.parse(readFileSync(slash.path, "utf8")) as { viewSubmission: { view: unknown } };
    const view = submittedViewSchema.parse(fixture.viewSubmission.view);
    const { form, values } = readViewValues(view);
    expect(form.inputs.map((input) => [input.id, input.kind])).toEqual([
      ["message", "text"],
      ["category", "select"],
      ["email", "text"],
    ]);
    expect(values).toEqual({ message: "Hello!", category: "feature", email: "user@example.com" });
  });

  it("types values by the element our renderer chose: numbers, dates, times, toggles", () => {
    const form: FormBlock = {
      type: "form",
      id: "book",
      title: "Boka dialog",
      submit: { id: "book.submit", label: "Boka", value: {} },
      inputs: [
        { kind: "number", id: "duration", label: "Längd (minuter)", integer: true, required: true },
        { kind: "date", id: "date", label: "Datum", required: true },
        { kind: "time", id: "time", label: "Starttid", required: true },
        { kind: "toggle", id: "digital", label: "Digitalt" },
        { kind: "select", id: "place", label: "Plats", options: [{ label: "Solna", value: "solna" }] },
      ],
    };
    const modal = renderSlackModal(form, { callbackId: "book" });
    const view = submittedViewSchema.parse({
      ...modal,
      id: "V1",
      state: {
        values: {
          duration: { duration: { type: "number_input", value: "90" } },
          date: { date: { type: "datepicker", selected_date: "2026-12-03" } },
          time: { time: { type: "timepicker", selected_time: "14:00" } },
          digital: { digital: { type: "checkboxes", selected_options: [{ value: "true" }] } },
          place: { place: { type: "static_select", selected_option: null } },
        },
      },
    });
    expect(readViewValues(view).values).toEqual({ duration: 90, date: "2026-12-03", time: "14:00", digital: true, place: undefined });
  });
});
