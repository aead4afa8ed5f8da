import { NotFoundError } from "../errors";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { CalendarService } from "./service";

const FEED = /^\/calendar\/([A-Za-z0-9_-]{20,100})\.ics$/;
const DIALOGUE = /^\/calendar\/dialogues\/([^/]{1,100})\.ics$/;

/**
 * The calendar routes of an app's HTTP server:
 * `GET /calendar/<token>.ics` (a staff member's feed, with ETag/Last-Modified and 304) and
 * `GET /calendar/dialogues/<id>.ics?expires=…&sig=…` (one dialogue, signed and expiring).
 * Returns false for paths it does not own, so the server can route them elsewhere.
 */
export function createCalendarRequestHandler(calendar: CalendarService, options: { onError?: (error: unknown) => void } = {}) {
  return function handleCalendarRequest(req: IncomingMessage, res: ServerResponse): boolean {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (!url.pathname.startsWith("/calendar/")) return false;
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" });
      res.end("Method not allowed\n");
      return true;
    }
    void serve(req, res, url).catch((error: unknown) => {
      options.onError?.(error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end("Internal error\n");
    });
    return true;
  };

  async function serve(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const dialogueId = DIALOGUE.exec(url.pathname)?.[1];
    if (dialogueId !== undefined) {
      const id = decodeURIComponent(dialogueId);
      const verdict = calendar.verifyDialogueLink(id, Number(url.searchParams.get("expires")), url.searchParams.get("sig") ?? "");
      if (verdict !== "ok")
        return text(res, verdict === "expired" ? 410 : 404, verdict === "expired" ? "Länken har gått ut. / The link has expired.\n" : "Not found\n");
      let ics: string;
      try {
        ics = await calendar.ics(id, "PUBLISH");
      } catch (error) {
        // A dialogue that is gone is a 404; anything else is a failure (500, reported through onError).
        if (error instanceof NotFoundError) return text(res, 404, "Not found\n");
        throw error;
      }
      res.writeHead(200, {
        "content-type": "text/calendar; charset=utf-8; method=PUBLISH",
        "content-disposition": `attachment; filename="kvalitetsdialog.ics"`,
        "cache-control": "private, no-store",
      });
      res.end(req.method === "HEAD" ? undefined : ics);
      return;
    }
    const token = FEED.exec(url.pathname)?.[1];
    const feed = token !== undefined ? await calendar.feedForToken(token) : null;
    if (!feed) return text(res, 404, "Not found\n");
    const headers = {
      etag: feed.etag,
      "last-modified": feed.lastModified.toUTCString(),
      "cache-control": "private, max-age=300",
    };
    if (notModified(req, feed.etag, feed.lastModified)) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    res.writeHead(200, { ...headers, "content-type": "text/calendar; charset=utf-8" });
    res.end(req.method === "HEAD" ? undefined : feed.ics);
  }
}

/** RFC 9110 §13.1: If-None-Match wins over If-Modified-Since. */
function notModified(req: IncomingMessage, etag: string, lastModified: Date): boolean {
  const inm = req.headers["if-none-match"];
  if (typeof inm === "string") {
    return inm
      .split(",")
      .map((t) => t.trim().replace(/^W\//, ""))
      .some((t) => t === etag || t === "*");
  }
  const ims = req.headers["if-modified-since"];
  if (typeof ims === "string") {
    const since = Date.parse(ims);
    return !Number.isNaN(since) && lastModified.getTime() <= since;
  }
  return false;
}

function text(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
  res.end(body);
}
