import { launch, newPage, login } from './lib/browser.js';
const [who, path, out, y, h, w] = process.argv.slice(2);
const b = await launch();
const { page } = await newPage(b);
await page.setViewportSize({ width: Number(w || 390), height: 844 });
await login(page, who);
await page.goto(path);
if (path === 'firstswap') {}
await page.screenshot({ path: out, fullPage: true, clip: { x: 0, y: Number(y), width: Number(w || 390), height: Number(h) } });
await b.close();
