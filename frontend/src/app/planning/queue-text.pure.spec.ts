import { durationText, serviceTargetText } from './queue-text';

describe('queue-text', () => {
  it('describes a live target in seconds', () => {
    expect(serviceTargetText({ serviceLevelTarget: 0.8, targetSeconds: 20 })).toBe('80% within 20 s');
  });

  it('describes a deferred target in hours', () => {
    expect(serviceTargetText({ serviceLevelTarget: 0.95, targetSeconds: 86_400 })).toBe('95% within 24 h');
  });

  it('keeps one decimal of a share', () => {
    expect(serviceTargetText({ serviceLevelTarget: 0.875, targetSeconds: 60 })).toBe('87.5% within 60 s');
  });

  it('uses minutes for a few minutes and hours beyond', () => {
    expect(durationText(300)).toBe('5 min');
    expect(durationText(3600)).toBe('1 h');
    expect(durationText(5400)).toBe('90 min');
    expect(durationText(4 * 3600)).toBe('4 h');
    expect(durationText(9000)).toBe('2.5 h');
  });
});
