import phrases from '../../data/smallTalk.json' with { type: 'json' };

/** What a chat line is when it is not a question: a request for help, a goodbye, thanks or a greeting. */
export type SmallTalk = 'help' | 'leave' | 'thanks' | 'greeting';

const KINDS: readonly SmallTalk[] = ['help', 'leave', 'thanks', 'greeting'];
const BY_PHRASE = new Map<string, SmallTalk>(KINDS.flatMap((kind) => phrases[kind].map((p) => [normalise(p), kind] as const)));

/**
 * The small talk `line` is ("Thanks!", "hello", ":quit", "?"), or null for anything else, which is
 * a question. Only whole lines match: "help me find the ICE contract" is a question.
 */
export function smallTalk(line: string): SmallTalk | null {
  const text = normalise(line);
  return text === '' ? null : (BY_PHRASE.get(text) ?? (/^\?+$/.test(line.trim()) ? 'help' : null));
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/^\s*:/, '')
    .replace(/[\s!.,;…]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}
