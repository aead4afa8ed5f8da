import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { createLogger, createMetrics, openStore, runHousekeeping } from "../src/index";
import { createSamverkan } from "@samverkan/sdk";

describe("createLogger", () => {
  it("writes JSON lines with the app's name and redacts secrets", () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger({ app: "samverkan-test", destination });
    logger.info({ config: { botToken: "xoxb-secret", port: 3000 }, headers: { authorization: "Bearer abc" }, DATABASE_URL: "postgres://u:pw@h/db" }, "started");
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({
      app: "samverkan-test",
      msg: "started",
      config: { botToken: "[redacted]", port: 3000 },
      headers: { authorization: "[redacted]" },
      DATABASE_URL: "[redacted]",
    });
    expect(lines.join("")).not.toMatch(/xoxb-secret|Bearer abc|pw@h/);
  });
});

describe("openStore", () => {
  it("opens the SQLite file named by the settings, counts failed queries, and runs housekeeping", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "samverkan-runtime-")), "nested", "samverkan.db");
    const metrics = createMetrics("slack");
    const store = await openStore({ kind: "sqlite", file }, () => metrics.storeErrors.inc());
    try {
      expect(store.description).toBe(`sqlite ${file}`);
      await expect(sql`select * from no_such_table`.execute(store.db)).rejects.toThrow(/no such table/);
      expect(await metrics.registry.metrics()).toContain('samverkan_store_query_errors_total{app="slack"} 1');
      const sv = createSamverkan({ store });
      await sv.state.set("conversation", "k", { a: 1 }, -1000);
      expect(await runHousekeeping(sv)).toMatchObject({ states: 1 });
    } finally {
      await store.close();
    }
  });
});
