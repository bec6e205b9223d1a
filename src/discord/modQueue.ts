/**
 * The moderators' queue in MOD_CHANNEL_ID: one message per group of open requests asking much the
 * same, updated as more people ask, with "Mark covered" and "Dismiss" for moderators — members with
 * Manage Server, or with MOD_ROLE_ID.
 */
import { PermissionFlagsBits, Routes, type APIMessage, type ButtonInteraction, type Client, type Interaction } from 'discord.js';
import type { Config } from '../config.ts';
import type { RequestGroup } from '../desk/requests.ts';
import { codeOf, UNREACHABLE_CODES } from './apiErrors.ts';
import type { CommandContext } from './command.ts';
import type { DeskAction } from './deskIds.ts';
import { renderQueueItem, renderResolvedQueueItem } from './deskRender.ts';
import { renderNotice, type ReplyPayload } from './render.ts';
import { restBody, sendReply } from './respond.ts';

/** Whether the member behind an interaction may act for the desk. */
export function isDeskModerator(interaction: Interaction, config: Pick<Config, 'modRoleId'>): boolean {
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) === true) return true;
  const roleId = config.modRoleId;
  const roles = interaction.member?.roles;
  if (roleId === null || roles === undefined) return false;
  return Array.isArray(roles) ? roles.includes(roleId) : roles.cache.has(roleId);
}

/** The refusal shown to members who are not moderators. */
export function moderatorsOnly(config: Pick<Config, 'modRoleId'>): ReplyPayload {
  return renderNotice(
    config.modRoleId === null
      ? 'Only members with the Manage Server permission can do that.'
      : `Only members with the Manage Server permission or the <@&${config.modRoleId}> role can do that.`,
  );
}

/**
 * Posts the group's queue item, or updates the one already posted (how many asked, the latest
 * notes). Failures are logged: the request is recorded and /queue lists it either way.
 */
export async function publishToQueue(client: Client, group: RequestGroup, ctx: CommandContext): Promise<void> {
  const channelId = ctx.config.modChannelId;
  const records = ctx.desk.records;
  if (channelId === null || records === null) return;
  const body = restBody(renderQueueItem(group));
  try {
    if (group.queueItem !== null) {
      try {
        await client.rest.patch(Routes.channelMessage(group.queueItem.channelId, group.queueItem.messageId), { body });
        return;
      } catch (error) {
        // A queue item someone deleted is posted again.
        if (!UNREACHABLE_CODES.has(codeOf(error))) throw error;
      }
    }
    const posted = (await client.rest.post(Routes.channelMessages(channelId), { body })) as APIMessage;
    records.requests.setQueueItem(group.groupId, channelId, posted.id);
  } catch (error) {
    ctx.logger.warn('could not post to the moderators’ queue', { channel: channelId, group: group.groupId, err: error });
  }
}

/** "Mark covered" or "Dismiss" on a queue item. */
export async function handleQueueButton(interaction: ButtonInteraction, action: Extract<DeskAction, { kind: 'queue' }>, ctx: CommandContext): Promise<void> {
  if (!isDeskModerator(interaction, ctx.config)) {
    await sendReply(interaction, { payload: moderatorsOnly(ctx.config), ephemeral: true });
    return;
  }
  const records = ctx.desk.records;
  if (records === null) {
    await sendReply(interaction, { payload: renderNotice('The fact-check desk’s records are unavailable right now; nothing was changed.'), ephemeral: true });
    return;
  }
  const group = records.requests.group(action.groupId);
  if (group === undefined) {
    await sendReply(interaction, { payload: renderNotice('These requests were already handled.'), ephemeral: true });
    return;
  }
  const at = ctx.now();
  const changed = records.requests.resolveGroup(action.groupId, action.status, at);
  const resolved = renderResolvedQueueItem(group, action.status, interaction.user.id, at);
  await interaction.update({ content: resolved.content, embeds: resolved.embeds, components: resolved.components, allowedMentions: { parse: [] } });
  ctx.logger.info('requests resolved', { group: action.groupId, status: action.status, requests: changed });
}
