import type { Generated } from "kysely";
import type { CalendarMethod } from "../calendar/ics";
import type { DigestPlatform, DigestRunStatus, DigestSubscriptionStatus } from "../digests/types";
import type { Agency } from "../domain/agency";
import type { FocusArea, Phase } from "../domain/assignment";
import type { Channel } from "../domain/audit";
import type { DialogueStatus } from "../domain/dialogue";
import type { OrganizerType } from "../domain/organizer";
import type { SchoolUnitStatus } from "../domain/school-unit";
import type { Role } from "../domain/staff";
import type { Locale } from "../errors";
import type { OutboxStatus } from "../mail/outbox";

/** Whether an organizer is still in the register (a manual one is always active). */
export type OrganizerStatus = "active" | "inactive";
/** How a calendar change travels: an e-mail with the .ics, or the event in Outlook via Graph. */
export type OutboxChannel = "smtp" | "graph";
export type NudgeClaimStatus = "claimed" | "sent" | "failed";

/**
 * Enum columns carry their unions so rows need no casts. The database does not enforce
 * them, so the row mappers parse status, phase and role with zod (store/columns.ts).
 *
 * Table shapes shared by the SQLite and PostgreSQL stores. Instants are epoch
 * milliseconds (INTEGER / BIGINT), booleans 0/1 and structured values JSON text,
 * so that one query layer serves both dialects unchanged.
 */
export interface Database {
  counties: { code: string; name: string };
  municipalities: { code: string; name: string; county_code: string };
  organizers: {
    id: string;
    organization_number: string;
    name: string;
    type: OrganizerType;
    municipality_code: string | null;
    updated_at: number;
    /** `active` or `inactive` (left the register, or no longer active there). */
    status: Generated<OrganizerStatus>;
    source: string | null;
    register_type: string | null;
    legal_entity_status: string | null;
    company_status: string | null;
    company_form: string | null;
    register_seen_at: number | null;
  };
  school_units: {
    code: string;
    name: string;
    municipality_code: string;
    organizer_id: string;
    types_of_schooling: string;
    status: SchoolUnitStatus;
    details: string | null;
    updated_at: number;
    register_seen_at: Generated<number | null>;
  };
  school_results: {
    school_unit_code: string;
    school_year: string;
    metric: string;
    /** A StatValue kind; kept as text because a row that contradicts itself reads as `unparseable` (data/results.ts). */
    kind: string;
    value: number | null;
    raw: string;
    value_type: string | null;
    source: string;
  };
  staff: {
    id: string;
    name: string;
    email: string | null;
    agency: Agency;
    role: Role;
    home_office_id: string | null;
    locale: Locale;
    created_at: number;
  };
  staff_identities: {
    platform: DigestPlatform;
    tenant_id: string;
    user_id: string;
    staff_id: string;
  };
  dialogues: {
    id: string;
    organizer_id: string;
    office_id: string | null;
    digital: number;
    start_at: number;
    end_at: number;
    status: DialogueStatus;
    topics: string;
    notes: string;
    follows_up_id: string | null;
    school_unit_code: string | null;
    created_by: string | null;
    created_at: number;
    updated_at: number;
    /** RFC 5545 SEQUENCE: raised with every reschedule and cancellation. */
    sequence: Generated<number>;
    meeting_url: string | null;
  };
  dialogue_participants: { dialogue_id: string; staff_id: string };
  plans: {
    id: string;
    title: string;
    school_unit_code: string | null;
    organizer_id: string | null;
    created_at: number;
  };
  assignments: {
    id: string;
    ref_number: number;
    plan_id: string;
    title: string;
    agency: Agency;
    focus_area: FocusArea;
    responsible_staff_id: string | null;
    phase: Phase;
    due_date: string | null;
    reference_material: string;
    created_at: number;
    updated_at: number;
  };
  progress_entries: {
    id: string;
    seq: Generated<number>;
    assignment_id: string;
    author_staff_id: string;
    at: number;
    note: string;
    percent: number | null;
    phase_change: Phase | null;
    corrects_entry_id: string | null;
  };
  audit_events: {
    id: string;
    seq: Generated<number>;
    at: number;
    actor_staff_id: string | null;
    actor_label: string;
    action: string;
    entity_type: string;
    entity_id: string;
    channel: Channel;
    details: string;
  };
  inspection_documents: {
    school_unit_code: string;
    url: string;
    school_form: string;
    type: string;
    type_id: string | null;
    title: string;
    period: string | null;
    sort_key: string | null;
    updated_at: number;
  };
  write_locks: { name: string; counter: number };
  /** Counters the database moves on writes (migration 0122): `school-data` for results, units, organizers, documents. */
  data_versions: { name: string; version: number };
  kv_state: { namespace: string; key: string; value: string; expires_at: number | null; updated_at: number };
  processed_events: { key: string; at: number };
  digest_subscriptions: {
    id: string;
    ref_number: number;
    platform: DigestPlatform;
    target_key: string;
    target: string;
    scope: string;
    cron: string;
    locale: Locale;
    post_when_empty: number;
    status: DigestSubscriptionStatus;
    paused_reason: string | null;
    active_since: number;
    created_by: string | null;
    created_at: number;
    updated_at: number;
  };
  digest_runs: {
    id: string;
    subscription_id: string;
    period_key: string;
    scheduled_for: number;
    period_start: number;
    status: DigestRunStatus;
    late: number;
    attempts: number;
    error: string | null;
    claimed_by: string;
    claimed_at: number;
    posted_at: number | null;
    finished_at: number | null;
    lease_until: number | null;
    delivery_ref: string | null;
    claims: number;
  };
  organizer_contacts: {
    id: string;
    organizer_id: string;
    name: string;
    role: string;
    email: string | null;
    phone: string | null;
    notes: string;
    created_at: number;
    updated_at: number;
  };
  dialogue_contacts: { dialogue_id: string; contact_id: string };
  dialogue_minutes: {
    id: string;
    seq: Generated<number>;
    dialogue_id: string;
    author_staff_id: string | null;
    at: number;
    topics: string;
    notes: string;
    next_dialogue_date: string | null;
  };
  dialogue_actions: {
    id: string;
    seq: Generated<number>;
    minutes_id: string;
    dialogue_id: string;
    title: string;
    responsible_staff_id: string | null;
    due_date: string | null;
    assignment_id: string | null;
  };
  nudge_claims: {
    key: string;
    kind: string;
    staff_id: string;
    scheduled_for: number;
    status: NudgeClaimStatus;
    claimed_by: string;
    claimed_at: number;
    sent_at: number | null;
    error: string | null;
  };
  nudge_settings: { staff_id: string; kind: string; enabled: number; updated_at: number };
  mail_outbox: {
    id: string;
    dialogue_id: string;
    /** `smtp` (an e-mail with the .ics) or `graph` (the event in the organizer's Outlook calendar). */
    channel: Generated<OutboxChannel>;
    method: CalendarMethod;
    sequence: number;
    recipients: string;
    subject: string;
    body: string;
    ics: string;
    status: OutboxStatus;
    attempts: number;
    next_attempt_at: number;
    lease_owner: string | null;
    lease_until: number | null;
    last_error: string | null;
    created_at: number;
    sent_at: number | null;
  };
  graph_events: { dialogue_id: string; user_id: string; event_id: string; updated_at: number };
  calendar_feeds: { staff_id: string; token_hash: string; nonce: string; created_at: number };
}
