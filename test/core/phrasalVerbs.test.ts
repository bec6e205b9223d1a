import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LiveKnowledge } from '../../src/core/knowledge.ts';
import { openKnowledge } from '../../src/io/openKnowledge.ts';
import { words } from '../../src/core/text.ts';

// People ask with phrasal verbs ("burn through", "bottom out") that the briefs write as one plain
// word ("use", "fell"); data/informal.json reads the phrase as that word, in questions and briefs alike.
const corpus = (name: string) => fileURLToPath(new URL(`../fixtures/${name}/`, import.meta.url));
let desk: LiveKnowledge;
let desk3: LiveKnowledge;
let desk6: LiveKnowledge;

beforeAll(async () => {
  const open = (name: string) => openKnowledge({ seedsDir: corpus(name) });
  [desk, desk3, desk6] = await Promise.all([open('desk-corpus'), open('desk3-corpus'), open('desk6-corpus')]);
});

describe('phrasal verbs', () => {
  it('reads each inflection of the phrase as the plain word', () => {
    expect(words('it burned through cash')).toEqual(['it', 'used', 'cash']);
    expect(words('prices bottomed out')).toEqual(['prices', 'fell']);
    // A chat spelling inside the phrase ("thru") is read first.
    expect(words('it burns thru cash')).toEqual(['it', 'uses', 'cash']);
    // "take place" asks when it happened; "kick in" is when a rule takes effect.
    expect(words('when did the stream take place')).toEqual(['when', 'did', 'the', 'stream', 'happen']);
    expect(words('when did the rent cap kick in')).toEqual(['when', 'did', 'the', 'rent', 'cap', 'take', 'effect']);
    expect(words('how many cans were pulled from the shelves')).toEqual(['how', 'many', 'cans', 'were', 'recalled']);
    // Taking over a company is buying it; taking over as its boss is becoming that.
    expect(words('when musk took over twitter')).toEqual(['when', 'musk', 'acquired', 'twitter']);
    expect(words('when she took over as chief executive')).toEqual(['when', 'she', 'became', 'chief', 'executive']);
    expect(words('who is taking over as ceo')).toEqual(['who', 'is', 'becoming', 'ceo']);
  });

  it('reads the chat spellings of night and tomorrow', () => {
    expect(words('closest to midnite tonite')).toEqual(['closest', 'to', 'midnight', 'tonight']);
    expect(words('the nite bus tmrw')).toEqual(['the', 'night', 'bus', 'tomorrow']);
  });

  it('reads the short forms of mount and of units ("mt everest in ft", "lbs", "mins")', () => {
    expect(words('how tall is mt everest in ft')).toEqual(['how', 'tall', 'is', 'mount', 'everest', 'in', 'feet']);
    expect(words('5 lbs in 10 mins')).toEqual(['5', 'pounds', 'in', '10', 'minutes']);
  });

  it('answers "how tall is mt everest" rather than declining it for a name no brief mentions', async () => {
    const desk = await openKnowledge({ seedsDir: fileURLToPath(new URL('../fixtures/desk-corpus/', import.meta.url)) });
    const answer = desk.answer('how tall is mt everest in ft');
    expect(answer.declineReason).toBeNull();
    expect(answer.units.map((u) => u.text).join(' ')).toMatch(/8,848\.86 metres/);
  });

  it('drops "in the end", which asks for the final figure, not about an end ("by the end of 2024" keeps it)', () => {
    expect(words('what did the paris games cost in the end')).toEqual(['what', 'did', 'the', 'paris', 'games', 'cost']);
    expect(words('by the end of 2024')).toEqual(['by', 'the', 'end', 'of', '2024']);
    const answer = desk.answer('What did the Paris Games cost in the end?');
    expect(answer.declineReason).toBeNull();
    expect(answer.units[0]?.doc).toMatch(/paris-olympics/);
  });

  it('reads "tech", "lend" and "buyout" as the words the briefs write', () => {
    expect(words('big tech firms')).toEqual(['big', 'technology', 'firms']);
    expect(words('how much did the banks lend for the buyout')).toEqual(['how', 'much', 'did', 'the', 'banks', 'loan', 'for', 'the', 'takeover']);
    const answer = desk.answer('how much money did banks lend musk for the twitter buyout');
    expect(answer.declineReason).toBeNull();
    expect(answer.units.map((u) => u.text).join(' ')).toMatch(/\$13 billion in bank loans/);
  });

  it('drops "on earth", which only stresses ("most nations on Earth", "what on earth is it")', () => {
    expect(words('more power than most nations on Earth')).toEqual(['more', 'power', 'than', 'most', 'nations']);
    expect(words('what on earth is ICM')).toEqual(['what', 'is', 'icm']);
  });

  it('answers "burn through" from a brief that says "use", not declining for a word it never says', () => {
    const answer = desk.answer('how much electricity does bitcoin burn through each year');
    expect(answer.answered).toBe(true);
    expect(answer.units[0]?.text).toMatch(/150 terawatt-hours/);
  });

  it('answers "bottom out" with the low point the brief gives', () => {
    const answer = desk3.answer('what did american life expectancy bottom out at');
    expect(answer.answered).toBe(true);
    expect(answer.units[0]?.text).toMatch(/76\.4/);
  });

  it('answers a question typed "1.4b" as one about $1.4 billion, not declining it for the name "b"', () => {
    const answer = desk6.answer('is crestway fighting the irs over 1.4b');
    expect(answer.declineReason).toBeNull();
    expect(answer.units[0]?.doc).toMatch(/crestway-tax/);
  });

  it('answers a question typed "midnite" as one about midnight, not declining it for a name no brief mentions', () => {
    const answer = desk6.answer('when was the doomsday clock the farthest from midnite');
    expect(answer.declineReason).toBeNull();
    expect(answer.units.map((u) => u.text).join(' ')).toMatch(/17 minutes/);
  });
});
