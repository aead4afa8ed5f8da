import type { IncomingMessage, ServerResponse } from "node:http";
import { createCalendarRequestHandler, type Samverkan } from "@samverkan/sdk";
import { describeError, type Logger } from "./log";

/** `GET /calendar/<token>.ics` and signed `/calendar/dialogues/<id>.ics`; false for other paths. */
export function calendarRoutes(samverkan: Samverkan, logger: Logger): (req: IncomingMessage, res: ServerResponse) => boolean {
  return createCalendarRequestHandler(samverkan.calendar, { onError: (error) => logger.error({ err: describeError(error) }, "calendar request failed") });
}

/** Sends queued invitation mails continuously when mail is configured; returns the stopper. */
export function startMailSender(samverkan: Samverkan, logger: Logger): { stop(): Promise<void> } {
  if (!samverkan.mail.enabled) return { stop: async () => undefined };
  const sender = samverkan.mail.startSender({
    onError: (error) => logger.warn({ err: describeError(error) }, "mail outbox round failed"),
    onFlush: (result) => logger.info(result, "mail outbox"),
  });
  logger.info("sending calendar invitations by e-mail");
  return sender;
}
