// The browser-safe part of the library, for the dashboard's bundle: the event calendar's date rules,
// the staffing formulas and the scenario computation (recomputed in a Web Worker). Leaves out what
// needs Node or weighs a lot in a page: the shift solver (HiGHS WebAssembly, worker threads), public
// holidays (date-holidays) and the forecast engine.
export * from './calendar/easter';
export * from './calendar/event-definition';
export * from './calendar/event-occurrences';
export * from './calendar/event-rule';
export * from './calendar/iso-date';
export * from './staffing';
export * from './scenarios';
