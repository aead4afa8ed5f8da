import type { Command } from "commander";
import {
  DEFAULT_DIGEST_CRON,
  describeTarget,
  formatScope,
  formatStamp,
  parseScope,
  type DigestRun,
  type DigestScope,
  type DigestSubscription,
  type DigestTarget,
} from "@samverkan/sdk";
import type * as ChatModule from "@samverkan/chat";
import type { Message } from "@samverkan/chat";
import { printJson, printLines, table } from "../output";
import { actingAs, CliUsageError, type CliRuntime } from "../runtime";
import type { RunWith } from "../main";
import { isLocale, t } from "../i18n";

const WEEK_MS = 7 * 86_400_000;

// The engine (chrono-node and friends) loads only when a digest command runs, keeping other commands' start fast.
type Chat = typeof ChatModule;
const loadChat = (): Promise<Chat> => import("@samverkan/chat");

function target(opts: { slack?: string; teams?: string }): DigestTarget {
  if (Boolean(opts.slack) === Boolean(opts.teams)) {
    throw new CliUsageError((m) => m.usage.giveOneChannelSlackTeam);
  }
  if (opts.teams) return { platform: "teams", conversationId: opts.teams };
  const [teamId, channelId, extra] = (opts.slack ?? "").split(":");
  if (!teamId || !channelId || extra !== undefined) {
    throw new CliUsageError((m) => m.usage.writeTheSlackChannelAs);
  }
  return { platform: "slack", teamId, channelId };
}

function scope(text: string): DigestScope {
  const parsed = parseScope(text);
  if (!parsed) {
    throw new CliUsageError((m) => m.usage.unknownScopeWriteOfficeGoteborg(text));
  }
  return parsed;
}

function lang(text: string | undefined): "sv" | "en" | undefined {
  if (text === undefined) return undefined;
  if (isLocale(text)) return text;
  throw new CliUsageError((m) => m.usage.langMustBeSvOr(text));
}

function subscriptionRow(s: DigestSubscription, locale: "sv" | "en", { describeCron }: Chat): string[] {
  const status = s.status === "active" ? t(locale).digest.active : `${t(locale).digest.paused}${s.pausedReason ? `: ${s.pausedReason}` : ""}`;
  return [s.ref, describeTarget(s.target), formatScope(s.scope), describeCron(s.cron, locale), s.locale, status];
}

function runRow(r: DigestRun, refs: Map<string, string>, locale: "sv" | "en"): string[] {
  const late = r.late ? t(locale).digest.late : "";
  return [formatStamp(r.scheduledFor), refs.get(r.subscriptionId) ?? r.subscriptionId, r.status, late, String(r.attempts), r.error ?? ""];
}

/** What a digest looks like on the wire: the terminal text, Block Kit JSON, or the Adaptive Card JSON. */
function render({ renderText, renderSlack, renderAdaptiveCard }: Chat, message: Message, format: string): string {
  if (format === "text") return renderText(message);
  if (format === "slack") return JSON.stringify(renderSlack(message), null, 2);
  if (format === "teams") return JSON.stringify(renderAdaptiveCard(message), null, 2);
  throw new CliUsageError((m) => m.usage.formatMustBeTextSlack(format));
}

async function preview(rt: CliRuntime, opts: { subscription?: string; scope?: string; lang?: string; since?: string; format: string }): Promise<void> {
  const chat = await loadChat();
  const { buildDigest, periodStart } = chat;
  if (Boolean(opts.subscription) === Boolean(opts.scope)) {
    throw new CliUsageError((m) => m.usage.giveSubscriptionD1Or);
  }
  const now = rt.sv.clock();
  const since = opts.since ? new Date(opts.since) : undefined;
  if (since && Number.isNaN(since.getTime())) throw new CliUsageError((m) => m.usage.sinceIsNotADate(opts.since));
  if (opts.subscription) {
    const sub = await rt.sv.digests.get(opts.subscription);
    const from = since?.getTime() ?? periodStart(sub.cron, now.getTime(), await rt.sv.digests.lastPosted(sub.id));
    const previousFlagged = await rt.sv.digests.flaggedSnapshot(sub.id);
    const digest = await buildDigest(rt.sv, {
      scope: sub.scope,
      locale: lang(opts.lang) ?? sub.locale,
      since: new Date(from),
      now,
      subscriptionRef: sub.ref,
      cron: sub.cron,
      ...(previousFlagged ? { previousFlagged } : {}),
    });
    if (digest.empty && !sub.postWhenEmpty) {
      process.stderr.write(t(rt.locale).digest.nothingNewThisDigestWould);
    }
    printLines([render(chat, digest.message, opts.format)]);
    return;
  }
  const digest = await buildDigest(rt.sv, {
    scope: scope(opts.scope ?? ""),
    locale: lang(opts.lang) ?? rt.locale,
    since: since ?? new Date(now.getTime() - WEEK_MS),
    now,
  });
  printLines([render(chat, digest.message, opts.format)]);
}

export function registerDigest(program: Command, run: RunWith): void {
  const digest = program.command("digest").description("Scheduled digests to Slack and Teams channels: subscriptions, preview, runs");
  const subs = digest.command("subscriptions").description("Which channels get which digest, when");

  subs
    .command("add")
    .description('Subscribe a channel, e.g. --slack T0123:C0456 --scope county:22 --cron "0 8 * * 1" (Swedish time)')
    .option("--slack <team:channel>", "Slack channel as TEAM:CHANNEL")
    .option("--teams <conversationId>", "Teams conversation id (the Teams app must know the conversation)")
    .requiredOption("--scope <scope>", "office:goteborg | county:22,14 | country")
    .option("--cron <pattern>", "five-field cron in Europe/Stockholm", DEFAULT_DIGEST_CRON)
    .option("--lang <sv|en>", "language of the digest", "sv")
    .option("--post-when-empty", "post even when there is nothing new")
    .option("--as <who>", "acting staff member: a unit head or admin (advisors manage a channel's digests from that channel)")
    .option("--json", "print JSON")
    .action((opts: { slack?: string; teams?: string; scope: string; cron: string; lang: string; postWhenEmpty?: boolean; as?: string; json?: boolean }) =>
      run(opts, async (rt) => {
        const created = await rt.sv.digests.create(
          { target: target(opts), scope: scope(opts.scope), cron: opts.cron, locale: lang(opts.lang) ?? "sv", postWhenEmpty: Boolean(opts.postWhenEmpty) },
          await actingAs(rt, opts.as),
        );
        if (opts.json) return printJson(created);
        printLines([`${t(rt.locale).digest.created}: ${table([subscriptionRow(created, rt.locale, await loadChat())])[0]}`]);
      }),
    );

  subs
    .command("list")
    .description("All subscriptions")
    .option("--json", "print JSON")
    .action((opts: { json?: boolean }) =>
      run(opts, async (rt) => {
        const list = await rt.sv.digests.list();
        if (opts.json) return printJson(list);
        const chat = await loadChat();
        printLines(list.length ? table(list.map((s) => subscriptionRow(s, rt.locale, chat))) : [t(rt.locale).digest.noDigests]);
      }),
    );

  for (const [name, description] of [
    ["pause", "Pause a subscription (id or reference such as D-3)"],
    ["resume", "Resume a paused subscription; missed occurrences are not posted"],
    ["remove", "Remove a subscription and its runs"],
  ] as const) {
    const command = subs.command(`${name} <id>`).description(description);
    if (name === "pause") command.option("--reason <text>", "why, shown in lists");
    command
      .option("--as <who>", "acting staff member: a unit head or admin (advisors manage a channel's digests from that channel)")
      .option("--json", "print JSON")
      .action((id: string, opts: { reason?: string; as?: string; json?: boolean }) =>
        run(opts, async (rt) => {
          const ctx = await actingAs(rt, opts.as);
          const result =
            name === "pause"
              ? await rt.sv.digests.pause(id, opts.reason ?? null, ctx)
              : name === "resume"
                ? await rt.sv.digests.resume(id, ctx)
                : await rt.sv.digests.remove(id, ctx);
          if (opts.json) return printJson(result);
          printLines([`${t(rt.locale).digest.changed[name]}: ${table([subscriptionRow(result, rt.locale, await loadChat())])[0]}`]);
        }),
      );
  }

  digest
    .command("preview")
    .description("Print exactly what would be posted now: text, Slack Block Kit JSON or the Teams Adaptive Card JSON")
    .option("--subscription <id>", "a subscription (id or D-3)")
    .option("--scope <scope>", "office:goteborg | county:22,14 | country (period: the last 7 days)")
    .option("--since <datetime>", "start of the period instead")
    .option("--lang <sv|en>", "language")
    .option("--format <format>", "text | slack | teams", "text")
    .action((opts: { subscription?: string; scope?: string; since?: string; lang?: string; format: string }) => run({}, (rt) => preview(rt, opts)));

  digest
    .command("runs")
    .description("Digest runs, newest first: posted, failed (after retries), skipped_empty, channel_gone")
    .option("--subscription <id>", "only this subscription")
    .option("--limit <n>", "at most n", "50")
    .option("--json", "print JSON")
    .action((opts: { subscription?: string; limit: string; json?: boolean }) =>
      run(opts, async (rt) => {
        const runs = await rt.sv.digests.runs({ ...(opts.subscription ? { subscription: opts.subscription } : {}), limit: Number(opts.limit) });
        if (opts.json) return printJson(runs);
        const refs = new Map((await rt.sv.digests.list()).map((s) => [s.id, s.ref]));
        printLines(runs.length ? table(runs.map((r) => runRow(r, refs, rt.locale))) : [t(rt.locale).digest.noRunsYet]);
      }),
    );
}
