// The demo organisation's data and the library's synthetic test series: for the product's demo mode,
// fixtures, tests and benches. Outside the library's public index (`@peakplan/forecasting`); imported
// as `@peakplan/forecasting/demo`.
export * from './demo-daily-history';
export * from './demo-history';
export * from './demo-peaks';
export * from './demo-queues';
export * from './poisson';
export * from './synthetic-phone-history';
