import { parseSlackModalMetadata, renderSlackFormErrors, type EngineReply } from "@samverkan/chat";
import type { App } from "@slack/bolt";
import { deliverMessages } from "../deliver";
import { actingTeam, deliveryDeps, runTurn, type HandlerDeps } from "../handler-deps";
import { publishHome } from "../home";
import { formModal } from "../modals";
import { conversationIdOf, decodeOrigin, type Origin } from "../origin";
import { viewSubmissionSchema } from "../payloads";
import { slackStrings } from "../strings";
import { readViewValues } from "../view-form";

/** Slack waits 3 s for a view_submission ack; past this the form closes and errors go by message. */
export const FORM_ANSWER_BUDGET_MS = 2500;

const TIMED_OUT = Symbol("timed out");

function withinBudget<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Modal submissions. Unlike everything else, the engine runs before the ack: validation
 * errors and booking conflicts must travel in the ack (`response_action: "errors"`) to show
 * under the right input. Accepted forms close, and the answer is posted where the
 * conversation was (from private_metadata). Closing a modal with a cancel action clears
 * the conversation's pending question quietly.
 */
export function registerViewSubmissions(app: App, deps: HandlerDeps): void {
  app.view({ type: "view_submission" }, async ({ ack, body, client, context }) => {
    const parsed = viewSubmissionSchema.safeParse(body);
    const metadata = parsed.success ? parseSlackModalMetadata(parsed.data.view.private_metadata) : undefined;
    const origin = metadata ? decodeOrigin(metadata.meta) : undefined;
    if (!parsed.success || !metadata || !origin) {
      await ack();
      deps.logger.warn({ callbackId: parsed.success ? parsed.data.view.callback_id : undefined }, "view_submission from a modal we did not open");
      return;
    }
    const { view, user } = parsed.data;
    const teamId = actingTeam(context);
    const { form, values } = readViewValues(view);
    const turn = {
      user: { platform: "slack" as const, teamId, userId: user.id },
      conversationId: conversationIdOf(origin),
      form: { id: view.callback_id, values, context: metadata.submit.value },
    };
    const answer = runTurn(deps, turn, "view_submission");
    const reply = await withinBudget(answer, FORM_ANSWER_BUDGET_MS);

    if (reply === TIMED_OUT) {
      await ack();
      deps.logger.warn(
        { callbackId: view.callback_id, budgetMs: FORM_ANSWER_BUDGET_MS },
        "form answer slower than Slack's ack window; closing the modal and answering by message",
      );
      deps.work.run("view_submission.late", async () => finish(deps, client, teamId, origin, await answer, true));
      return;
    }
    if (reply.formErrors && Object.keys(reply.formErrors).length > 0) {
      await ack(renderSlackFormErrors(reply.formErrors, form));
      return;
    }
    const next = reply.openForm ? formModal(reply.openForm, origin) : undefined;
    await ack(next ? { response_action: "update", view: next } : undefined);
    // Slack never retries a view_submission, and the engine has acted already: just answer.
    deps.work.run("view_submission", () => finish(deps, client, teamId, origin, reply, false));
  });

  app.view({ type: "view_closed" }, async ({ ack, body, context }) => {
    await ack();
    const parsed = viewSubmissionSchema.safeParse(body);
    const metadata = parsed.success ? parseSlackModalMetadata(parsed.data.view.private_metadata) : undefined;
    const origin = metadata ? decodeOrigin(metadata.meta) : undefined;
    if (!parsed.success || !metadata?.cancel || !origin) return;
    const cancel = metadata.cancel;
    const teamId = actingTeam(context);
    deps.work.run("view_closed", async () => {
      await runTurn(
        deps,
        { user: { platform: "slack", teamId, userId: parsed.data.user.id }, conversationId: conversationIdOf(origin), action: cancel },
        "view_closed",
      );
    });
  });
}

async function finish(
  deps: HandlerDeps,
  client: Parameters<typeof deliveryDeps>[1],
  teamId: string,
  origin: Origin,
  reply: EngineReply,
  late: boolean,
): Promise<void> {
  const messages = [...reply.messages];
  if (late && reply.formErrors && Object.keys(reply.formErrors).length > 0) {
    const text = slackStrings.lateFormErrors(Object.values(reply.formErrors));
    messages.unshift({ text, blocks: [{ type: "text", text }], locale: "sv" });
  }
  await deliverMessages(deliveryDeps(deps, client), origin, messages);
  if (origin.home) await publishHome(client, deps.engine, deps.logger, teamId, origin.userId);
}
