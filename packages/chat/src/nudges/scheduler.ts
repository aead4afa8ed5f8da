import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import { Cron } from "croner";
import { STOCKHOLM } from "@samverkan/sdk";
import { createNudgeRunner, type NudgeRunnerOptions, type NudgeTickReport } from "./runner";

export interface NudgeSchedulerOptions extends Omit<NudgeRunnerOptions, "instanceId"> {
  /** Names this instance in claims; default `host:pid:random`. */
  instanceId?: string;
  /** Start croner's timer (default true); tests call `tick()` themselves. */
  timer?: boolean;
  /** When a tick happens; default every minute (nudges are due at 08:00 and 09:00 local time). */
  tickPattern?: string;
}

export interface NudgeScheduler {
  /** Runs one pass now, after any pass in progress. */
  tick(): Promise<NudgeTickReport>;
  /** Stops the timer and waits for the pass in progress. */
  stop(): Promise<void>;
}

/**
 * Runs the nudge runner on a timer in each app instance. Every instance may run it: each
 * nudge is claimed in the store and only the claim's winner sends it. A pass that throws
 * (store unreachable) is logged and the next minute tries again.
 */
export function startNudgeScheduler(options: NudgeSchedulerOptions): NudgeScheduler {
  const { timer, tickPattern, instanceId, ...runnerOptions } = options;
  const runner = createNudgeRunner({ ...runnerOptions, instanceId: instanceId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}` });
  let chain: Promise<unknown> = Promise.resolve();
  let stopped = false;

  async function runTick(): Promise<NudgeTickReport> {
    const empty: NudgeTickReport = { at: options.samverkan.clock().toISOString(), sent: [], lost: [], failed: [], undeliverable: [] };
    if (stopped) return empty;
    try {
      return await runner.tick();
    } catch (error) {
      options.logger?.warn({ err: error instanceof Error ? error.message : String(error) }, "nudge pass failed; trying again next tick");
      return empty;
    }
  }

  function tick(): Promise<NudgeTickReport> {
    const next = chain.then(runTick, runTick);
    chain = next;
    return next;
  }

  const job =
    timer === false
      ? undefined
      : new Cron(tickPattern ?? "* * * * *", { timezone: STOCKHOLM, protect: true, catch: true, unref: true }, async () => {
          await tick();
        });

  return {
    tick,
    async stop() {
      stopped = true;
      job?.stop();
      await chain.catch(() => undefined);
    },
  };
}
