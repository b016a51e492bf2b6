// Contact reasons at the peaks and the quality of the answer.
export * from './reason-analysis';
export * from './reason-mix-by-offset';
export * from './reason-staffing-hours';
export * from './service-quality';
