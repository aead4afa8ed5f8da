import { describe, expect, it } from "vitest";
import { createSemaphore } from "../../src/skolverket/semaphore";
import { ValidationError } from "../../src/errors";

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("createSemaphore", () => {
  it("never runs more than the limit at once and keeps FIFO order", async () => {
    const semaphore = createSemaphore(2);
    let running = 0;
    let max = 0;
    const started: number[] = [];
    await Promise.all(
      Array.from({ length: 7 }, (_, i) =>
        semaphore.run(async () => {
          started.push(i);
          running++;
          max = Math.max(max, running);
          await tick(5);
          running--;
        }),
      ),
    );
    expect(max).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(semaphore.active).toBe(0);
    expect(semaphore.waiting).toBe(0);
  });

  it("releases the slot when a task fails", async () => {
    const semaphore = createSemaphore(1);
    await expect(semaphore.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(semaphore.run(() => Promise.resolve(42))).resolves.toBe(42);
  });

  it("rejects a limit below 1", () => {
    expect(() => createSemaphore(0)).toThrow(ValidationError);
  });
});
