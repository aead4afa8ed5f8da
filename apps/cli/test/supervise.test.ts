import { spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const supervisor = fileURLToPath(new URL("./fixtures/supervisor.ts", import.meta.url));
const tsx = import.meta.resolve("tsx");

describe("samverkan start's supervisor", () => {
  it("leaves no app behind when it is killed outright: the app sees its channel close and stops", async () => {
    const marker = join(mkdtempSync(join(tmpdir(), "samverkan-supervise-")), "gone");
    const child = spawn(process.execPath, ["--conditions=@samverkan/source", "--import", tsx, supervisor], {
      env: { ...process.env, FOLLOW_MARKER: marker, LOG_LEVEL: "silent" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const up = new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("app up")) resolve();
      });
      child.once("exit", () => reject(new Error(`the supervisor exited first:\n${output}`)));
    });
    await up;
    expect(output).toContain("connected to its supervisor: true");

    child.kill("SIGKILL");
    // No signal reaches the app (it has its own process group); only the closed channel tells it.
    for (let waited = 0; waited < 10_000 && !existsSync(marker); waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(existsSync(marker)).toBe(true);
  }, 30_000);
});
