// The library's browser entry point: calendar, forecast and staffing, without the HiGHS solver and the
// Node worker threads of `shifts` (a test walks its imports). The dashboard's in-browser what-ifs load
// this; the service and the command line load the whole library from index.ts.
export * from './calendar';
export * from './forecast';
export * from './staffing';
