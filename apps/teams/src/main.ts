/**
 * `pnpm --filter @samverkan/teams start`: the Teams bot on PORT (default 3978), POST /api/messages.
 * Configuration comes from the environment; see README.md.
 */
import { createEngine } from "@samverkan/chat";
import { calendarSettingsFromEnv, createSamverkan } from "@samverkan/sdk";
import {
  botConnectorCalls,
  countPlatformCalls,
  createMetrics,
  gracefulShutdown,
  handleMetricsRequest,
  installProcessGuards,
  observeTurns,
  readEnv,
  RuntimeEnvError,
  serveMetricsOnLoopback,
  startHousekeeping,
  startIdleCollector,
  startScheduledSync,
} from "@samverkan/runtime";
import { startMailSender } from "./calendar";
import { createTeamsApp } from "./app";
import { loadTeamsConfig, TeamsConfigError } from "./config";
import { startTeamsDigests } from "./digest/teams-poster";
import { startTeamsNudges } from "./proactive/nudge-poster";
import { createLogger, describeError } from "./log";
import { openStore } from "./store";

async function main(): Promise<void> {
  let env;
  try {
    env = readEnv(process.env);
  } catch (error) {
    if (error instanceof RuntimeEnvError) {
      createLogger().fatal({ problems: error.problems }, error.message);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
  const logger = createLogger({ level: env.logLevel });
  installProcessGuards(logger, { describe: describeError });
  let loaded;
  try {
    loaded = loadTeamsConfig(env.vars);
  } catch (error) {
    if (error instanceof TeamsConfigError) {
      logger.fatal({ variable: error.variable }, `Configuration error: ${error.message}`);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
  for (const warning of loaded.warnings) logger.warn(warning);

  let calendar;
  try {
    // SMTP_URL, SAMVERKAN_MAIL_FROM, SAMVERKAN_PUBLIC_URL, SAMVERKAN_LINK_SECRET, GRAPH_*.
    calendar = calendarSettingsFromEnv(env.vars);
  } catch (error) {
    logger.fatal(`Configuration error: ${(error as Error).message}`);
    process.exitCode = 1;
    return;
  }
  const metrics = createMetrics("teams");
  countPlatformCalls(metrics, botConnectorCalls());
  const store = await openStore(env.store, () => metrics.storeErrors.inc());
  const samverkan = createSamverkan({ store, calendar });
  const engine = createEngine({ samverkan, logger, onTurn: observeTurns(metrics) });
  const app = createTeamsApp({
    config: loaded.config,
    samverkan,
    engine,
    logger,
    http: {
      routes: (req, res) => handleMetricsRequest(metrics, env.metrics.token, req, res),
      onAnswer: (status) => metrics.acks.inc({ kind: status < 400 ? "ok" : "refused" }),
    },
  });
  const metricsPort = env.metrics.port === undefined ? undefined : await serveMetricsOnLoopback(metrics, env.metrics.port);
  const port = await app.listen();
  logger.info(
    { port, store: store.description, authenticated: Boolean(loaded.config.credentials), allowedTenants: loaded.config.allowedTenantIds.length },
    "Samverkan Teams bot listening on /api/messages",
  );
  // Scheduled digests into the conversations the app is installed in (runs are claimed in the store, so every instance may run this).
  const digests = startTeamsDigests({ samverkan, post: app.post, logger, onRun: (outcome) => metrics.digestRuns.inc({ outcome }) });
  const mail = startMailSender(samverkan, logger);
  // Personal nudges in each person's 1:1 chat with the bot (claimed once across instances).
  const nudges = startTeamsNudges({
    samverkan,
    references: app.conversations,
    sendProactive: app.sendProactive,
    logger,
    onNudge: (outcome) => metrics.nudges.inc({ outcome }),
  });
  metrics.observeMailOutbox(() => samverkan.mail.outboxSize());

  // Redeliveries come within minutes; a day of event ids is plenty. Expired state goes too.
  const stopHousekeeping = startHousekeeping(samverkan, logger);
  const stopSync = startScheduledSync(samverkan, logger, env.sync);
  // Gives the heap a burst of turns grew back once the app is quiet (why: idle-collector.ts in the runtime package).
  const idleCollector = startIdleCollector({ logger, onCollect: () => metrics.idleCollections.inc() });

  // SIGTERM drains: new requests get 503, turns in progress finish within the grace, then exit 0.
  // A second signal, or a drain that hangs past the grace, ends the process at once.
  gracefulShutdown({
    servers: [app],
    stoppables: [
      { name: "idle heap collection", stop: () => idleCollector.stop() },
      { name: "housekeeping", stop: stopHousekeeping },
      { name: "scheduled sync", stop: stopSync },
      { name: "background work", stop: () => Promise.all([digests.stop(), nudges.stop(), mail.stop(), metricsPort?.close()]) },
      { name: "store", stop: () => store.close() },
    ],
    graceMs: loaded.config.shutdownGraceMs ?? 10_000,
    logger,
    describe: describeError,
  });
}

main().catch((error: unknown) => {
  console.error("Samverkan Teams bot failed to start:", error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
