import dotenv from 'dotenv';
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { EXIT } from './exitCodes.ts';

/**
 * The one place entry points read the environment: `.env` (if present) under the process's own
 * variables, validated once. A bad value ends the process with the message naming the variable.
 */
export function readConfig(): Config {
  dotenv.config({ quiet: true });
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(EXIT.startFailed);
    }
    throw error;
  }
}
