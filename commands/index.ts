/** Every slash command, read by both the deploy script and the interaction router. */
import type { SlashCommand } from '../src/discord/command.ts';
import ask from './ask.ts';
import company from './company.ts';
import help from './help.ts';
import queue from './queue.ts';
import refresh from './refresh.ts';
import sources from './sources.ts';
import stats from './stats.ts';

export const commands: readonly SlashCommand[] = [ask, company, sources, refresh, help, queue, stats];
