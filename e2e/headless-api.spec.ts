// Headless delivery (issue 17) in a real browser against `packshot serve`: the API's docs
// page draws under its own CSP, offline; and a shop page on another origin fetches a
// product's media with a bearer token and shows the main image from the signed URL the API
// handed out (an <img> sends no Authorization header).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures';
import { seedProductsByFileName } from './support/seed-products';

const INDEXED = { timeout: 60_000 };
const MAIN = 'photo-05-1920x1080.jpg';

// The shop's own script: read the API's address and key from the fragment, fetch the
// product's media, and draw the main image as a shop theme would.
const SHOP_SCRIPT = `
const hash = new URLSearchParams(location.hash.slice(1));
const api = hash.get('api');
const res = await fetch(api + '/api/v1/products/SHOE-1/media', {
  headers: { authorization: 'Bearer ' + hash.get('key') },
});
const media = await res.json();
const main = media.items.find((m) => m.role === 'main');
const img = document.createElement('img');
img.alt = main.alt;
img.src = api + main.src;
img.srcset = main.srcset.split(', ').map((s) => api + s).join(', ');
img.sizes = '400px';
img.dataset.testid = 'shop-main';
document.body.append(img);
`;

function startShop(): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    if (req.url === '/shop.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(SHOP_SCRIPT);
      return;
    }
    res
      .writeHead(200, { 'content-type': 'text/html' })
      .end('<!doctype html><title>Shop</title><script type="module" src="/shop.js"></script>');
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        origin: `http://127.0.0.1:${port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

test.describe('headless API', () => {
  test.beforeEach(({ app }) => {
    test.skip(app.host !== 'browser', 'the HTTP API is served by `packshot serve`, not the window');
  });

  test('the docs page draws every operation under its CSP, offline', async ({ app }) => {
    const { page } = app;
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content[- ]Security[- ]Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(`${app.server!.origin}/api/v1/docs`);
    await expect(page.locator('.opblock').first()).toBeVisible();
    expect(await page.locator('.opblock').count()).toBeGreaterThanOrEqual(8);
    await expect(page.getByText('/products/{sku}/media').first()).toBeVisible();
    expect(violations).toEqual([]);
  });

  test('a shop page on another origin shows the main image from the API', async ({
    app,
    images,
    dataDir,
  }) => {
    const server = app.server!;
    const call = (method: string, body: unknown): Promise<Response> =>
      fetch(`${server.origin}/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-packshot-token': server.token },
        body: JSON.stringify(body),
      });
    expect((await call('catalogs.add', { path: images.dir })).status).toBe(200);
    const indexed = async (): Promise<number> => {
      const res = await fetch(`${server.origin}/api/v1/assets?limit=100`, {
        headers: { authorization: `Bearer ${server.token}` },
      });
      const page = (await res.json()) as { items: { state: string }[] };
      return page.items.filter((a) => a.state === 'ok').length;
    };
    await expect.poll(indexed, INDEXED).toBe(images.good.length);
    seedProductsByFileName(dataDir, [
      { sku: 'SHOE-1', name: 'Red shoe', links: [{ file: MAIN, role: 'main' }] },
    ]);

    const shop = await startShop();
    try {
      const { page } = app;
      const apiAnswers: string[] = [];
      page.on('response', (r) => {
        if (r.url().includes('/api/v1/render/')) apiAnswers.push(String(r.status()));
      });
      await page.goto(
        `${shop.origin}/#api=${encodeURIComponent(server.origin)}&key=${encodeURIComponent(server.token)}`,
      );
      const img = page.getByTestId('shop-main');
      await expect(img).toHaveAttribute('alt', 'Red shoe, main image');
      const natural = (): Promise<number> =>
        img.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth);
      await expect.poll(natural, INDEXED).toBeGreaterThan(0);
      expect(apiAnswers.length).toBeGreaterThan(0);
      expect(apiAnswers.every((s) => s === '200')).toBe(true);
    } finally {
      await shop.close();
    }
  });
});
