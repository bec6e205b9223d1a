/**
 * Routes interactions to slash commands, autocomplete handlers and component handlers; any other
 * kind gets a short ephemeral reply. Anything a handler throws is logged with an id and answered
 * with a short ephemeral message carrying the same id; the bot keeps running.
 */
import { randomBytes } from 'node:crypto';
import type { Interaction } from 'discord.js';
import type { CommandContext, SlashCommand } from './command.ts';
import { handleComponent } from './components.ts';
import { parseCustomId } from './customIds.ts';
import { renderNotice } from './render.ts';
import { sendReply } from './respond.ts';

/** The reply to an interaction of a kind the bot never registered, instead of Discord's "This interaction failed". */
export const UNHANDLED_NOTICE = "I don't handle that here. Try /help to see what I can do.";

/** Returns a handler that routes each interaction to its command or component. */
export function createInteractionRouter(
  commands: readonly SlashCommand[],
): (interaction: Interaction, ctx: CommandContext) => Promise<void> {
  const byName = new Map(commands.map((command) => [command.data.name, command]));

  return async (interaction, ctx) => {
    try {
      if (interaction.isAutocomplete()) {
        const command = byName.get(interaction.commandName);
        if (command?.autocomplete === undefined) await interaction.respond([]);
        else await command.autocomplete(interaction, ctx);
        return;
      }
      if (interaction.isChatInputCommand()) {
        ctx.commands.learn(interaction.commandName, interaction.commandId);
        const command = byName.get(interaction.commandName);
        if (command === undefined) {
          await sendReply(interaction, {
            payload: renderNotice('I no longer have that command. Try /help.'),
            ephemeral: true,
          });
          return;
        }
        await command.execute(interaction, ctx);
        return;
      }
      if (interaction.isButton() || interaction.isStringSelectMenu()) {
        const action = parseCustomId(interaction.customId);
        if (action === null) {
          await sendReply(interaction, {
            payload: renderNotice('That control is not mine or has expired. Try /help.'),
            ephemeral: true,
          });
          return;
        }
        await handleComponent(interaction, action, ctx);
        return;
      }
      // A modal, a context-menu command, another kind of select: nothing the bot registered.
      ctx.logger.info('interaction not handled', { type: interaction.type });
      if (interaction.isRepliable()) await sendReply(interaction, { payload: renderNotice(UNHANDLED_NOTICE), ephemeral: true });
    } catch (error) {
      await reportFailure(interaction, error, ctx);
    }
  };
}

/** Logs `error` under a new id and tells the user, if the interaction can still be answered. */
async function reportFailure(interaction: Interaction, error: unknown, ctx: CommandContext): Promise<void> {
  const errorId = randomBytes(4).toString('hex');
  ctx.logger.error('interaction failed', {
    errorId,
    err: error,
    type: interaction.type,
    command: interaction.isCommand() || interaction.isAutocomplete() ? interaction.commandName : null,
    customId: interaction.isMessageComponent() ? interaction.customId : null,
    guild: interaction.guildId,
  });
  try {
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]);
      return;
    }
    if (!interaction.isRepliable()) return;
    await sendReply(interaction, {
      payload: renderNotice(`Sorry, something went wrong on my side (error id \`${errorId}\`). Please try again.`),
      ephemeral: true,
    });
  } catch (replyError) {
    ctx.logger.warn('could not report failure to user', { errorId, err: replyError });
  }
}
