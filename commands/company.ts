import { SlashCommandBuilder } from 'discord.js';
import type { Organisation } from '../src/core/types.ts';
import type { SlashCommand } from '../src/discord/command.ts';
import { LIMITS, truncate } from '../src/discord/limits.ts';
import { renderCompany, renderNotice } from '../src/discord/render.ts';
import { sendReply } from '../src/discord/respond.ts';

const MAX_NAME_LENGTH = 100;

/**
 * Organisations whose name or an alias matches `typed`, best first: names starting with it, then
 * aliases starting with it, then names or aliases containing it. At most 25, Discord's limit.
 */
export function matchOrganisations(
  organisations: readonly Organisation[],
  typed: string,
): { name: string; value: string }[] {
  const query = typed.trim().toLowerCase();
  const rank = (org: Organisation): number => {
    if (query === '') return 0;
    const name = org.name.toLowerCase();
    const aliases = org.aliases.map((alias) => alias.toLowerCase());
    if (name.startsWith(query)) return 0;
    if (aliases.some((alias) => alias.startsWith(query))) return 1;
    if (name.includes(query) || aliases.some((alias) => alias.includes(query))) return 2;
    return -1;
  };
  return organisations
    .map((org) => ({ org, rank: rank(org) }))
    .filter((entry) => entry.rank >= 0)
    .sort((a, b) => a.rank - b.rank || a.org.name.localeCompare(b.org.name))
    .slice(0, LIMITS.autocompleteChoices)
    .map(({ org }) => {
      const alias = org.aliases.find((a) => a.toLowerCase().includes(query) && query !== '');
      const label = alias !== undefined && !org.name.toLowerCase().includes(query) ? `${org.name} (${alias})` : org.name;
      return { name: truncate(label, LIMITS.choiceName), value: truncate(org.name, LIMITS.choiceValue) };
    });
}

/** `/company name:<text>`: what the briefs say about one organisation. */
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
    await sendReply(interaction, { payload: renderCompany(summary), ephemeral: false });
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
