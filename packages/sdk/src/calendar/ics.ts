import { TZDate } from "@date-fns/tz";
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import type { DialogueCalendarEvent } from "./event";

export type CalendarMethod = "PUBLISH" | "REQUEST" | "CANCEL";

export interface RenderOptions {
  method: CalendarMethod | null;
  timeZone: string;
  /** Calendar name (X-WR-CALNAME) for feeds. */
  name?: string;
  /** Fallback ORGANIZER address when the booking staff member has none (the mail sender). */
  fallbackOrganizerEmail?: string;
}

const METHODS: Record<CalendarMethod, ICalCalendarMethod> = {
  PUBLISH: ICalCalendarMethod.PUBLISH,
  REQUEST: ICalCalendarMethod.REQUEST,
  CANCEL: ICalCalendarMethod.CANCEL,
};

/**
 * RFC 5545 text for dialogues: local times with TZID and the zone's VTIMEZONE, so a
 * calendar shows 10:00 on both sides of a daylight-saving change. DTSTAMP is the
 * dialogue's last change, which keeps the output byte-stable (feed ETags depend on it).
 */
export function renderCalendar(events: readonly DialogueCalendarEvent[], options: RenderOptions): string {
  const calendar = ical({
    prodId: { company: "Skolverket och SPSM", product: "Samverkan", language: "SV" },
    timezone: { name: options.timeZone, generator: getVtimezoneComponent },
    ...(options.method ? { method: METHODS[options.method] } : {}),
    ...(options.name ? { name: options.name } : {}),
  });
  for (const e of events) {
    const organizerEmail = e.organizer?.email ?? options.fallbackOrganizerEmail;
    calendar.createEvent({
      id: e.uid,
      sequence: e.sequence,
      // Zone-aware dates: ical-generator writes their wall clock in the zone after TZID.
      start: new TZDate(e.start, options.timeZone),
      end: new TZDate(e.end, options.timeZone),
      timezone: options.timeZone,
      summary: e.summary,
      location: e.location,
      description: e.description,
      status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      ...(e.meetingUrl ? { url: e.meetingUrl } : {}),
      ...(organizerEmail ? { organizer: { name: e.organizer?.name ?? "Samverkan", email: organizerEmail } } : {}),
      attendees: e.attendees.map((a) => ({
        name: a.name,
        email: a.email,
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.NEEDSACTION,
        rsvp: options.method === "REQUEST",
      })),
    });
  }
  return withUtcStamps(calendar.toString(), events);
}

/**
 * RFC 5545 wants DTSTAMP, CREATED and LAST-MODIFIED in UTC ("Z"), but ical-generator
 * writes them in the calendar's zone once one is set; write them ourselves, per event.
 */
function withUtcStamps(text: string, events: readonly DialogueCalendarEvent[]): string {
  const parts = text.split("BEGIN:VEVENT\r\n");
  return parts
    .map((part, i) => {
      const e = i === 0 ? undefined : events[i - 1];
      if (!e) return part;
      return part.replace(/^DTSTAMP:[^\r]*\r\n/m, `DTSTAMP:${utc(e.updatedAt)}\r\nCREATED:${utc(e.createdAt)}\r\nLAST-MODIFIED:${utc(e.updatedAt)}\r\n`);
    })
    .join("BEGIN:VEVENT\r\n");
}

function utc(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}
