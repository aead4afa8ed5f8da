import { ConflictError, ForbiddenError, NotFoundError } from "../errors";
import { formatInstant } from "../time";
import { actsForOthers, requireRole, type ResolvedActor } from "../services/access";
import { recordAudit } from "../services/audit";
import { newId, type Deps, type Trx, type WriteContext } from "../services/context";
import { validate } from "../services/validate";
import { checkDigestCron } from "./cron";
import { FLAGGED_SNAPSHOT_NAMESPACE } from "./flagged";
import { normalizeScope } from "./scope";
import { targetKey } from "./target";
import type { Selectable } from "kysely";
import type { Database } from "../store/schema";
import {
  digestScopeSchema,
  digestSubscriptionInputSchema,
  digestTargetSchema,
  type DigestSubscription,
  type DigestSubscriptionInput,
  type DigestSubscriptionStatus,
  type DigestTarget,
} from "./types";

type Row = Selectable<Database["digest_subscriptions"]>;

export interface SubscriptionFilter {
  /** Only this channel's subscriptions. */
  target?: DigestTarget;
  status?: DigestSubscriptionStatus;
  platform?: DigestTarget["platform"];
}

const REF = /^\s*d-?\s*(\d+)\s*$/i;

/** `D-3`, `d3` and `3` all name subscription 3; anything else is taken as an id. */
export function parseDigestRef(text: string): number | undefined {
  const match = REF.exec(text) ?? /^\s*(\d+)\s*$/.exec(text);
  return match?.[1] ? Number(match[1]) : undefined;
}

export function createSubscriptions(deps: Deps) {
  const { db } = deps.store;
  const tz = deps.config.timeZone;
  const now = () => deps.clock().getTime();

  function toSubscription(r: Row): DigestSubscription {
    // Stored JSON went through zod on the way in; parsing again keeps a hand-edited row from leaking out untyped.
    return {
      id: r.id,
      ref: `D-${r.ref_number}`,
      target: digestTargetSchema.parse(JSON.parse(r.target)),
      scope: digestScopeSchema.parse(JSON.parse(r.scope)),
      cron: r.cron,
      timeZone: tz,
      locale: r.locale === "en" ? "en" : "sv",
      postWhenEmpty: r.post_when_empty === 1,
      status: r.status === "paused" ? "paused" : "active",
      pausedReason: r.paused_reason,
      activeSince: formatInstant(r.active_since, tz),
      createdBy: r.created_by,
      createdAt: formatInstant(r.created_at, tz),
    };
  }

  async function loadRow(idOrRef: string, q: Trx | typeof db = db): Promise<Row> {
    const ref = parseDigestRef(idOrRef);
    const row =
      ref !== undefined
        ? await q.selectFrom("digest_subscriptions").selectAll().where("ref_number", "=", ref).executeTakeFirst()
        : await q.selectFrom("digest_subscriptions").selectAll().where("id", "=", idOrRef.trim()).executeTakeFirst();
    if (!row) {
      throw new NotFoundError("digestSubscription", idOrRef, {
        sv: `Det finns ingen digest ${idOrRef.trim()}. Skriv ”digest lista” för att se kanalens digests.`,
        en: `There is no digest ${idOrRef.trim()}. Write "digest list" to see the channel's digests.`,
      });
    }
    return row;
  }

  /**
   * A channel's digests are the channel's business: they are managed from that
   * conversation, or by a unit head or admin (who may also use the CLI).
   */
  function requireOwnConversation(actor: ResolvedActor, ctx: WriteContext, key: string, ref: string | null): void {
    if (actsForOthers(actor)) return;
    if (ctx.conversation && targetKey(validate(digestTargetSchema, ctx.conversation)) === key) return;
    throw new ForbiddenError(
      ref
        ? {
            sv: `Digest ${ref} hör till en annan kanal. Ändra den i sin egen kanal, eller be en enhetschef.`,
            en: `Digest ${ref} belongs to another channel. Change it from its own channel, or ask a unit head.`,
          }
        : {
            sv: "En digest skapas i kanalen som ska få den. Skriv kommandot där, eller be en enhetschef.",
            en: "A digest is created in the channel that should get it. Write the command there, or ask a unit head.",
          },
    );
  }

  async function checkManage(
    q: Trx | typeof db,
    idOrRef: string,
    ctx: WriteContext,
    what: { sv: string; en: string },
  ): Promise<{ actor: ResolvedActor; row: Row }> {
    const actor = await requireRole(q, ctx, "advisor", what);
    const row = await loadRow(idOrRef, q);
    requireOwnConversation(actor, ctx, row.target_key, `D-${row.ref_number}`);
    return { actor, row };
  }

  async function setStatus(
    idOrRef: string,
    ctx: WriteContext,
    change: { status: DigestSubscriptionStatus; reason: string | null; action: string; what: { sv: string; en: string } },
  ): Promise<DigestSubscription> {
    const at = now();
    const id = await db.transaction().execute(async (trx) => {
      const { actor, row } = await checkManage(trx, idOrRef, ctx, change.what);
      await trx
        .updateTable("digest_subscriptions")
        .set({
          status: change.status,
          paused_reason: change.reason,
          updated_at: at,
          // Resuming starts afresh: occurrences missed while paused are not posted late.
          ...(change.status === "active" && row.status !== "active" ? { active_since: at } : {}),
        })
        .where("id", "=", row.id)
        .execute();
      await recordAudit(trx, ctx, actor, at, {
        action: change.action,
        entityType: "digestSubscription",
        entityId: row.id,
        details: { ref: `D-${row.ref_number}`, ...(change.reason ? { reason: change.reason } : {}) },
      });
      return row.id;
    });
    return service.get(id);
  }

  const service = {
    /**
     * Subscribes a channel to scheduled digests: an advisor from that channel
     * (`ctx.conversation`), a unit head or admin from anywhere.
     */
    async create(input: DigestSubscriptionInput, ctx: WriteContext): Promise<DigestSubscription> {
      const data = validate(digestSubscriptionInputSchema, input);
      const cron = checkDigestCron(data.cron);
      const scope = normalizeScope(data.scope, deps.config.offices);
      const key = targetKey(data.target);
      const id = newId();
      const at = now();
      await db.transaction().execute(async (trx) => {
        const actor = await requireRole(trx, ctx, "advisor", { sv: "prenumerera på digests", en: "subscribe to digests" });
        requireOwnConversation(actor, ctx, key, null);
        // Serialises reference numbers and the duplicate check across instances.
        await deps.store.lock(trx, ["digest-subscriptions"]);
        const scopeJson = JSON.stringify(scope);
        const twin = await trx
          .selectFrom("digest_subscriptions")
          .select("ref_number")
          .where("target_key", "=", key)
          .where("scope", "=", scopeJson)
          .where("cron", "=", cron)
          .executeTakeFirst();
        if (twin) {
          throw new ConflictError({
            sv: `Kanalen har redan en likadan digest (D-${twin.ref_number}).`,
            en: `The channel already has the same digest (D-${twin.ref_number}).`,
          });
        }
        const max = await trx
          .selectFrom("digest_subscriptions")
          .select(({ fn }) => fn.max("ref_number").as("max"))
          .executeTakeFirst();
        const refNumber = Number(max?.max ?? 0) + 1;
        await trx
          .insertInto("digest_subscriptions")
          .values({
            id,
            ref_number: refNumber,
            platform: data.target.platform,
            target_key: key,
            target: JSON.stringify(data.target),
            scope: scopeJson,
            cron,
            locale: data.locale,
            post_when_empty: data.postWhenEmpty ? 1 : 0,
            status: "active",
            paused_reason: null,
            active_since: at,
            created_by: actor.staffId,
            created_at: at,
            updated_at: at,
          })
          .execute();
        await recordAudit(trx, ctx, actor, at, {
          action: "digest.subscribe",
          entityType: "digestSubscription",
          entityId: id,
          details: { ref: `D-${refNumber}`, target: data.target, scope, cron, locale: data.locale, postWhenEmpty: data.postWhenEmpty },
        });
      });
      return service.get(id);
    },

    /**
     * Throws `ForbiddenError` unless the actor may pause, resume or remove the
     * subscription from where they are. For chat flows that ask before writing.
     */
    async checkMayManage(idOrRef: string, ctx: WriteContext): Promise<void> {
      await checkManage(db, idOrRef, ctx, { sv: "ändra digests", en: "change digests" });
    },

    /** By id or reference (`D-3`). */
    async get(idOrRef: string): Promise<DigestSubscription> {
      return toSubscription(await loadRow(idOrRef));
    },

    /** Oldest first. */
    async list(filter: SubscriptionFilter = {}): Promise<DigestSubscription[]> {
      let q = db.selectFrom("digest_subscriptions").selectAll().orderBy("ref_number");
      if (filter.target) q = q.where("target_key", "=", targetKey(validate(digestTargetSchema, filter.target)));
      if (filter.status) q = q.where("status", "=", filter.status);
      if (filter.platform) q = q.where("platform", "=", filter.platform);
      return (await q.execute()).map(toSubscription);
    },

    /** Stops posting until resumed; the reason is shown in lists (e.g. why the scheduler paused it). */
    async pause(idOrRef: string, reason: string | null, ctx: WriteContext): Promise<DigestSubscription> {
      const text = reason?.trim() ? reason.trim().slice(0, 500) : null;
      return setStatus(idOrRef, ctx, { status: "paused", reason: text, action: "digest.pause", what: { sv: "pausa digests", en: "pause digests" } });
    },

    async resume(idOrRef: string, ctx: WriteContext): Promise<DigestSubscription> {
      return setStatus(idOrRef, ctx, { status: "active", reason: null, action: "digest.resume", what: { sv: "återuppta digests", en: "resume digests" } });
    },

    /** Removes the subscription, its run history and its flagged-schools snapshot. */
    async remove(idOrRef: string, ctx: WriteContext): Promise<DigestSubscription> {
      const at = now();
      return db.transaction().execute(async (trx) => {
        const { actor, row } = await checkManage(trx, idOrRef, ctx, { sv: "ta bort digests", en: "remove digests" });
        await trx.deleteFrom("digest_runs").where("subscription_id", "=", row.id).execute();
        await trx.deleteFrom("kv_state").where("namespace", "=", FLAGGED_SNAPSHOT_NAMESPACE).where("key", "=", row.id).execute();
        await trx.deleteFrom("digest_subscriptions").where("id", "=", row.id).execute();
        await recordAudit(trx, ctx, actor, at, {
          action: "digest.remove",
          entityType: "digestSubscription",
          entityId: row.id,
          details: { ref: `D-${row.ref_number}` },
        });
        return toSubscription(row);
      });
    },
  };

  return service;
}
