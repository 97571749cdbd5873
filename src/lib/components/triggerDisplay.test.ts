import { describe, expect, it } from 'vitest';
import { groupTriggers } from './triggerDisplay';

describe('groupTriggers', () => {
  it('sorts terms, combinations and exclusions, keeping their order and reading facts and prefixes', () => {
    const groups = groupTriggers(['testicle', 'hallucinat*', 'gave birth|giving birth + voices|not sleeping', '@child + floppy', '!@adult', '!rash + fever|temperature', '蛋疼']);
    expect(groups.terms).toEqual(['testicle', 'hallucinat…', '蛋疼']);
    expect(groups.combinations).toEqual([
      [
        [{ kind: 'term', text: 'gave birth' }, { kind: 'term', text: 'giving birth' }],
        [{ kind: 'term', text: 'voices' }, { kind: 'term', text: 'not sleeping' }],
      ],
      [[{ kind: 'fact', fact: 'child' }], [{ kind: 'term', text: 'floppy' }]],
    ]);
    expect(groups.exclusions).toEqual([
      [[{ kind: 'fact', fact: 'adult' }]],
      [[{ kind: 'term', text: 'rash' }], [{ kind: 'term', text: 'fever' }, { kind: 'term', text: 'temperature' }]],
    ]);
  });

  it('drops empty terms and empty alternatives', () => {
    expect(groupTriggers(['  ', 'a||b + ', '!'])).toEqual({ terms: [], combinations: [[[{ kind: 'term', text: 'a' }, { kind: 'term', text: 'b' }]]], exclusions: [], emergencySigns: [] });
  });

  it('lists emergency signs apart, single terms and combinations alike, and no exclusion among them', () => {
    const groups = groupTriggers(['sciatica', 'emergency: saddle numbness', 'Emergency：back pain|sciatica + wipe|bladder', 'emergency: !numb', 'emergency:  ']);
    expect(groups.terms).toEqual(['sciatica']);
    expect(groups.combinations).toEqual([]);
    expect(groups.emergencySigns).toEqual([
      [[{ kind: 'term', text: 'saddle numbness' }]],
      [
        [{ kind: 'term', text: 'back pain' }, { kind: 'term', text: 'sciatica' }],
        [{ kind: 'term', text: 'wipe' }, { kind: 'term', text: 'bladder' }],
      ],
    ]);
  });
});
