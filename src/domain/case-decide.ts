import { approve, cancel, close, expire, reject, review } from "./case-decision-commands.ts";
import { inspect, receive, ship } from "./case-logistics-commands.ts";
import { resolve } from "./case-resolve-command.ts";
import { type CommandResult, guard } from "./case-transition.ts";
import { err } from "./result.ts";
import type { CaseCommand, CommandMeta, ReturnCase } from "./return-case.ts";

/**
 * The return-case state machine's one entry point: pure, no I/O, no clock (time is in `meta`).
 * Refuses commands the transition table does not allow from the current status.
 */
export function decide(c: ReturnCase, cmd: CaseCommand, meta: CommandMeta): CommandResult {
  const refused = guard(c, cmd);
  if (refused) return err(refused);
  switch (cmd.type) {
    case "approve":
      return approve(c, cmd, meta);
    case "reject":
      return reject(c, cmd, meta);
    case "review":
      return review(c, cmd, meta);
    case "cancel":
      return cancel(c, cmd, meta);
    case "ship":
      return ship(c, cmd, meta);
    case "receive":
      return receive(c, cmd, meta);
    case "inspect":
      return inspect(c, cmd, meta);
    case "resolve":
      return resolve(c, cmd, meta);
    case "close":
      return close(c, cmd, meta);
    case "expire":
      return expire(c, cmd, meta);
  }
}
