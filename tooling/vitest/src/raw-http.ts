import { request } from "node:http";

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export interface RawRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Send the body without a content-length (chunked), so the server cannot refuse it up front. */
  chunked?: boolean;
}

/**
 * One HTTP request exactly as given (any method, path, headers and body), on a fresh
 * connection; what scanners, browsers and load balancers send, not what fetch allows.
 */
export function rawRequest(base: string, options: RawRequest): Promise<RawResponse> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { connection: "close", ...options.headers };
    if (options.body !== undefined && !options.chunked) headers["content-length"] = String(Buffer.byteLength(options.body));
    const req = request({ host: url.hostname, port: url.port, method: options.method, path: options.path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    // A server that refuses a large body early may close while we still write: the answer counts.
    req.on("error", reject);
    if (options.body !== undefined) req.end(options.body);
    else req.end();
  });
}

/** Starts a request, sends part of its body and hangs up. */
export function abortedRequest(base: string, path: string, partialBody: string): Promise<void> {
  const url = new URL(base);
  return new Promise((resolve) => {
    const req = request({
      host: url.hostname,
      port: url.port,
      method: "POST",
      path,
      headers: { "content-type": "application/json", "content-length": "100000" },
      agent: false,
    });
    req.on("error", () => resolve());
    req.write(partialBody, () => {
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 20);
    });
  });
}
