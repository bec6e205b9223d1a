/**
 * A small structured logger: one JSON line per event, to stderr by default. Secrets handed to it
 * (the bot token) are replaced in every line, wherever they appear.
 */
import { LOG_LEVELS, type LogLevel } from './config.ts';

/** Extra structured fields of a log line. `err` values that are Errors are expanded. */
export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every line (e.g. `{ shard: 0 }`). */
  child(fields: LogFields): Logger;
  /** Whether lines at `level` are written; lets callers skip building costly fields. */
  enabled(level: LogLevel): boolean;
}

export interface LoggerOptions {
  readonly level: LogLevel;
  /** Strings that must never be written (the token); each occurrence becomes `[redacted]`. */
  readonly secrets?: readonly (string | null)[];
  /** Where lines go; defaults to stderr so stdout stays free for the console chat. */
  readonly write?: (line: string) => void;
  /** Clock, for tests. */
  readonly now?: () => Date;
}

/** Creates a logger writing lines at `options.level` and above. */
export function createLogger(options: LoggerOptions): Logger {
  const secrets = (options.secrets ?? []).filter(
    (secret): secret is string => secret !== null && secret.length > 0,
  );
  const write = options.write ?? ((line: string) => process.stderr.write(line));
  const now = options.now ?? (() => new Date());
  const threshold = LOG_LEVELS.indexOf(options.level);

  const make = (base: LogFields): Logger => {
    const enabled = (level: LogLevel): boolean => LOG_LEVELS.indexOf(level) >= threshold;
    const log = (level: LogLevel, msg: string, fields?: LogFields): void => {
      if (!enabled(level)) return;
      let line = JSON.stringify({ time: now().toISOString(), level, msg, ...base, ...serialize(fields) });
      for (const secret of secrets) line = line.split(secret).join('[redacted]');
      write(`${line}\n`);
    };
    return {
      debug: (msg, fields) => log('debug', msg, fields),
      info: (msg, fields) => log('info', msg, fields),
      warn: (msg, fields) => log('warn', msg, fields),
      error: (msg, fields) => log('error', msg, fields),
      child: (fields) => make({ ...base, ...fields }),
      enabled,
    };
  };
  return make({});
}

function serialize(fields: LogFields | undefined): Record<string, unknown> {
  if (fields === undefined) return {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    out[key] = value instanceof Error ? describeError(value) : value;
  }
  return out;
}

function describeError(error: Error): Record<string, unknown> {
  const described: Record<string, unknown> = { name: error.name, message: error.message, stack: error.stack };
  if ('code' in error) described['code'] = error.code;
  if (error.cause instanceof Error) described['cause'] = describeError(error.cause);
  return described;
}
