/**
 * Reading Discord's REST errors: which mean the channel or message is out of reach for good (it
 * was deleted, or the bot lost access), as opposed to a passing failure worth retrying.
 */

/** Unknown Channel, Unknown Message, Missing Access, Missing Permissions. */
export const UNREACHABLE_CODES: ReadonlySet<number> = new Set([10003, 10008, 50001, 50013]);

/** Cannot send messages to this user (DMs closed, or no server in common). */
export const CANNOT_MESSAGE_USER = 50007;

/** The Discord error code of a failed REST call, or 0 when it has none. */
export function codeOf(error: unknown): number {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : 0;
}

/** Whether a failure may pass: no HTTP status (the network) or a server error. */
export function isPassingFailure(error: unknown): boolean {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status !== 'number' || status >= 500;
}
