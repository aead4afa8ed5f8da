import { calendarSettingsFromEnv, createSamverkan, type CalendarSettings } from "@samverkan/sdk";
import { createEngine } from "@samverkan/chat";
import {
  countPlatformCalls,
  createMetrics,
  gracefulShutdown,
  handleMetricsRequest,
  installProcessGuards,
  observeTurns,
  readEnv,
  RuntimeEnvError,
  serveMetricsOnLoopback,
  slackApiCalls,
  startIdleCollector,
  startScheduledSync,
} from "@samverkan/runtime";
import { createSlackApp, type SlackApp, type StartedSlackApp } from "./app";
import { startSlackDigests } from "./digest/slack-poster";
import { startSlackNudges } from "./nudges";
import { ConfigError, loadConfig, type SlackConfig } from "./config";
import { createLogger, engineLogger } from "./logging";
import { startMaintenance } from "./maintenance";
import { startMailSender } from "./calendar";
import { openStore } from "./store";

/** `node dist/main.js`: reads the environment, opens the store and serves Slack. */
async function main(): Promise<void> {
  let config: SlackConfig;
  let env: ReturnType<typeof readEnv>;
  let calendar: CalendarSettings;
  try {
    env = readEnv(process.env);
    config = loadConfig(env.vars);
    calendar = calendarSettings(env.vars);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof RuntimeEnvError) {
      process.stderr.write(`${error.message}\n\nSee apps/slack/README.md for how to create the Slack app and where each value comes from.\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  installProcessGuards(logger);

  const metrics = createMetrics("slack");
  countPlatformCalls(metrics, slackApiCalls(config.slackApiUrl));
  const store = await openStore(config, () => metrics.storeErrors.inc());
  const samverkan = createSamverkan({ store, calendar });
  const engine = createEngine({ samverkan, logger: engineLogger(logger), onTurn: observeTurns(metrics) });
  const metricsPort = env.metrics.port === undefined ? undefined : await serveMetricsOnLoopback(metrics, env.metrics.port);
  let slack: SlackApp | undefined;
  let started: StartedSlackApp;
  try {
    slack = createSlackApp({
      config,
      samverkan,
      engine,
      logger,
      scheduling: { maxQueued: config.workQueueLimit },
      http: {
        routes: (req, res) => handleMetricsRequest(metrics, env.metrics.token, req, res),
        onAck: (status) => metrics.acks.inc({ kind: status < 400 ? "ok" : "refused" }),
      },
    });
    started = await slack.start();
  } catch (error) {
    logger.fatal({ err: error }, "could not start the Slack app (is SLACK_BOT_TOKEN valid and Slack reachable?)");
    await store.close();
    process.exit(1);
  }
  const stopMaintenance = startMaintenance(samverkan, logger);
  const stopSync = startScheduledSync(samverkan, logger, env.sync);
  const digests = startSlackDigests({ samverkan, client: slack.bolt.client, logger, onRun: (outcome) => metrics.digestRuns.inc({ outcome }) });
  const mail = startMailSender(samverkan, logger);
  // Personal nudges as DMs; each is claimed in the store, so every instance may run this.
  const nudges = startSlackNudges({
    samverkan,
    client: slack.bolt.client,
    teamIds: config.allowedTeamIds,
    logger,
    onNudge: (outcome) => metrics.nudges.inc({ outcome }),
  });
  metrics.observeMailOutbox(() => samverkan.mail.outboxSize());
  // Gives the heap a burst of turns grew back once the app is quiet (why: idle-collector.ts).
  const idleCollector = startIdleCollector({ logger, onCollect: () => metrics.idleCollections.inc() });
  const teams = [...config.allowedTeamIds].join(",");
  if (started.mode === "http") {
    logger.info({ url: started.url, store: store.description, allowedTeams: teams }, `Samverkan Slack app listening on ${started.url}`);
  } else {
    logger.info({ store: store.description, allowedTeams: teams }, "Samverkan Slack app connected in Socket Mode");
  }

  // SIGTERM drains: new requests get 503, accepted work finishes within the grace, then exit 0.
  // A second signal, or a drain that hangs past the grace, ends the process at once.
  gracefulShutdown({
    servers: [{ drain: (graceMs) => slack.stop(graceMs) }],
    stoppables: [
      { name: "idle heap collection", stop: () => idleCollector.stop() },
      { name: "maintenance", stop: stopMaintenance },
      { name: "scheduled sync", stop: stopSync },
      { name: "digests", stop: () => digests.stop() },
      { name: "nudges", stop: () => nudges.stop() },
      { name: "metrics port", stop: () => metricsPort?.close() },
      { name: "mail", stop: () => mail.stop() },
      { name: "store", stop: () => store.close() },
    ],
    graceMs: config.shutdownGraceMs,
    logger,
  });
}

/** SMTP_URL, SAMVERKAN_MAIL_FROM, SAMVERKAN_PUBLIC_URL, SAMVERKAN_LINK_SECRET, GRAPH_*: checked once at start. */
function calendarSettings(env: Readonly<Record<string, string | undefined>>): CalendarSettings {
  try {
    return calendarSettingsFromEnv(env);
  } catch (error) {
    throw new ConfigError([(error as Error).message]);
  }
}

await main();
