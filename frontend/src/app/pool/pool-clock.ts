import { DestroyRef, inject, signal, type Signal } from '@angular/core';

/** The current time as a signal that moves every 30 s, so cut-offs and windows close on screen too. */
export function poolClock(): Signal<Date> {
  const now = signal(new Date());
  const timer = setInterval(() => now.set(new Date()), 30_000);
  inject(DestroyRef).onDestroy(() => clearInterval(timer));
  return now.asReadonly();
}
