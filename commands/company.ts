import { SlashCommandBuilder } from 'discord.js';
import { closeOrganisations, rankOrganisations } from '../src/core/organisationMatch.ts';
import { overview } from '../src/core/overview.ts';
import type { Organisation } from '../src/core/types.ts';
import { renderContext } from '../src/discord/answering.ts';
import type { SlashCommand } from '../src/discord/command.ts';
import { LIMITS, truncate } from '../src/discord/limits.ts';
import { renderCompany, renderNotice, renderUnknownCompany } from '../src/discord/render.ts';
import { sendReply } from '../src/discord/respond.ts';

const MAX_NAME_LENGTH = 100;

/**
 * Autocomplete choices for `typed`: organisations ranked by `rankOrganisations` (exact, prefix, word
 * prefix; never news outlets), labelled with the alias that matched when the name did not. At most
 * 25, Discord's limit.
 */
export function matchOrganisations(
  organisations: readonly Organisation[],
  typed: string,
): { name: string; value: string }[] {
  const query = typed.trim().toLowerCase();
  return rankOrganisations(organisations, typed)
    .slice(0, LIMITS.autocompleteChoices)
    .map((org) => {
      const alias = query === '' || org.name.toLowerCase().includes(query) ? undefined : org.aliases.find((a) => a.toLowerCase().includes(query));
      const label = alias === undefined ? org.name : `${org.name} (${alias})`;
      return { name: truncate(label, LIMITS.choiceName), value: truncate(org.name, LIMITS.choiceValue) };
    });
}

/** `/company name:<text>`: what the briefs say about one organisation, with a menu of its briefs. */
export default {
  data: new SlashCommandBuilder()
    .setName('company')
    .setDescription('What the fact-check briefs say about a company or agency.')
    .addStringOption((option) =>
      option
        .setName('name')
        .setDescription('e.g. Amazon, Microsoft, Palantir, ICE')
        .setRequired(true)
        .setMaxLength(MAX_NAME_LENGTH)
        .setAutocomplete(true),
    ),
  async execute(interaction, ctx) {
    const name = interaction.options.getString('name', true).trim();
    if (name === '') {
      await sendReply(interaction, { payload: renderNotice('Please name a company, e.g. `/company name: Palantir`.'), ephemeral: true });
      return;
    }
    const summary = ctx.knowledge.summarizeCompany(name);
    if (summary.found) {
      await sendReply(interaction, { payload: renderCompany(summary, renderContext(ctx)), ephemeral: false });
    } else {
      const close = closeOrganisations(ctx.knowledge.organisations(), name).map((o) => o.name);
      const payload = renderUnknownCompany(summary.name, close, close.length > 0 ? [] : overview(ctx.knowledge).topics);
      await sendReply(interaction, { payload, ephemeral: true });
    }
    ctx.logger.info('company', {
      guild: interaction.guildId,
      found: summary.found,
      latencyMs: Date.now() - ctx.receivedAt,
    });
  },
  async autocomplete(interaction, ctx) {
    await interaction.respond(matchOrganisations(ctx.knowledge.organisations(), interaction.options.getFocused()));
  },
} satisfies SlashCommand;
