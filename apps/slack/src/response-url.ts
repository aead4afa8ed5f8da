import { Agent as HttpAgent, request as httpRequest } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { RespondError, type RespondArguments, type RespondFn } from "@slack/bolt";
import type { Logger } from "pino";

/** Sends one JSON POST and resolves with the HTTP status. */
export type JsonPost = (url: string, body: string, timeoutMs: number) => Promise<number>;

/** Posts to a `response_url` (slash commands, buttons, modals opened from them). */
export type ResponseUrlPoster = (responseUrl: string, message: RespondArguments) => Promise<boolean>;

export interface ResponseUrlOptions {
  logger: Logger;
  /** Replaces the HTTP transport (tests). */
  post?: JsonPost;
  timeoutMs?: number;
}

const RETRYABLE = (status: number) => status === 429 || status >= 500;

/**
 * node:http(s) with kept-alive connections: cheaper per post than fetch, which matters
 * because every answer to a slash command or a button goes this way.
 */
export function createJsonPost(): JsonPost {
  const agents = { "http:": new HttpAgent({ keepAlive: true, maxSockets: 32 }), "https:": new HttpsAgent({ keepAlive: true, maxSockets: 32 }) };
  return (url, body, timeoutMs) =>
    new Promise((resolve, reject) => {
      const target = new URL(url);
      if (target.protocol !== "http:" && target.protocol !== "https:") return reject(new Error(`unsupported response_url protocol ${target.protocol}`));
      const send = target.protocol === "https:" ? httpsRequest : httpRequest;
      const req = send(
        target,
        {
          method: "POST",
          agent: agents[target.protocol],
          headers: { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          res.once("end", () => resolve(res.statusCode ?? 0));
          res.once("error", reject);
        },
      );
      req.setTimeout(timeoutMs, () => req.destroy(new Error(`response_url did not answer within ${timeoutMs} ms`)));
      req.once("error", reject);
      req.end(body);
    });
}

/**
 * A `response_url` accepts five posts within 30 minutes. One retry after a short pause covers
 * a blip; failures are logged with the status only (the URL itself is a credential).
 * `send` resolves with the HTTP status or throws when the post did not get an answer.
 */
async function postWithRetry(logger: Logger, send: () => Promise<number>): Promise<boolean> {
  for (let attempt = 1; attempt <= 2; attempt++) {
    try {
      const status = await send();
      if (status >= 200 && status < 300) return true;
      logger.warn({ method: "response_url", status, attempt }, "response_url post failed");
      if (!RETRYABLE(status)) return false;
    } catch (error) {
      logger.warn({ method: "response_url", attempt, err: error }, "response_url post failed");
    }
    if (attempt === 1) await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

/**
 * Bolt's `respond` from a listener's (or middleware's) arguments as a poster: what actions,
 * slash commands and the middleware in front of them use. `respond` is bound to the
 * request's own `response_url`, so the URL argument is only the caller's reminder of it.
 */
export function respondPoster(respond: RespondFn, logger: Logger): ResponseUrlPoster {
  return (_responseUrl, message) =>
    postWithRetry(logger, async () => {
      try {
        return (await respond(message)).status;
      } catch (error) {
        // Bolt throws for a non-2xx answer; its status decides about the retry.
        if (error instanceof RespondError) return error.statusCode;
        throw error;
      }
    });
}

/** Bolt's `respond` for this request when it has one (actions and commands), else the fallback poster. */
export function posterFor(args: object, fallback: ResponseUrlPoster, logger: Logger): ResponseUrlPoster {
  const respond = "respond" in args && typeof args.respond === "function" ? (args.respond as RespondFn) : undefined;
  return respond ? respondPoster(respond, logger) : fallback;
}

/**
 * The hand-written poster, for a `response_url` no listener holds: a modal's submission
 * carries the `response_url` of the button or command that opened it in its private
 * metadata, and Bolt's `respond` there is bound only to the modal's own response URLs
 * (which Samverkan's modals do not ask for).
 */
export function createResponseUrlPoster(options: ResponseUrlOptions): ResponseUrlPoster {
  const post = options.post ?? createJsonPost();
  const timeoutMs = options.timeoutMs ?? 10_000;
  return (responseUrl, message) => postWithRetry(options.logger, () => post(responseUrl, JSON.stringify(message), timeoutMs));
}
