import { expect, test, type Page } from '@playwright/test';
import { devToken, login } from '../e2e/support';

// Issue 18's benchmark: a full 42U rack elevation renders, and a drag-and-drop move completes, in
// <= 100 ms each on this machine. The figures come from a Chromium performance trace of the run
// (saved beside the results, loadable in DevTools' Performance panel): from the input event that
// starts the work (the click on the rack's link, the pointer's release on the drop) to the first
// frame painted after the page reached the awaited state (a User Timing mark the page sets when it
// sees that state in the DOM). Prints figures; asserts nothing timed.

const RUN = `${Date.now()}`;
const UNITS = 42;
const MOVES = 10;
const RENDERS = 5;

async function call<T>(baseURL: string, token: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseURL}/api/inventory/${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.ok, `${method} ${path}: ${response.status} ${await response.clone().text()}`).toBe(true);
  return (await response.json()) as T;
}

/** A site with a 42U rack whose front is full: 42 half-depth 1U servers at U1–U42 (the rear is free). */
async function fullRack(baseURL: string): Promise<{ rackName: string; rackId: number }> {
  const token = await devToken('dev-editor');
  const manufacturer = await call<{ id: number }>(baseURL, token, 'POST', 'manufacturers', { name: `Bench ${RUN}` });
  const type = await call<{ id: number }>(baseURL, token, 'POST', 'device-types', { name: `Bench server ${RUN}`, category: 'server' });
  const model = await call<{ id: number }>(baseURL, token, 'POST', 'models', {
    manufacturer_id: manufacturer.id, device_type_id: type.id, name: `Bench-1U-${RUN}`, u_height: 1, is_full_depth: false,
  });
  const site = await call<{ id: number }>(baseURL, token, 'POST', 'sites', { name: `Bench site ${RUN}`, status: 'active', time_zone: 'UTC' });
  const rackName = `BENCH-R42-${RUN}`;
  const rack = await call<{ id: number }>(baseURL, token, 'POST', 'racks', { site_id: site.id, name: rackName, u_height: UNITS, status: 'active' });
  for (let u = 1; u <= UNITS; u++) {
    const asset = await call<{ id: number }>(baseURL, token, 'POST', 'assets', {
      hostname: `bench-${RUN}-u${String(u).padStart(2, '0')}`, model_id: model.id, status: 'active', site_id: site.id,
    });
    await call(baseURL, token, 'POST', `assets/${asset.id}/placement`, { rack_id: rack.id, position: u, face: 'front' });
  }
  return { rackName, rackId: rack.id };
}

/**
 * Sets a User Timing mark `name` as soon as `ready()` holds in the page (checked on every DOM
 * change), and resolves with the mark's time (performance.now()).
 */
async function markWhen(page: Page, name: string, ready: string): Promise<void> {
  await page.evaluate(([mark, source]) => {
    const holds = new Function(`return (${source})`) as () => boolean;
    const w = window as unknown as Record<string, Promise<number>>;
    w[mark] = new Promise((resolve) => {
      const check = () => {
        if (!holds()) return false;
        resolve(performance.mark(mark).startTime);
        return true;
      };
      if (check()) return;
      const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
  }, [name, ready]);
}

async function awaitMark(page: Page, name: string): Promise<void> {
  await page.waitForFunction((mark) => (window as unknown as Record<string, Promise<number>>)[mark], name, { timeout: 30_000 });
  await page.evaluate((mark) => (window as unknown as Record<string, Promise<number>>)[mark], name);
}

interface TraceEvent { name: string; cat: string; ph: string; ts: number; args?: { data?: { type?: string } } }

/** Milliseconds from each input event to the first frame painted after the mark that follows it. */
function measure(events: TraceEvent[], input: string, marks: string[]): { toMark: number[]; toPaint: number[] } {
  const inputs = events.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === input).map((e) => e.ts).sort((a, b) => a - b);
  const paints = events.filter((e) => e.name === 'Paint' || e.name === 'Commit').map((e) => e.ts).sort((a, b) => a - b);
  const toMark: number[] = [];
  const toPaint: number[] = [];
  for (const name of marks) {
    const mark = events.find((e) => e.cat.includes('blink.user_timing') && e.name === name);
    if (!mark) throw new Error(`no mark ${name} in the trace`);
    const start = inputs.filter((t) => t <= mark.ts).pop();
    if (start === undefined) throw new Error(`no ${input} before ${name}`);
    const paint = paints.find((t) => t >= mark.ts) ?? mark.ts;
    toMark.push((mark.ts - start) / 1000);
    toPaint.push((paint - start) / 1000);
  }
  return { toMark, toPaint };
}

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return `median ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ms, worst ${sorted[sorted.length - 1].toFixed(1)} ms`;
};
const list = (values: number[]) => values.map((v) => v.toFixed(0)).join(', ');

test.use({ viewport: { width: 1600, height: 1300 } });

test('a full 42U rack: elevation rendered, and drag-and-drop moves completed, per move', async ({ page, browser, baseURL }, testInfo) => {
  const { rackName, rackId } = await fullRack(baseURL!);
  await login(page, 'dev-editor', `/racks?q=${encodeURIComponent(rackName)}`);
  const link = page.getByRole('link', { name: rackName });
  await expect(link).toBeVisible();
  const front = page.getByRole('group', { name: `Front of rack ${rackName}` });
  const rear = page.getByRole('group', { name: `Rear of rack ${rackName}` });
  const drawn = `document.querySelectorAll('[aria-label="Front of rack ${rackName}"] [data-device]').length === ${UNITS}`;

  // One visit first, so the lazy chunk of the screen is loaded: the runs measure the screen, not the download.
  await link.click();
  await expect(front.locator('[data-device]')).toHaveCount(UNITS);
  await page.goBack();

  await browser.startTracing(page, { categories: ['devtools.timeline', 'blink.user_timing'] });
  const renderMarks: string[] = [];
  for (let run = 0; run < RENDERS; run++) {
    await expect(link).toBeVisible();
    const mark = `rack-drawn-${run}`;
    await markWhen(page, mark, drawn);
    await link.click();
    await awaitMark(page, mark);
    renderMarks.push(mark);
    await page.waitForTimeout(200); // the frame after the mark gets painted
    await page.goBack();
  }
  await link.click();
  await expect(front.locator('[data-device]')).toHaveCount(UNITS);

  // Moves: the server at U(n) from the front to the rear of the same unit, by mouse.
  const moveMarks: string[] = [];
  for (let n = 1; n <= MOVES; n++) {
    const host = `bench-${RUN}-u${String(n).padStart(2, '0')}`;
    const source = front.locator(`[data-device="${host}"]`);
    const target = rear.locator(`[data-slot="rear:${n}"]`);
    const from = (await source.boundingBox())!;
    const to = (await target.boundingBox())!;
    const mark = `move-settled-${n}`;
    // settled: drawn on the rear from the server's answer (the "Moving …" badge is gone once the
    // placement call and the elevation's refresh are done)
    await markWhen(page, mark, `!!document.querySelector('[aria-label="Rear of rack ${rackName}"] [data-device="${host}"][aria-roledescription]') && ![...document.querySelectorAll('.mantine-Badge-root')].some((b) => b.textContent.startsWith('Moving'))`);
    await markWhen(page, `move-drawn-${n}`, `!!document.querySelector('[aria-label="Rear of rack ${rackName}"] [data-device="${host}"][aria-roledescription]')`);
    const x = from.x + from.width / 2;
    const y = from.y + from.height - to.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 10, y, { steps: 3 });
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
    await page.mouse.up();
    await awaitMark(page, mark);
    moveMarks.push(mark);
    await page.waitForTimeout(200);
  }
  const trace = await browser.stopTracing();
  await testInfo.attach('rack-move-trace.json', { body: trace, contentType: 'application/json' });
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;

  // Where a run's time went: the elevation's requests (in-page resource timing) against the drawing.
  const render = measure(events, 'click', renderMarks);
  const drawnAt = measure(events, 'pointerup', moveMarks.map((m) => m.replace('settled', 'drawn')));
  const settled = measure(events, 'pointerup', moveMarks);
  await expect(rear.locator('[data-device]')).toHaveCount(MOVES);
  console.log(
    [
      `Rack move benchmark (rack ${rackName}, id ${rackId}: ${UNITS} 1U servers filling the front; Chromium trace, ms from the input event to the first frame painted after it)`,
      `render, click on the rack's link -> ${UNITS} devices drawn, ${RENDERS} runs: ${list(render.toPaint)} ms; ${stats(render.toPaint)} (target <= 100 ms)`,
      `move, pointer released -> device drawn at its new place (optimistic), ${MOVES} moves: ${list(drawnAt.toPaint)} ms; ${stats(drawnAt.toPaint)}`,
      `move, pointer released -> placement answered and elevation refreshed, ${MOVES} moves: ${list(settled.toPaint)} ms; ${stats(settled.toPaint)} (target <= 100 ms)`,
    ].join('\n'),
  );
});
