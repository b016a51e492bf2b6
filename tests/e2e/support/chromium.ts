import { Browser, chromium, Page } from 'playwright-core';

/** The Debian chromium package; `npx playwright install` cannot download browsers on these machines. */
export const CHROMIUM_PATH = process.env['PEAKPLAN_CHROMIUM'] ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** Fails the test on a script error in the page, which would otherwise only show as a missing element. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

export interface CanvasInk {
  width: number;
  height: number;
  /** Pixels that are not transparent. */
  painted: number;
  /** Pixels in the blue of the "Offered" line. */
  offeredLine: number;
  /** Pixels in the orange of the event-day markers. */
  eventMarkers: number;
}

/**
 * Reads back what a chart canvas holds. A chart that only drew its axes has no line pixels; one
 * that failed to draw is fully transparent.
 */
export function readCanvasInk(page: Page, canvasSelector: string, index: number): Promise<CanvasInk> {
  return page.$$eval(
    canvasSelector,
    (canvases, at) => {
      const canvas = canvases[at] as HTMLCanvasElement;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('canvas has no 2d context');
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let painted = 0;
      let offeredLine = 0;
      let eventMarkers = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [red, green, blue, alpha] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
        if (alpha === 0) continue;
        painted += 1;
        // Offered #1d4ed8 (29, 78, 216); event marker #c2410c (194, 65, 12); anti-aliasing blurs both.
        if (alpha > 128 && blue > 150 && red < 90 && green < 130) offeredLine += 1;
        if (alpha > 128 && red > 150 && green < 110 && blue < 60) eventMarkers += 1;
      }
      return { width: canvas.width, height: canvas.height, painted, offeredLine, eventMarkers };
    },
    index,
  );
}
