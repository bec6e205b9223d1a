/**
 * Screenshots of page elements with headless Chromium (Debian's `chromium` package), driven over
 * the DevTools protocol through `ws`: one browser for the whole page, one picture per element.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import WebSocket from 'ws';

/** Where Debian's package puts the browser; CHROMIUM overrides it. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--hide-scrollbars',
  '--remote-debugging-port=0',
];

/**
 * Loads `html` at `width` pixels and writes a PNG of each element matching `selector`, named by
 * its id, into `outDir`. Returns the files written, in page order.
 */
export async function screenshotElements(options: {
  readonly chromium: string;
  readonly html: string;
  readonly selector: string;
  readonly width: number;
  readonly outDir: string;
}): Promise<string[]> {
  const profile = await mkdtemp(join(tmpdir(), 'render-replies-'));
  const page = join(profile, 'page.html');
  await writeFile(page, options.html);
  const browser = spawn(options.chromium, [...FLAGS, `--user-data-dir=${profile}`, 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] });
  try {
    const cdp = await connect(await devtoolsUrl(browser));
    try {
      const { targetId } = (await cdp.send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
      const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
      const send = (method: string, params: object = {}) => cdp.send(method, params, sessionId);
      await send('Page.enable');
      await send('Emulation.setDeviceMetricsOverride', { width: options.width, height: 800, deviceScaleFactor: 1, mobile: false });
      const loaded = cdp.once('Page.loadEventFired');
      await send('Page.navigate', { url: pathToFileURL(page).href });
      await loaded;
      const rects = (await send('Runtime.evaluate', {
        expression: `document.fonts.ready.then(() => [...document.querySelectorAll(${JSON.stringify(options.selector)})].map((e) => { const r = e.getBoundingClientRect(); return { id: e.id, x: r.x, y: r.y + window.scrollY, width: r.width, height: r.height }; }))`,
        awaitPromise: true,
        returnByValue: true,
      })) as { result: { value: { id: string; x: number; y: number; width: number; height: number }[] } };
      const written: string[] = [];
      for (const rect of rects.result.value) {
        const shot = (await send('Page.captureScreenshot', {
          format: 'png',
          captureBeyondViewport: true,
          clip: { x: rect.x, y: rect.y, width: rect.width, height: Math.ceil(rect.height), scale: 1 },
        })) as { data: string };
        const file = join(options.outDir, `${rect.id}.png`);
        await writeFile(file, Buffer.from(shot.data, 'base64'));
        written.push(file);
      }
      return written;
    } finally {
      cdp.close();
    }
  } finally {
    browser.kill();
    await new Promise((resolve) => (browser.exitCode === null ? browser.once('exit', resolve) : resolve(null)));
    await rm(profile, { recursive: true, force: true });
  }
}

/** The browser's DevTools WebSocket address, which Chromium prints on standard error. */
function devtoolsUrl(browser: ReturnType<typeof spawn>): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`chromium did not start within 20 s:\n${seen}`)), 20_000);
    browser.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    browser.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`chromium exited (${String(code)}):\n${seen}`));
    });
    browser.stderr?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
}

interface Cdp {
  send(method: string, params?: object, sessionId?: string): Promise<unknown>;
  once(event: string): Promise<unknown>;
  close(): void;
}

async function connect(url: string): Promise<Cdp> {
  const socket = new WebSocket(url, { perMessageDeflate: false });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  let nextId = 0;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const waiters = new Map<string, ((params: unknown) => void)[]>();
  socket.on('message', (raw) => {
    const message = JSON.parse(String(raw)) as { id?: number; result?: unknown; error?: { message: string }; method?: string; params?: unknown };
    if (message.id !== undefined) {
      const call = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) call?.reject(new Error(message.error.message));
      else call?.resolve(message.result);
    } else if (message.method !== undefined) {
      for (const waiter of waiters.get(message.method) ?? []) waiter(message.params);
      waiters.delete(message.method);
    }
  });
  return {
    send: (method, params = {}, sessionId) =>
      new Promise((resolve, reject) => {
        nextId += 1;
        pending.set(nextId, { resolve, reject });
        socket.send(JSON.stringify({ id: nextId, method, params, ...(sessionId === undefined ? {} : { sessionId }) }));
      }),
    once: (event) => new Promise((resolve) => waiters.set(event, [...(waiters.get(event) ?? []), resolve])),
    close: () => socket.close(),
  };
}
