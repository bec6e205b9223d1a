import { readConfig } from './environment.ts';
import { EXIT } from './exitCodes.ts';

// `npm run deploy`: registers the slash commands, in DISCORD_GUILD_ID if set (instant), else globally
// (Discord may take up to an hour to show global changes). discord.js is loaded only once the
// configuration is known to be complete, so a missing variable is reported at once.

const config = readConfig();
const missing = [
  config.discordToken === null ? 'DISCORD_TOKEN (the bot token, from the Developer Portal → Bot)' : null,
  config.discordClientId === null
    ? 'DISCORD_CLIENT_ID (the application id, from the Developer Portal → General Information)'
    : null,
].filter((line): line is string => line !== null);
if (missing.length > 0 || config.discordToken === null || config.discordClientId === null) {
  process.stderr.write(`npm run deploy needs:\n${missing.map((line) => `  ${line}`).join('\n')}\n`);
  process.exit(EXIT.startFailed);
}

const { commands } = await import('../../commands/index.ts');
const { deployCommands } = await import('../discord/deploy.ts');
try {
  const count = await deployCommands(commands, {
    token: config.discordToken,
    clientId: config.discordClientId,
    guildId: config.discordGuildId,
    apiUrl: config.discordApiUrl,
  });
  const where = config.discordGuildId === null ? 'globally' : `in guild ${config.discordGuildId}`;
  process.stdout.write(`Registered ${count} commands ${where}: ${commands.map((c) => `/${c.data.name}`).join(' ')}\n`);
  process.exit(EXIT.ok);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`Could not register the commands: ${message.split(config.discordToken).join('[redacted]')}\n`);
  process.exit(EXIT.startFailed);
}
