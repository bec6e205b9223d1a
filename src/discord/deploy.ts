/**
 * Registering the slash commands with Discord: globally, or in one guild for instant updates.
 * Done by `npm run deploy`, never on every start (Discord limits command creations per day).
 */
import { REST, Routes, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { SlashCommand } from './command.ts';

/** The JSON Discord receives for `commands`. */
export function commandsPayload(commands: readonly SlashCommand[]): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return commands.map((command) => command.data.toJSON());
}

export interface DeployTarget {
  readonly token: string;
  readonly clientId: string;
  /** Register in this guild only; null registers globally. */
  readonly guildId: string | null;
  /** REST base (without version); null for Discord's. */
  readonly apiUrl: string | null;
}

/** Replaces the application's commands with `commands`; returns how many Discord now has. */
export async function deployCommands(commands: readonly SlashCommand[], target: DeployTarget): Promise<number> {
  const rest = new REST(target.apiUrl === null ? {} : { api: target.apiUrl }).setToken(target.token);
  const route =
    target.guildId === null
      ? Routes.applicationCommands(target.clientId)
      : Routes.applicationGuildCommands(target.clientId, target.guildId);
  const registered = await rest.put(route, { body: commandsPayload(commands) });
  return Array.isArray(registered) ? registered.length : commands.length;
}
