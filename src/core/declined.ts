import type { Answer, DeclineReason, TraceStage } from './types.ts';

/** An answer that declines: the reason and the message, nothing quoted, and the questions the briefs do answer. */
export function declinedAnswer(question: string, reason: DeclineReason, message: string, suggestions: string[], trace: TraceStage[] | null): Answer {
  return {
    question,
    answered: false,
    declineReason: reason,
    answer: message,
    units: [],
    sources: [],
    topic: null,
    note: null,
    readAs: null,
    more: [],
    followUps: [],
    confidence: 0,
    alternatives: [],
    suggestions,
    ...(trace ? { trace: { stages: trace } } : {}),
  };
}
