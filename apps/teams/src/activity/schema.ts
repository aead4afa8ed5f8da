import * as z from "zod";

/**
 * The parts of an incoming Bot Framework activity this app reads, checked with zod at the
 * boundary. Everything else Teams sends is kept as is (loose objects) and passed on.
 */
const accountSchema = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  aadObjectId: z.string().optional(),
});

const entitySchema = z.looseObject({
  type: z.string().optional(),
  text: z.string().optional(),
  mentioned: accountSchema.optional(),
});

const idHolder = z.looseObject({ id: z.string() });

export const teamsActivitySchema = z.looseObject({
  type: z.string().min(1),
  id: z.string().optional(),
  name: z.string().optional(),
  text: z.string().optional(),
  channelId: z.string().optional(),
  serviceUrl: z.string().optional(),
  locale: z.string().optional(),
  replyToId: z.string().optional(),
  /** installationUpdate: "add", "remove", "add-upgrade", "remove-upgrade". */
  action: z.string().optional(),
  from: accountSchema.optional(),
  recipient: accountSchema.optional(),
  conversation: z
    .looseObject({
      id: z.string(),
      conversationType: z.string().optional(),
      tenantId: z.string().optional(),
      isGroup: z.boolean().optional(),
    })
    .optional(),
  entities: z.array(entitySchema).optional(),
  membersAdded: z.array(accountSchema).optional(),
  membersRemoved: z.array(accountSchema).optional(),
  channelData: z
    .looseObject({
      tenant: idHolder.optional(),
      team: idHolder.optional(),
      channel: idHolder.optional(),
      eventType: z.string().optional(),
    })
    .optional(),
  value: z.unknown().optional(),
});

export type TeamsActivity = z.infer<typeof teamsActivitySchema>;

/** What the HTTP endpoint requires before handing a body to the Teams SDK. */
/** Invokes whose meaning is in `value`: Teams always sends an object there. */
const INVOKES_WITH_VALUE = new Set([
  "adaptiveCard/action",
  "task/fetch",
  "task/submit",
  "composeExtension/query",
  "composeExtension/selectItem",
  "composeExtension/submitAction",
  "composeExtension/fetchTask",
  "composeExtension/queryLink",
  "composeExtension/anonymousQueryLink",
  "message/submitAction",
  "signin/verifyState",
  "signin/tokenExchange",
  "config/fetch",
  "config/submit",
]);

export const inboundActivitySchema = z
  .looseObject({
    type: z.string().min(1, { error: "activity.type is required" }),
    name: z.string().optional(),
    value: z.unknown().optional(),
    serviceUrl: z.url({ error: "activity.serviceUrl must be a URL" }).optional(),
    conversation: idHolder.optional(),
    from: idHolder.optional(),
    recipient: idHolder.optional(),
  })
  .refine(
    (activity) =>
      activity.type !== "invoke" ||
      !INVOKES_WITH_VALUE.has(activity.name ?? "") ||
      (typeof activity.value === "object" && activity.value !== null && !Array.isArray(activity.value)),
    {
      error: "activity.value must be an object for this invoke",
      path: ["value"],
    },
  );

/** Reads the activity of a turn; undefined when it lacks what every Teams activity has. */
export function readActivity(activity: unknown): TeamsActivity | undefined {
  const parsed = teamsActivitySchema.safeParse(activity);
  return parsed.success ? parsed.data : undefined;
}
