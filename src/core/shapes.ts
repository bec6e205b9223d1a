/**
 * The shapes of a brief's lines that carry its structure, in both page shapes a desk's folder holds:
 * the newer one (question title, "Checked on", "Executive summary", numbered sections, "Conclusion" /
 * "Bottom line", "Want to dive deeper?") and the older one ("Fact check: <claim>", "1. Summary of the
 * results", "2. Missing context/alternative viewpoints", "3. Potential misinformation/bias…", bullets).
 * Lines are matched with their whitespace collapsed.
 */

/** "Checked on March 3, 2025", "Checked on: 4 March 2025", "Last checked 2025-03-04". */
export const CHECKED =
  /^(?:Last )?Checked(?: on)?:? (?:([A-Za-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})|(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]+)\.?,? (\d{4})|(\d{4})-(\d{2})-(\d{2}))\.?$/i;
/** A short "Checked on ..." line whose date cannot be read: still metadata, never body text. */
export const CHECKED_PREFIX = /^(?:Last )?Checked(?: on\b|:).{0,30}$/i;
/** A Markdown heading's marks ("### 1. Summary of the results"). */
export const MARKDOWN_HEADING = /^#{1,6}\s+(?=\S)/;
export const PROMPTS = /^(?:\*\*)?Want to dive deeper\??(?:\*\*)?$/i;
/** "Fact check: <claim>", "**Fact-check:** <claim>", "Claim: <claim>". */
export const CLAIM = /^(?:\*\*)?(?:Fact[- ]?check(?:ed)?|Claim(?: checked)?)\s*:\s*(?:\*\*)?\s*(.+?)(?:\s*\*\*)?$/i;
/** An optional line with the brief's address. */
export const LINK = /^(?:Link|URL|Source URL|Permalink)\s*:\s*(https?:\/\/\S+)$/i;
/** "Executive summary", "Conclusion", "Bottom line", "Summary of the results", alone or followed by a separator and text. */
export const BARE_HEADING =
  /^(Executive summary|Conclusions?|Bottom line|Summary of (?:the )?(?:results|findings)|Missing context(?:\s*\/\s*alternative viewpoints)?|Potential misinformation(?:\s*\/\s*bias)?(?: in the original statement)?)(?:\s*[:.—–-]\s*(.*))?$/i;
/**
 * The older shape's section names at the start of a numbered line that goes on with the section's
 * text ("1. Summary of the results: The claim…", "1. Summary of the results The claim is false…"):
 * the heading ends where the name does, when a separator or a new sentence follows it (not in
 * "7. Bottom line and reporting limits").
 */
export const KNOWN_HEADING_PREFIX =
  /^(Summary of (?:the )?(?:results|findings)|Missing context(?:\s*\/\s*alternative viewpoints)?|Potential misinformation(?:\s*\/\s*bias)?(?: in the original statement)?|Bottom line|Conclusions?)(?:\*\*)?(\s*[:.—–-]\s*|\s+)(?=\S)/i;
/** "3. Heading", "**3. Heading**", "2. 2. Heading", "1) Heading". */
export const NUMBERED = /^(\d{1,2})[.)]\s+(?:\d{1,2}[.)]\s+)*(.+)$/;
/** Headings whose passage is the brief's bottom line or its summary. */
export const CONCLUSION = /^(?:conclusions?|bottom line)\b/i;
export const SUMMARY = /^(?:executive summary|summary of (?:the )?(?:results|findings))\b/i;
/** A bullet item: "- text", "• text", "* text", "– text". */
export const BULLET = /^[-•*▪◦–]\s+(.+)$/u;
/** Markdown bold around a whole line or its start ("**3. Heading**", "**Label:** text"). */
export const BOLD_WRAP = /^\*\*(.+?)\*\*:?$/;
/** A bold start of a line with text after it ("**1. Summary of the results:** The claim…"). */
export const BOLD_LEAD = /^\*\*([^*]{1,120}?):?\*\*:?\s+(?=\S)/;

/** True for a line that is part of a brief's structure rather than its prose. */
export function isStructural(line: string): boolean {
  const bare = line.replace(MARKDOWN_HEADING, '').replace(BOLD_WRAP, '$1');
  return (
    CHECKED_PREFIX.test(bare) ||
    PROMPTS.test(bare) ||
    CLAIM.test(bare) ||
    LINK.test(bare) ||
    BARE_HEADING.test(bare) ||
    NUMBERED.test(bare)
  );
}
