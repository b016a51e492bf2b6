import { availabilityLines, hoursCapText, trainingText } from './membership-text';

describe('membership text', () => {
  it('writes training dates nl-NL and whether they still count', () => {
    expect(trainingText({ skill: 'phone', trainedOn: '2025-01-03', expiresOn: null, current: true })).toBe(
      'Trained 3 jan 2025, does not expire',
    );
    expect(
      trainingText({ skill: 'chat', trainedOn: '2025-01-03', expiresOn: '2027-01-02', current: true }),
    ).toBe('Trained 3 jan 2025, counts until 2 jan 2027');
    expect(
      trainingText({ skill: 'chat', trainedOn: '2024-01-03', expiresOn: '2026-01-02', current: false }),
    ).toBe('Trained 3 jan 2024, expired 2 jan 2026');
    expect(trainingText({ skill: 'email', trainedOn: null, expiresOn: null, current: false })).toBe(
      'Not trained yet',
    );
  });

  it('lists availability Monday first, and says when there is none', () => {
    expect(
      availabilityLines([
        { weekday: 6, from: '08:00', to: '20:00' },
        { weekday: 1, from: '10:00', to: '24:00' },
      ]),
    ).toEqual(['Monday 10:00–24:00', 'Saturday 08:00–20:00']);
    expect(availabilityLines([])).toEqual(['Any day, any time']);
  });

  it('names the hours caps', () => {
    expect(hoursCapText({ maxHoursPerWeek: 16, maxHoursPerPeak: null })).toBe('At most 16 h a week');
    expect(hoursCapText({ maxHoursPerWeek: 16, maxHoursPerPeak: 40 })).toBe(
      'At most 16 h a week, 40 h a peak',
    );
    expect(hoursCapText({ maxHoursPerWeek: null, maxHoursPerPeak: null })).toBe('No limit of your own');
  });
});
