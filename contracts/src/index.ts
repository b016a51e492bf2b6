export * from './health.contract';
export * from './queues.contract';
export * from './history.contract';
export * from './events.contract';
export * from './auth.contract';
export * from './accounts.contract';
export * from './history-import.contract';
export * from './forecast-runs.contract';
