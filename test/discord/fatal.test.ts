import { describe, expect, it } from 'vitest';
import { fatalLine, gatewayCloseReason } from '../../src/discord/fatal.ts';

describe('gatewayCloseReason', () => {
  it('reads 4004 as a refused token and names DISCORD_TOKEN', () => {
    const reason = gatewayCloseReason(4004);
    expect(reason?.kind).toBe('token');
    expect(fatalLine(reason ?? { kind: 'token', detail: '' })).toMatch(/^Discord rejected DISCORD_TOKEN \(the gateway closed with 4004/);
  });

  it('names the setting for the other codes discord.js does not reconnect after', () => {
    expect(gatewayCloseReason(4014)).toMatchObject({ kind: 'gateway', code: 4014, detail: expect.stringContaining('ANSWER_CHANNEL_IDS') });
    expect(gatewayCloseReason(4010)?.detail).toContain('DISCORD_SHARDS');
    expect(gatewayCloseReason(4011)?.detail).toContain('DISCORD_SHARDS=auto');
  });

  it('leaves codes discord.js resumes or reconnects after alone', () => {
    for (const code of [1000, 1006, 4000, 4007, 4008, 4009]) expect(gatewayCloseReason(code)).toBeNull();
  });
});
