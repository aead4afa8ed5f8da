import { readFileSync } from "node:fs";
import { sharedFixture } from "@samverkan/vitest-config/helpers";
import { describe, expect, it } from "vitest";
import {
  decodeSlackActionId,
  parseAdaptiveAction,
  parseSlackAction,
  parseSlackModalMetadata,
  readSlackFormValues,
  renderAdaptiveCard,
  renderSlack,
  renderSlackModal,
  textActionIndex,
  validateFormValues,
  type AcAction,
  type AcElement,
  type ActionRef,
  type FormBlock,
  type Message,
  type SlackStateValues,
} from "../../src/cards";
import { allMessages, bookingForm, unpagedLongList } from "./fixtures";
import { slackButtons } from "./slack-helpers";

const ref = (action: ActionRef): ActionRef => ({ id: action.id, value: action.value });

function adaptiveActions(elements: readonly AcElement[]): AcAction[] {
  return elements.flatMap((element): AcAction[] => {
    switch (element.type) {
      case "ActionSet":
        return element.actions;
      case "Container":
        return adaptiveActions(element.items);
      case "ColumnSet":
        return adaptiveActions(element.columns.flatMap((column) => column.items));
      default:
        return [];
    }
  });
}

describe("Slack buttons round-trip to the actions they were made from", () => {
  const complete = Object.entries(allMessages).filter(([name]) => name !== "unpagedLongList");

  it.each(complete)("%s", (_name, message) => {
    const buttons = slackButtons(renderSlack(message).blocks);
    const parsed = buttons.map((button) => parseSlackAction({ action_id: button.action_id ?? "", value: button.value ?? null }));
    // Button n is the n-th action in reading order, the same order the terminal numbers them in.
    expect(parsed).toEqual(textActionIndex(message).map(ref));
  });

  it("and after rows were cut to fit 50 blocks, the index in action_id still points at the right action", () => {
    const actions = textActionIndex(unpagedLongList);
    for (const button of slackButtons(renderSlack(unpagedLongList).blocks)) {
      const decoded = decodeSlackActionId(button.action_id ?? "");
      expect(decoded).toBeDefined();
      const original = actions[decoded?.index ?? -1];
      expect(original?.id).toBe(decoded?.id);
      expect(parseSlackAction({ action_id: button.action_id ?? "", value: button.value ?? null })).toEqual(original && ref(original));
    }
  });

  it("keeps value types: strings stay strings, numbers numbers, booleans booleans", () => {
    const message: Message = {
      text: "x",
      blocks: [{ type: "actions", actions: [{ id: "a.b-c_d", label: "x", value: { code: "0012", page: 3, all: false } }] }],
    };
    const [button] = slackButtons(renderSlack(message).blocks);
    expect(parseSlackAction({ action_id: button?.action_id ?? "", value: button?.value ?? null })).toEqual({
      id: "a.b-c_d",
      value: { code: "0012", page: 3, all: false },
    });
  });

  it("rejects payloads it did not produce", () => {
    const value = JSON.stringify({ id: "dialogue.book.start", value: { schoolUnit: "1" } });
    expect(parseSlackAction({ action_id: "feedback", value: undefined })).toBeUndefined();
    expect(parseSlackAction({ action_id: "dialogue.book.start:0", value: "not json" })).toBeUndefined();
    expect(parseSlackAction({ action_id: "other.verb:0", value })).toBeUndefined();
    expect(parseSlackAction({ action_id: "x:0", value: JSON.stringify({ id: "x", value: { nested: { no: 1 } } }) })).toBeUndefined();
    expect(parseSlackAction({ action_id: "dialogue.book.start:0", value })).toEqual({ id: "dialogue.book.start", value: { schoolUnit: "1" } });
  });
});

describe("Slack modals round-trip submit and cancel through private_metadata", () => {
  it("returns the submit and cancel actions and the caller's own metadata", () => {
    const view = renderSlackModal(bookingForm, { privateMetadata: '{"conversation":"c-42"}' });
    expect(parseSlackModalMetadata(view.private_metadata)).toEqual({
      submit: { id: "dialogue.book.submit", value: { organizer: "2120002411" } },
      cancel: { id: "dialogue.book.cancel", value: { organizer: "2120002411" } },
      meta: '{"conversation":"c-42"}',
    });
    expect(parseSlackModalMetadata("d57850a7-5bab-414d-b11e-ca355b55d629")).toBeUndefined();
  });
});

const recordedModals = sharedFixture("platforms/slack/modals.json");

describe.skipIf(!recordedModals.available)("Slack form state reads back as typed values", () => {
  it("reads a view_submission that Slack really sent", () => {
    const recorded = JSON.parse(readFileSync(recordedModals.path, "utf8")) as { viewSubmission: { view: { state: { values: SlackStateValues } } } };
    const feedback: FormBlock = {
      type: "form",
      id: "feedback",
      title: "Feedback",
      submit: { id: "feedback.send", label: "Skicka", value: {} },
      inputs: [
        { kind: "text", id: "message", label: "Meddelande", multiline: true, required: true },
        {
          kind: "select",
          id: "category",
          label: "Kategori",
          options: [
            { label: "Fel", value: "bug" },
            { label: "Önskemål", value: "feature" },
          ],
        },
        { kind: "text", id: "email", label: "E-post" },
      ],
    };
    const values = readSlackFormValues(feedback, recorded.viewSubmission.view.state.values);
    expect(values).toEqual({ message: "Hello!", category: "feature", email: "user@example.com" });
    expect(validateFormValues(feedback, values)).toEqual({ ok: true, values });
  });

  it("reads every input kind of the booking form, numbers typed with a decimal comma included", () => {
    const state: SlackStateValues = {
      date: { date: { type: "datepicker", selected_date: "2025-03-12" } },
      start: { start: { type: "timepicker", selected_time: "09:30" } },
      participants: { participants: { type: "plain_text_input", value: " 12 " } },
      office: { office: { type: "static_select", selected_option: { value: "umea" } } },
      agenda: { agenda: { type: "plain_text_input", value: null } },
      digital: { digital: { type: "checkboxes", selected_options: [{ value: "true" }] } },
    };
    const values = readSlackFormValues(bookingForm, state);
    expect(values).toEqual({ date: "2025-03-12", start: "09:30", participants: 12, office: "umea", agenda: undefined, digital: true });
    expect(validateFormValues(bookingForm, values).ok).toBe(true);

    const unticked = readSlackFormValues(bookingForm, { ...state, digital: { digital: { type: "checkboxes", selected_options: [] } } });
    expect(unticked.digital).toBe(false);
  });
});

describe("Teams Action.Execute round-trips to the actions it was made from", () => {
  // The unpaged list shows only its first rows in Teams (see adaptive.test.ts).
  const complete = Object.entries(allMessages).filter(([name]) => name !== "unpagedLongList");

  it.each(complete)("%s", (_name, message) => {
    const executes = adaptiveActions(renderAdaptiveCard(message).body).filter((action) => action.type === "Action.Execute");
    const parsed = executes.map((action) => parseAdaptiveAction({ verb: action.verb, data: action.data })?.action);
    const expected = textActionIndex(message)
      .filter((action) => !action.url)
      .map(ref);
    expect(parsed).toEqual(expected);
  });

  it("splits the submitted input values from the action value when given the form", () => {
    // The `action` of an `adaptiveCard/action` invoke: Teams merges input values (as strings) into data.
    const invoke = {
      type: "Action.Execute",
      verb: "dialogue.book.submit",
      data: { organizer: "2120002411", date: "2025-03-12", start: "09:30", participants: "4", office: "malmo", agenda: "Närvaro", digital: "false" },
    };
    expect(parseAdaptiveAction(invoke, bookingForm)).toEqual({
      action: { id: "dialogue.book.submit", value: { organizer: "2120002411" } },
      inputs: { date: "2025-03-12", start: "09:30", participants: 4, office: "malmo", agenda: "Närvaro", digital: false },
    });
  });

  it("rejects a missing verb or a value that is not flat", () => {
    expect(parseAdaptiveAction({ data: {} })).toBeUndefined();
    expect(parseAdaptiveAction({ verb: "x", data: { nested: { a: 1 } } })).toBeUndefined();
    expect(parseAdaptiveAction({ verb: "x" })).toEqual({ action: { id: "x", value: {} }, inputs: {} });
  });
});
