import { hostname } from 'node:os';

/** This process among the service's instances, as recorded beside the work it did: `host:pid`. */
export const INSTANCE_NAME = `${hostname()}:${process.pid}`;
