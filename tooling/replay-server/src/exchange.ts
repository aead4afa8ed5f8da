import * as z from "zod";

/** One recorded HTTP exchange: a single line of a `.jsonl` recording. */
export const recordedExchangeSchema = z.object({
  method: z
    .string()
    .regex(/^[A-Za-z]+$/, "must be an HTTP method such as GET")
    .transform((method) => method.toUpperCase()),
  url: z.string().startsWith("/", "must be a path and query starting with '/'"),
  accept: z.string().optional(),
  status: z.number().int().min(100).max(599),
  recordedAt: z.string().optional(),
  body: z.unknown(),
});

export type RecordedExchange = z.infer<typeof recordedExchangeSchema>;
/** What callers may pass in place of a file (before validation, so `method` may be lower case). */
export type RecordedExchangeInput = z.input<typeof recordedExchangeSchema>;
