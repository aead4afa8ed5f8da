import type { AddressInfo } from "node:net";
import ICAL from "ical.js";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  messageId: string;
  /** The text/calendar alternative, as the receiving client sees it. */
  ics: string;
  /** `method=` of the text/calendar part's Content-Type. */
  contentMethod: string | undefined;
}

/** A real SMTP server on loopback that keeps what it receives; it can be stopped and started again on the same port. */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  private server: SMTPServer | undefined;
  port = 0;

  async start(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData: (stream, session, callback) => {
        const rcpt = session.envelope.rcptTo.map((r) => r.address);
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
        simpleParser(stream)
          .then((mail) => {
            const calendarPart =
              mail.attachments.find((a) => a.contentType === "text/calendar") ?? mail.attachments.find((a) => a.contentType === "application/ics");
            const ics = calendarPart ? calendarPart.content.toString("utf8") : "";
            // mailparser keeps header parameters: text/calendar; method=REQUEST → params.method.
            const contentType = calendarPart?.headers.get("content-type") as { params?: Record<string, string> } | undefined;
            const method = contentType?.params?.method?.toUpperCase();
            this.received.push({ from, to: rcpt, subject: mail.subject ?? "", messageId: mail.messageId ?? "", ics, contentMethod: method });
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once("error", reject);
      this.server!.listen(this.port, "127.0.0.1", () => {
        this.port = (this.server!.server.address() as AddressInfo).port;
        resolve();
      });
    });
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }
}

export interface ParsedEvent {
  method: string | null;
  uid: string;
  sequence: number;
  status: string | null;
  summary: string;
  location: string;
  description: string;
  organizer: string | null;
  attendees: string[];
  /** DTSTART/DTEND as UTC epoch ms, resolved by ical.js through the file's own VTIMEZONE. */
  start: number;
  end: number;
  startTzid: string | null;
  /** Local wall clock as written in the file, e.g. `2026-03-30T10:00:00`. */
  startLocal: string;
}

/** Parses with ical.js, an independent RFC 5545 implementation, registering the file's VTIMEZONEs. */
export function parseIcs(text: string): { method: string | null; events: ParsedEvent[]; timezones: string[] } {
  const root = new ICAL.Component(ICAL.parse(text));
  const timezones = root.getAllSubcomponents("vtimezone").map((tz) => {
    const zone = new ICAL.Timezone(tz);
    ICAL.TimezoneService.register(zone, zone.tzid);
    return zone.tzid;
  });
  const method = (root.getFirstPropertyValue("method") as string | null) ?? null;
  const events = root.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    const dtstart = vevent.getFirstProperty("dtstart");
    return {
      method,
      uid: event.uid,
      sequence: event.sequence,
      status: (vevent.getFirstPropertyValue("status") as string | null) ?? null,
      summary: event.summary,
      location: event.location,
      description: event.description,
      organizer: (vevent.getFirstPropertyValue("organizer") as string | null) ?? null,
      attendees: vevent.getAllProperties("attendee").map((p) => String(p.getFirstValue())),
      start: event.startDate.toJSDate().getTime(),
      end: event.endDate.toJSDate().getTime(),
      startTzid: (dtstart?.getParameter("tzid") as string | undefined) ?? null,
      startLocal: event.startDate.toString(),
    };
  });
  return { method, events, timezones };
}
