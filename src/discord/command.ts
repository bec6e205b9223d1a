/**
 * The shape of a slash command module and the context every handler receives.
 */
import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Config } from '../config.ts';
import type { Knowledge } from '../core/types.ts';
import type { Desk } from '../desk/desk.ts';
import type { Logger } from '../logger.ts';
import type { CommandMentions } from './commandMentions.ts';
import type { Cooldown } from './cooldown.ts';

/** What the bot shares across all handlers, created once at start. */
export interface BotContext {
  readonly knowledge: Knowledge;
  readonly logger: Logger;
  readonly config: Config;
  readonly cooldown: Cooldown;
  /** Clickable `</ask:ID>` mentions of the bot's commands for its help texts. */
  readonly commands: CommandMentions;
  readonly now: () => Date;
  /** The desk's records (feedback, requests, corrections); `desk.records` is null when they are off. */
  readonly desk: Desk;
  /** Sends the corrections a refresh planned, a few at a time; `kick` wakes it. */
  readonly corrections: { kick(): void };
}

/** The context of one interaction or message: the shared one plus when it arrived. */
export interface CommandContext extends BotContext {
  /** `Date.now()` when the bot received the event, for latency logs and defer decisions. */
  readonly receivedAt: number;
  /** The id of the interaction or message being handled: the key of the answer it gets. */
  readonly eventId: string;
}

/** One slash command: its definition (as registered by deploy) and its handlers. */
export interface SlashCommand {
  readonly data: { readonly name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void>;
}
