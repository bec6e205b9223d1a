/**
 * The phrase a brief's verdict opens with ("The claim is false", "is misleading", "Yes"): set in bold
 * in an answer, and compared between two checks of one claim to tell whether they agree.
 */
export const VERDICT_KEY =
  /^(?:yes|no)\b|\b(?:(?:the|this|that) claim is |(?:it|this|that) is )?(?:(?:mostly|partly|largely|half|not|roughly|broadly|only partly) )?(?:false|true|untrue|misleading|inaccurate|accurate|correct|incorrect|exaggerated|overstated|unsupported|unproven|a myth)\b/i;

/** What a verdict finds, as one word ("false", "mostly true", "yes"), or null when it opens with none of them. */
export function verdictFinding(text: string): string | null {
  const found = VERDICT_KEY.exec(text);
  return found === null ? null : found[0].toLowerCase().replace(/^(?:(?:the|this|that) claim is |(?:it|this|that) is )/, '');
}
