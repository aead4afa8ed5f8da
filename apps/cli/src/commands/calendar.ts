import type { Command } from "commander";
import { formatStamp } from "@samverkan/sdk";
import { printJson, printLines, table } from "../output";
import { CliUsageError, type CliRuntime } from "../runtime";
import type { RunWith } from "../main";
import { t } from "../i18n";

async function staffId(rt: CliRuntime, who: string): Promise<string> {
  const staff = await rt.sv.staff.find(who);
  if (!staff) throw new CliUsageError((m) => m.usage.noStaffMember(who));
  return staff.id;
}

export function registerCalendar(program: Command, run: RunWith): void {
  const calendar = program.command("calendar").description("Personal calendar feeds that Outlook and Google can subscribe to");

  calendar
    .command("url")
    .description("Print the subscribable URL of a staff member's feed (needs SAMVERKAN_PUBLIC_URL and SAMVERKAN_LINK_SECRET)")
    .requiredOption("--staff <who>", "e-mail, id or name")
    .option("--rotate", "replace the URL; the old one stops working")
    .option("--json", "print JSON")
    .action((opts: { staff: string; rotate?: boolean; json?: boolean }) =>
      run(opts, async (rt) => {
        const result = await rt.sv.calendar.feedUrl(await staffId(rt, opts.staff), { rotate: Boolean(opts.rotate) });
        if (opts.json) return printJson(result);
        printLines([result.url]);
      }),
    );

  calendar
    .command("revoke")
    .description("Turn a staff member's feed off; its URL answers 404 from now on")
    .requiredOption("--staff <who>", "e-mail, id or name")
    .option("--json", "print JSON")
    .action((opts: { staff: string; json?: boolean }) =>
      run(opts, async (rt) => {
        const revoked = await rt.sv.calendar.revokeFeed(await staffId(rt, opts.staff));
        if (opts.json) return printJson({ revoked });
        printLines([revoked ? t(rt.locale).calendar.theFeedIsRevoked : t(rt.locale).calendar.thereWasNoFeed]);
      }),
    );

  calendar
    .command("feed")
    .description("Print a staff member's feed (iCalendar)")
    .requiredOption("--staff <who>", "e-mail, id or name")
    .action((opts: { staff: string }) =>
      run({}, async (rt) => {
        process.stdout.write((await rt.sv.calendar.feed(await staffId(rt, opts.staff))).ics);
      }),
    );
}

export function registerMail(program: Command, run: RunWith): void {
  const mail = program.command("mail").description("Calendar invitations by e-mail (SMTP_URL, SAMVERKAN_MAIL_FROM)");

  mail
    .command("outbox")
    .description("Queued, sent and failed invitation mails, newest first")
    .option("--status <status>", "pending, sent or failed")
    .option("--limit <n>", "at most n", "50")
    .option("--json", "print JSON")
    .action((opts: { status?: string; limit: string; json?: boolean }) =>
      run(opts, async (rt) => {
        if (opts.status && !["pending", "sent", "failed"].includes(opts.status)) {
          throw new CliUsageError((m) => m.usage.statusMustBePendingSent(opts.status));
        }
        const limit = Number(opts.limit);
        if (!Number.isInteger(limit) || limit <= 0) throw new CliUsageError((m) => m.usage.limitMustBeAPositive2);
        const entries = await rt.sv.mail.outbox({ ...(opts.status ? { status: opts.status as "pending" | "sent" | "failed" } : {}), limit });
        if (opts.json) return printJson(entries);
        if (entries.length === 0) return printLines([t(rt.locale).calendar.theOutboxIsEmpty]);
        printLines(
          table(
            entries.map((e) => [
              formatStamp(e.createdAt),
              `${e.method}#${e.sequence}`,
              e.status,
              `${e.attempts}`,
              e.recipients.join(", "),
              e.status === "pending"
                ? `${t(rt.locale).calendar.next} ${formatStamp(e.nextAttemptAt)}${e.lastError ? ` (${e.lastError})` : ""}`
                : (e.lastError ?? e.sentAt ?? ""),
            ]),
          ),
        );
      }),
    );

  mail
    .command("flush")
    .description("Send every invitation that is due now (for cron and scripts); safe beside running apps")
    .option("--json", "print JSON")
    .action((opts: { json?: boolean }) =>
      run(opts, async (rt) => {
        if (!rt.sv.mail.enabled) {
          throw new CliUsageError((m) => m.usage.mailIsNotConfiguredSet);
        }
        const result = await rt.sv.mail.flush({ limit: 500 });
        if (opts.json) return printJson(result);
        printLines([t(rt.locale).calendar.sentRetryingLaterFailed({ sent: result.sent, retrying: result.retrying, failed: result.failed })]);
        if (result.failed > 0 || result.retrying > 0) process.exitCode = 1;
      }),
    );
}
