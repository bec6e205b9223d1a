/**
 * How the entry points end, so a service manager can tell a requested stop from a failure and a
 * failure it should alert on from one a restart may cure. The README lists them.
 */
export const EXIT = {
  /** Stopped by SIGTERM or SIGINT (or `:quit` in the console), after finishing or cutting the work in flight. */
  ok: 0,
  /** Could not start: a bad setting (the message names it), briefs that cannot be loaded, no DISCORD_TOKEN without a terminal, Discord unreachable. */
  startFailed: 1,
  /** `npm run ask` was called wrongly (the usage is printed). */
  usage: 2,
  /** Discord rejected DISCORD_TOKEN, at start or while running (gateway 4004, REST 401). */
  token: 3,
  /** Discord closed the gateway for good for another reason (disallowed intents, sharding). */
  gateway: 4,
  /** An unexpected error no handler caught; logged in full. */
  internal: 70,
} as const;
