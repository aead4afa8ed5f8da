import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import pg from "pg";
import { postgresAvailability, postgresTestUrl, uniqueSchemaName } from "@samverkan/vitest-config/helpers";
import { createSamverkan, type Samverkan, type Store } from "../../src/index";
import { LEASE_MS } from "../../src/mail/sender";
import { createPostgresStore } from "../../src/postgres";
import { buildWorld, as, type World } from "../support/stores";
import { parseIcs, SmtpSink } from "../support/calendar";

const availability = await postgresAvailability();
const FROM = "Samverkan <samverkan@skolverket.se>";

describe.skipIf(!availability.available)(
  `mail outbox with two instances on one PostgreSQL store${availability.available ? "" : ` (skipped: ${availability.available === false ? availability.reason : ""})`}`,
  () => {
    const schema = uniqueSchemaName("outbox_test");
    const smtp = new SmtpSink();
    let storeA: Store;
    let storeB: Store;
    let world: World;
    let a: Samverkan;
    let b: Samverkan;
    let now = Date.parse("2026-11-23T09:00:00+01:00");
    const clock = () => new Date(now);

    beforeAll(async () => {
      await smtp.start();
      storeA = await createPostgresStore({ connectionString: postgresTestUrl, schema });
      storeB = await createPostgresStore({ connectionString: postgresTestUrl, schema });
      world = await buildWorld(storeA);
      a = createSamverkan({ store: storeA, clock, calendar: { mail: { smtpUrl: smtp.url, from: FROM } } });
      b = createSamverkan({ store: storeB, clock, calendar: { mail: { smtpUrl: smtp.url, from: FROM } } });
    });

    afterAll(async () => {
      await smtp.stop();
      await storeA?.close();
      await storeB?.close();
      const client = new pg.Client({ connectionString: postgresTestUrl });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    });

    it("keeps bookings through an SMTP outage and then sends every invitation exactly once", async () => {
      const port = smtp.port;
      await smtp.stop();
      const ids: string[] = [];
      for (const [i, sv] of [a, b, a, b, a, b].entries()) {
        const d = await sv.dialogues.book(
          {
            organizerId: world.organizerId,
            digital: true,
            start: `2026-12-0${1 + (i % 4)}T${10 + Math.floor(i / 4) * 2}:00`,
            durationMinutes: 60,
            staffIds: [i % 2 ? world.advisor2.staffId : world.advisor.staffId],
          },
          as(world.admin),
        );
        ids.push(d.id);
      }
      // Both instances try while the server is down: every message fails once, no booking is undone.
      const down = await Promise.all([a.mail.flush(), b.mail.flush()]);
      expect(down.reduce((n, r) => n + r.retrying, 0)).toBe(6);
      expect(down.reduce((n, r) => n + r.sent, 0)).toBe(0);
      expect((await a.dialogues.listUpcoming({ limit: 100 })).map((d) => d.id).sort()).toEqual([...ids].sort());
      expect((await b.mail.outbox()).every((e) => e.status === "pending" && e.attempts === 1 && e.lastError !== null)).toBe(true);

      smtp.port = port;
      await smtp.start();
      now += 60_000;
      // Both instances run their continuous senders at once; every message goes out once.
      const senders = [a.mail.startSender({ intervalMs: 10 }), b.mail.startSender({ intervalMs: 10 }), a.mail.startSender({ intervalMs: 7 })];
      await vi.waitFor(async () => expect((await a.mail.outbox({ status: "pending" })).length).toBe(0), { timeout: 20_000, interval: 50 });
      await Promise.all(senders.map((s) => s.stop()));
      const again = await Promise.all([a.mail.flush(), b.mail.flush()]);
      expect(again.every((r) => r.sent === 0)).toBe(true);

      expect(smtp.received).toHaveLength(6);
      const uids = smtp.received.map((m) => parseIcs(m.ics).events[0]!.uid).sort();
      expect(uids).toEqual(ids.map((id) => `${id}@samverkan`).sort());
      expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(6);
      expect((await a.mail.outbox()).map((e) => [e.status, e.attempts])).toEqual(Array.from({ length: 6 }, () => ["sent", 2]));
    });

    it("takes over a message whose sender died mid-send only after the lease has run out", async () => {
      smtp.received.length = 0;
      const d = await a.dialogues.book({ organizerId: world.organizer2Id, digital: true, start: "2026-12-08T10:00", durationMinutes: 60 }, as(world.advisor));
      // An instance claimed the message and vanished.
      await storeA.db
        .updateTable("mail_outbox")
        .set({ lease_owner: "crashed-instance", lease_until: now + LEASE_MS })
        .where("dialogue_id", "=", d.id)
        .execute();
      expect(await b.mail.flush()).toEqual({ sent: 0, retrying: 0, failed: 0 });
      now += LEASE_MS + 1;
      expect(await b.mail.flush()).toEqual({ sent: 1, retrying: 0, failed: 0 });
      expect(smtp.received).toHaveLength(1);
    });
  },
);
