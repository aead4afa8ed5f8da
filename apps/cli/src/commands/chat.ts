import type { Command } from "commander";
import { reportError } from "../output";
import { actingAs, cliLocale, openRuntime } from "../runtime";

export function registerChat(program: Command): void {
  program
    .command("chat")
    .description("Talk to the bot in the terminal, as a staff member (--as or SAMVERKAN_USER)")
    .option("--as <who>", "staff member (e-mail, id or name)")
    .action(async (opts: { as?: string }) => {
      const rt = await openRuntime().catch((error: unknown) => {
        process.exitCode = reportError(error, cliLocale(), false);
        return undefined;
      });
      if (!rt) return;
      try {
        const ctx = await actingAs(rt, opts.as);
        const staff = await rt.sv.staff.get("staffId" in ctx.actor ? ctx.actor.staffId : "");
        // The engine and terminal UI load only for this command, keeping other commands' start fast.
        const [{ createEngine }, { runTerminalChat }] = await Promise.all([import("@samverkan/chat"), import("../terminal/chat")]);
        await runTerminalChat({ engine: createEngine({ samverkan: rt.sv }), staff, input: process.stdin, output: process.stdout });
      } catch (error) {
        process.exitCode = reportError(error, rt.locale, false);
      } finally {
        await rt.close();
      }
    });
}
