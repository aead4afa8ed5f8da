import type { Command } from "commander";
import { agencySchema, roleSchema, type ChatIdentity, type Staff } from "@samverkan/sdk";
import { printJson, printLines, table } from "../output";
import { actingAs, CliUsageError } from "../runtime";
import type { RunWith } from "../main";
import { isLocale, t } from "../i18n";

/** `T0123:U0456` for Slack, `tenant-id:aad-object-id` for Teams. */
function parseIdentity(platform: "slack" | "teams", text: string): ChatIdentity {
  const [a, b] = text.split(":");
  if (!a || !b) throw new CliUsageError((m) => m.usage.writeTheAccountAsTeam(platform));
  return platform === "slack" ? { platform, teamId: a, userId: b } : { platform, tenantId: a, aadObjectId: b };
}

function describe(s: Staff): string[] {
  return [s.name, s.email ?? "", s.role, s.agency, s.homeOfficeId ?? "", s.id];
}

export function registerStaff(program: Command, run: RunWith): void {
  const staff = program.command("staff").description("Manage staff members and their Slack/Teams accounts");
  staff
    .command("add")
    .description("Add a staff member (the first one needs no --as and becomes the bootstrap admin)")
    .requiredOption("--name <name>", "full name")
    .requiredOption("--agency <agency>", `one of ${agencySchema.options.join(", ")}`)
    .requiredOption("--role <role>", `one of ${roleSchema.options.join(", ")}`)
    .option("--email <email>", "e-mail address")
    .option("--office <office>", "home regional office, e.g. Solna")
    .option("--slack <team:user>", "link a Slack account")
    .option("--teams <tenant:aadObjectId>", "link a Teams account")
    .option("--locale <sv|en>", "language in chat", "sv")
    .option("--as <who>", "acting admin")
    .option("--json", "print JSON")
    .action(
      (opts: {
        name: string;
        agency: string;
        role: string;
        email?: string;
        office?: string;
        slack?: string;
        teams?: string;
        locale: string;
        as?: string;
        json?: boolean;
      }) =>
        run(opts, async (rt) => {
          const existing = (await rt.sv.counts()).staff;
          const ctx = existing === 0 ? { actor: { system: "bootstrap" }, channel: "cli" as const } : await actingAs(rt, opts.as);
          const identities: ChatIdentity[] = [];
          if (opts.slack) identities.push(parseIdentity("slack", opts.slack));
          if (opts.teams) identities.push(parseIdentity("teams", opts.teams));
          const created = await rt.sv.staff.create(
            {
              name: opts.name,
              email: opts.email ?? null,
              agency: opts.agency as Staff["agency"],
              role: opts.role as Staff["role"],
              homeOfficeId: opts.office ?? null,
              identities,
              locale: isLocale(opts.locale) ? opts.locale : "sv",
            },
            ctx,
          );
          if (opts.json) return printJson(created);
          printLines([`${t(rt.locale).staff.added} ${created.name} (${created.role}), id ${created.id}`]);
        }),
    );
  staff
    .command("list")
    .description("List staff members")
    .option("--json", "print JSON")
    .action((opts: { json?: boolean }) =>
      run(opts, async (rt) => {
        const all = await rt.sv.staff.list();
        if (opts.json) return printJson(all);
        printLines(all.length ? table(all.map(describe)) : [t(rt.locale).staff.noStaffYetAddOne]);
      }),
    );
  staff
    .command("link <who>")
    .description("Link a Slack or Teams account to a staff member")
    .option("--slack <team:user>", "Slack team and user id")
    .option("--teams <tenant:aadObjectId>", "Teams tenant and AAD object id")
    .option("--as <who>", "acting admin")
    .option("--json", "print JSON")
    .action((who: string, opts: { slack?: string; teams?: string; as?: string; json?: boolean }) =>
      run(opts, async (rt) => {
        const ctx = await actingAs(rt, opts.as);
        const target = await rt.sv.staff.find(who);
        if (!target) throw new CliUsageError((m) => m.usage.noStaffMember(who));
        const identity = opts.slack ? parseIdentity("slack", opts.slack) : opts.teams ? parseIdentity("teams", opts.teams) : undefined;
        if (!identity) throw new CliUsageError((m) => m.usage.giveSlackOrTeams);
        const updated = await rt.sv.staff.linkIdentity(target.id, identity, ctx);
        if (opts.json) return printJson(updated);
        printLines([`${updated.name}: ${updated.identities.map((i) => i.platform).join(", ")}`]);
      }),
    );
}
