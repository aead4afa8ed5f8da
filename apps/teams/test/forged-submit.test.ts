/**
 * `task/submit` data is built by the client and can be edited before it is sent: the app
 * takes the form, its submit action and its context (the assignment ref) from the dialog
 * it stored, never from the submitted data.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionExecute, fixturesAvailable, fixturesMissingReason, taskFetch, taskSubmit } from "./support/activities";
import { actionsOf, cardsIn, type CardJson } from "./support/cards";
import { startHarness, type Harness } from "./support/harness";

type Json = Record<string, unknown>;

function body(value: unknown): Json {
  expect(value).toBeTypeOf("object");
  return value as Json;
}

function dialogCard(response: unknown): CardJson {
  const task = body(body(response).task);
  expect(task.type).toBe("continue");
  return cardsIn(task.value)[0]!;
}

function submitData(card: CardJson, actionId: string): Json {
  const submit = actionsOf(card).find(
    (action) => action.type === "Action.Submit" && (body(body(action.data).samverkan).action as Json | undefined)?.id === actionId,
  );
  expect(submit, `an Action.Submit for ${actionId}`).toBeDefined();
  return structuredClone(body(submit!.data));
}

describe.skipIf(!fixturesAvailable)(`forged Teams dialog submissions${fixturesAvailable ? "" : ` (skipped: ${fixturesMissingReason})`}`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    const sv = h.world.samverkan;
    const admin = { actor: { system: "test" }, channel: "system" } as const;
    const plan = await sv.assignments.createPlan({ title: "Plan Stockholm", organizerId: h.world.stockholmId }, admin);
    await sv.assignments.create({ planId: plan.id, title: "Kartlägg frånvaron", focusArea: "attendance", responsibleStaffId: h.world.advisorId }, admin);
    await sv.assignments.create({ planId: plan.id, title: "Tillgänglig lärmiljö", focusArea: "accessibility", responsibleStaffId: h.world.advisorId }, admin);
  });
  afterAll(async () => {
    await h.close();
  });

  async function openProgressDialog(ref: string): Promise<CardJson> {
    const serviceUrl = h.connector.serviceUrl;
    // The click posts a card whose button opens the dialog.
    const before = h.connector.messages().length;
    await h.post(actionExecute("personal", "progress.form", { ref }, { serviceUrl }));
    const opener = actionsOf(cardsIn(h.connector.messages().slice(before).at(-1)?.body)[0]).find((action) => action.type === "Action.Submit");
    expect(opener, "a button that opens the dialog").toBeDefined();
    return dialogCard((await h.post(taskFetch("personal", body(opener!.data), { serviceUrl }))).body);
  }

  it("logs progress on the assignment the dialog was opened for, whatever ref the submitted data names", async () => {
    const form = await openProgressDialog("U-1");
    const data = submitData(form, "progress.submit");
    const samverkan = body(data.samverkan);
    samverkan.action = { id: "progress.submit", value: { ref: "U-2" } };
    const response = await h.post(
      taskSubmit("personal", { ...data, note: "Första mötet", percent: "10", phase: "startUp" }, { serviceUrl: h.connector.serviceUrl }),
    );
    expect(response.status).toBe(200);
    expect((await h.world.samverkan.assignments.history("U-1")).map((e) => e.note)).toEqual(["Första mötet"]);
    expect(await h.world.samverkan.assignments.history("U-2")).toEqual([]);
  });

  it("does not run an action the stored form does not have", async () => {
    const form = await openProgressDialog("U-1");
    const data = submitData(form, "progress.submit");
    body(data.samverkan).action = { id: "dialogue.cancel.confirm", value: { id: "x" } };
    const response = await h.post(taskSubmit("personal", { ...data, note: "x" }, { serviceUrl: h.connector.serviceUrl }));
    expect(body(body(response.body).task)).toMatchObject({ type: "message", value: expect.stringContaining("gått ut") });
    expect((await h.world.samverkan.assignments.history("U-1")).map((e) => e.note)).toEqual(["Första mötet"]);
  });
});
