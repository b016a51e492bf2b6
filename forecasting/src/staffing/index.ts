// Staffing: contacts per interval → agents (Erlang B/C/A, chat, occupancy cap, shrinkage, deferred queues).
export * from './deferred-staffing';
export * from './erlang-a';
export * from './erlang-b';
export * from './erlang-c';
export * from './live-queue-settings';
export * from './service-level-with-agents';
export * from './shrinkage';
export * from './staff-interval';
export * from './staff-intervals';
export * from './staffing-types';
export * from './workload';
