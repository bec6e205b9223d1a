/**
 * Slash-command mentions for the bot's own texts: `</ask:123>`, which Discord shows as a clickable
 * command, once the command's id is known, and a plain `/ask` until then.
 */
import type { ClientApplication } from 'discord.js';

/** The ids of the registered commands, learned at start and from every command used. */
export class CommandMentions {
  readonly #ids = new Map<string, string>();

  /** Remembers the id a command is registered under (from an interaction, or a fetch). */
  learn(name: string, id: string): void {
    this.#ids.set(name, id);
  }

  /**
   * Reads the registered commands: the global ones, then the guild's (`DISCORD_GUILD_ID`), which
   * are the ones members see when both exist.
   */
  async fetch(application: ClientApplication, guildId: string | null): Promise<void> {
    for (const command of (await application.commands.fetch()).values()) this.learn(command.name, command.id);
    if (guildId !== null) {
      for (const command of (await application.commands.fetch({ guildId })).values()) this.learn(command.name, command.id);
    }
  }

  /** `</name:id>` when the id is known, else `/name`. */
  mention(name: string): string {
    const id = this.#ids.get(name);
    return id === undefined ? `/${name}` : `</${name}:${id}>`;
  }
}
