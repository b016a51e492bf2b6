import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';

import { JobQueue } from './job-queue';
import {
  RUNS_ON_JOB_QUEUE,
  type QueuedCall,
  type RunsOnJobQueueMetadata,
} from './runs-on-job-queue.decorator';

type Method = (...args: unknown[]) => Promise<unknown>;

/**
 * Wires every `@RunsOnJobQueue` method at start: its body becomes the job's handler on this instance,
 * and the method itself, as other code calls it, queues the job instead of running the body here.
 */
@Injectable()
export class JobQueueExplorer implements OnModuleInit {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly queue: JobQueue,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (!instance || typeof instance !== 'object') continue;
      const target = instance as Record<string, Method>;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const methodName of this.scanner.getAllMethodNames(prototype)) {
        const body = target[methodName];
        const metadata = this.reflector.get<RunsOnJobQueueMetadata | undefined>(RUNS_ON_JOB_QUEUE, body);
        if (!metadata) continue;
        const run = body.bind(instance);
        this.queue.work<QueuedCall>(metadata.name, (job) => run(...job.data.args));
        target[methodName] = metadata.wait
          ? (...args: unknown[]) => this.queue.sendAndWait(metadata.name, { args } satisfies QueuedCall)
          : async (...args: unknown[]) => {
              await this.queue.send(metadata.name, { args } satisfies QueuedCall);
            };
      }
    }
  }
}
