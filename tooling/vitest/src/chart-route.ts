import { expect } from "vitest";

/**
 * An app's coverage chart route, checked the same way for Slack and Teams: the signed link the
 * app makes (under its public URL) is served from the app's own origin as a PNG, and the same
 * link with the scope changed is refused with 403.
 */
export async function expectSignedChartRoute(link: string, publicUrl: string, origin: string): Promise<void> {
  expect(link.startsWith(`${publicUrl}/charts/coverage.png?`)).toBe(true);
  const local = link.replace(publicUrl, origin);
  const ok = await fetch(local);
  expect(ok.status).toBe(200);
  expect(ok.headers.get("content-type")).toBe("image/png");
  expect(
    Buffer.from(await ok.arrayBuffer())
      .subarray(1, 4)
      .toString("latin1"),
  ).toBe("PNG");
  expect((await fetch(local.replace("scope=country", "scope=counties%3A01"))).status).toBe(403);
}
