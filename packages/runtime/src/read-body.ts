import type { IncomingMessage } from "node:http";

/** The body is larger than the limit; answer 413. */
export class BodyTooLargeError extends Error {
  override readonly name = "BodyTooLargeError";
}

/** The client went away before its body was complete; there is no one to answer. */
export class RequestAbortedError extends Error {
  override readonly name = "RequestAbortedError";
}

/**
 * A request body of at most `limit` bytes. A declared Content-Length over the limit is
 * refused before anything is read. A body that grows past the limit is refused too, but the
 * rest is read and dropped (so the client sees the 413 rather than a reset), up to eight
 * times the limit, after which the connection is cut.
 */
export function readBoundedBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"]);
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = Number.isFinite(declared) && declared > limit;
    req.on("data", (chunk: Buffer | string) => {
      const buffer = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
      size += buffer.length;
      if (size > limit * 8) return req.destroy();
      if (size > limit) tooLarge = true;
      if (!tooLarge) chunks.push(buffer);
    });
    req.once("end", () => (tooLarge ? reject(new BodyTooLargeError(`body exceeds ${limit} bytes`)) : resolve(Buffer.concat(chunks))));
    req.once("error", (error) => reject(new RequestAbortedError(error.message)));
    req.once("close", () => {
      if (!req.complete) reject(new RequestAbortedError("client closed the request before sending its body"));
    });
    if (tooLarge) reject(new BodyTooLargeError(`body of ${declared} bytes exceeds ${limit}`));
  });
}
