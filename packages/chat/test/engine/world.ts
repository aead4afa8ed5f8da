import { createSamverkan, type CreateSamverkanOptions, type Samverkan, type Store } from "@samverkan/sdk";
import { createSqliteStore } from "@samverkan/sdk/sqlite";
import { expect } from "vitest";
import { checkSlackLimits, renderAdaptiveCard, renderSlack, renderSlackModal, renderText, type Message } from "../../src/index";
import { createEngine, type Engine, type EngineLogger, type EngineReply, type PlatformUser, type Turn } from "../../src/engine/index";
import { validateAdaptiveCard } from "../cards/adaptive-validate";

export interface ChatWorld {
  sv: Samverkan;
  store: Store;
  engine: Engine;
  karin: PlatformUser;
  viewer: PlatformUser;
  stranger: PlatformUser;
  setNow(iso: string): void;
  /** Sends one turn as Karin in one conversation and checks every card it returns. */
  say(text: string, user?: PlatformUser): Promise<EngineReply>;
  act(action: { id: string; value: Record<string, string | number | boolean> }, user?: PlatformUser): Promise<EngineReply>;
  submit(form: {
    id: string;
    values: Record<string, string | number | boolean | undefined>;
    context?: Record<string, string | number | boolean>;
  }): Promise<EngineReply>;
}

const system = { actor: { system: "test" }, channel: "system" } as const;

/** A real SQLite store with two organizers, three schools, an assignment, and three kinds of user. */
export async function chatWorld(
  options: { store?: Store; now?: string; logger?: EngineLogger; calendar?: CreateSamverkanOptions["calendar"] } = {},
): Promise<ChatWorld> {
  let now = new Date(options.now ?? "2026-11-23T09:00:00+01:00").getTime();
  const store = options.store ?? (await createSqliteStore({ file: ":memory:" }));
  const sv = createSamverkan({ store, clock: () => new Date(now), ...(options.calendar ? { calendar: options.calendar } : {}) });
  if ((await sv.counts()).staff === 0) await seed(sv);
  const karin: PlatformUser = { platform: "slack", teamId: "T0SAMVERK", userId: "U0KARIN" };
  const viewer: PlatformUser = { platform: "slack", teamId: "T0SAMVERK", userId: "U0VERA" };
  const stranger: PlatformUser = { platform: "slack", teamId: "T0SAMVERK", userId: "U0NOBODY" };
  const engine = createEngine({ samverkan: sv, ...(options.logger ? { logger: options.logger } : {}) });
  const conversationId = "C0DIALOG:1700000000.000100";
  const send = async (turn: Omit<Turn, "conversationId" | "user"> & { user?: PlatformUser }) => {
    const result = await engine.handle({ conversationId, user: turn.user ?? karin, ...turn });
    checkReply(result);
    return result;
  };
  return {
    sv,
    store,
    engine,
    karin,
    viewer,
    stranger,
    setNow: (iso) => (now = new Date(iso).getTime()),
    say: (text, user) => send({ text, ...(user ? { user } : {}) }),
    act: (action, user) => send({ action, ...(user ? { user } : {}) }),
    submit: (form) => send({ form }),
  };
}

async function seed(sv: Samverkan): Promise<void> {
  const admin = await sv.staff.create({ name: "Astrid Admin", agency: "skolverket", role: "admin" }, system);
  const asAdmin = { actor: { staffId: admin.id }, channel: "api" } as const;
  const karin = await sv.staff.create(
    {
      name: "Karin Lind",
      email: "karin.lind@spsm.se",
      agency: "spsm",
      role: "unitHead",
      homeOfficeId: "goteborg",
      identities: [{ platform: "slack", teamId: "T0SAMVERK", userId: "U0KARIN" }],
    },
    asAdmin,
  );
  await sv.staff.create(
    { name: "Vera Viewer", agency: "skolverket", role: "viewer", identities: [{ platform: "slack", teamId: "T0SAMVERK", userId: "U0VERA" }] },
    asAdmin,
  );
  await sv.municipalities.upsert(
    [
      { code: "1490", name: "Borås", countyCode: "14" },
      { code: "1480", name: "Göteborg", countyCode: "14" },
      { code: "0180", name: "Stockholm", countyCode: "01" },
    ],
    system,
  );
  const boras = await sv.organizers.upsert({ organizationNumber: "2120001561", name: "Borås kommun", type: "municipal", municipalityCode: "1490" }, system);
  const goteborg = await sv.organizers.upsert(
    { organizationNumber: "2120001355", name: "Göteborgs kommun", type: "municipal", municipalityCode: "1480" },
    system,
  );
  const stockholm = await sv.organizers.upsert(
    { organizationNumber: "2120000142", name: "Stockholms kommun", type: "municipal", municipalityCode: "0180" },
    system,
  );
  await sv.schools.upsert(
    { code: "13746989", name: "Fredriksborgskolan F-9", municipalityCode: "1490", organizerId: boras.id, typesOfSchooling: ["gr"] },
    system,
  );
  await sv.schools.upsert(
    { code: "55529681", name: "Kannebäcksskolan 1-9 resursskola", municipalityCode: "1480", organizerId: goteborg.id, typesOfSchooling: ["gr"] },
    system,
  );
  await sv.schools.upsert({ code: "39907811", name: "Rinkebyskolan", municipalityCode: "0180", organizerId: stockholm.id, typesOfSchooling: ["gr"] }, system);
  const asKarin = { actor: { staffId: karin.id }, channel: "api" } as const;
  const plan = await sv.assignments.createPlan({ title: "Plan Rinkebyskolan", schoolUnitCode: "39907811" }, asKarin);
  await sv.assignments.create({ planId: plan.id, title: "Kartlägg frånvaron", focusArea: "attendance", responsibleStaffId: karin.id }, asKarin);
}

/** Every message the engine produces must render for all three platforms within their limits. */
export function checkReply(reply: EngineReply): void {
  const messages: Message[] = [...reply.messages, ...(reply.openForm ? [reply.openForm] : [])];
  for (const message of messages) {
    const slack = renderSlack(message);
    expect(checkSlackLimits(slack), JSON.stringify(message)).toEqual([]);
    expect(validateAdaptiveCard(renderAdaptiveCard(message)), JSON.stringify(message)).toEqual([]);
    expect(renderText(message).length).toBeGreaterThan(0);
    const form = message.blocks.find((b) => b.type === "form");
    if (form && form.type === "form") expect(checkSlackLimits(renderSlackModal(form, { callbackId: form.id }))).toEqual([]);
  }
}

/** All text of a reply, for assertions that read like what the user sees. */
export function seen(reply: EngineReply): string {
  return reply.messages.map((m) => renderText(m)).join("\n---\n");
}

/** The action with this id in the reply's messages. */
export function actionIn(reply: EngineReply, id: string, index = 0): { id: string; value: Record<string, string | number | boolean> } {
  const found: Array<{ id: string; value: Record<string, string | number | boolean> }> = [];
  for (const m of reply.messages) {
    for (const b of m.blocks) {
      if (b.type === "actions") found.push(...b.actions.filter((a) => a.id === id));
      if (b.type === "list") for (const item of b.items) if (item.action?.id === id) found.push(item.action);
    }
  }
  const action = found[index];
  if (!action) throw new Error(`no action ${id} in reply:\n${seen(reply)}`);
  return { id: action.id, value: action.value };
}
