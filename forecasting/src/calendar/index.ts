export * from './easter';
export * from './event-definition';
export * from './event-occurrences';
export * from './event-presets';
export * from './event-rule';
export * from './iso-date';
export * from './public-holidays';
export * from './observance-rules';
