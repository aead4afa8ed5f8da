import Module from "node:module";
import { sep } from "node:path";

/**
 * Node 20 compatibility for Bolt's Socket Mode dependency.
 *
 * `@slack/bolt` loads `@slack/socket-mode` eagerly, which loads `undici`. The workspace
 * resolved that peer to undici 8, which needs Node ≥ 22.19 and throws while loading on
 * Node 20 (missing `zlib.createZstdDecompress`, `markAsUncloneable`), so merely importing
 * Bolt crashed. HTTP mode never touches undici, so when the real module cannot load we
 * hand Socket Mode a stand-in whose members throw a clear error when used.
 *
 * Remove this file once apps/slack depends on `undici@^7` (or runs on Node ≥ 22.19).
 */
type Load = (request: string, parent: { filename?: string | null } | undefined, isMain: boolean) => unknown;

const loader = Module as unknown as { _load: Load };
const SOCKET_MODE_DIR = `${sep}@slack${sep}socket-mode${sep}`;

let unavailableReason: string | undefined;

/** Why Socket Mode cannot run in this process, or undefined when it can. */
export function socketModeUnavailableReason(): string | undefined {
  return unavailableReason;
}

function unavailable(name: string): () => never {
  return function Unavailable(): never {
    throw new Error(
      `Socket Mode is unavailable: undici.${name} could not be loaded (${unavailableReason ?? "unknown reason"}). ` +
        "Use HTTP mode (unset SLACK_APP_TOKEN), run Node ≥ 22.19, or add undici@^7 to apps/slack.",
    );
  };
}

const standIn: object = new Proxy(
  {},
  {
    get(_target, key) {
      if (typeof key === "symbol" || key === "__esModule" || key === "then") return undefined;
      return unavailable(key);
    },
  },
);

const originalLoad = loader._load;
loader._load = function load(this: unknown, request, parent, isMain) {
  if (request !== "undici" || !parent?.filename?.includes(SOCKET_MODE_DIR)) return originalLoad.call(this, request, parent, isMain);
  try {
    return originalLoad.call(this, request, parent, isMain);
  } catch (error) {
    unavailableReason = `undici does not load on Node ${process.versions.node}: ${(error as Error).message}`;
    return standIn;
  }
};
