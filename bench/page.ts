/**
 * Figure 7: the landing page in headless Chromium: Largest Contentful Paint and Cumulative
 * Layout Shift from PerformanceObserver, and the first-load JavaScript (every script the page
 * loads, gzip-compressed here so the figure does not depend on the server's compression).
 */
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "../packages/test-kit/src/index";
import type { Phase, RunContext } from "./harness";
import { round } from "./load";
import { type FigureResult, ms } from "./report";

type Load = {
  lcpMs: number;
  lcpElement: string;
  cls: number;
  ttfbMs: number;
  domContentLoadedMs: number;
  loadMs: number;
};

// Runs in the page before any of its scripts: records LCP and layout shifts as they happen.
const OBSERVE = `
  window.__vitals = { lcp: 0, lcpElement: "", cls: 0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      window.__vitals.lcp = e.startTime;
      window.__vitals.lcpElement = e.element ? e.element.tagName + (e.element.className ? "." + String(e.element.className).split(" ")[0] : "") : "";
    }
  }).observe({ type: "largest-contentful-paint", buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__vitals.cls += e.value;
  }).observe({ type: "layout-shift", buffered: true });
`;

export async function pageFigure(ctx: RunContext, phase: Phase): Promise<FigureResult> {
  const web = phase.stack.urls.web;
  if (!web) throw new Error("the web app is not running");
  const runs = ctx.quick ? 3 : 7;
  const browser = await chromium.launch(chromiumLaunchOptions);
  phase.resources.add("chromium", () => browser.close());
  const loads: Load[] = [];
  const scripts = new Map<string, { raw: number; gzip: number }>();
  try {
    // The first load compiles nothing (a production build) but fills the server's caches.
    for (let i = 0; i <= runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.addInitScript(OBSERVE);
      const reading: Promise<void>[] = [];
      if (i === 1) {
        page.on("response", (res) => {
          if (res.request().resourceType() !== "script" || res.status() !== 200) return;
          reading.push(
            res.body().then(
              (body) => {
                scripts.set(res.url(), { raw: body.length, gzip: gzipSync(body).length });
              },
              () => {},
            ),
          );
        });
      }
      await page.goto(`${web}/`, { waitUntil: "load", timeout: 30_000 });
      // LCP can still change while streamed results arrive; give it a moment, then read.
      await page.waitForLoadState("networkidle", { timeout: 10_000 }).catch(() => {});
      await page.waitForTimeout(500);
      const load = await page.evaluate(() => {
        const vitals = (
          window as unknown as { __vitals: { lcp: number; lcpElement: string; cls: number } }
        ).__vitals;
        const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
        return {
          lcpMs: vitals.lcp,
          lcpElement: vitals.lcpElement,
          cls: vitals.cls,
          ttfbMs: nav.responseStart,
          domContentLoadedMs: nav.domContentLoadedEventEnd,
          loadMs: nav.loadEventEnd,
        };
      });
      await Promise.all(reading);
      await context.close();
      if (i > 0) loads.push(load);
    }
  } finally {
    await browser.close();
  }
  const median = (xs: number[]) =>
    [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
  const lcp = median(loads.map((l) => l.lcpMs));
  const cls = Math.max(...loads.map((l) => l.cls));
  const jsGzipKb = round([...scripts.values()].reduce((s, x) => s + x.gzip, 0) / 1024, 1);
  const jsRawKb = round([...scripts.values()].reduce((s, x) => s + x.raw, 0) / 1024, 1);
  ctx.say(`  page: LCP ${ms(lcp)}, CLS ${cls.toFixed(3)}, first-load JS ${jsGzipKb} KB gzip`);
  return {
    id: "page",
    rows: [
      {
        figure: `7. Landing page LCP, headless Chromium (median of ${runs})`,
        value: ms(lcp),
        target: "< 1000 ms",
        met: lcp < 1000,
      },
      {
        figure: "7. Landing page CLS (worst load)",
        value: cls.toFixed(3),
        target: "0",
        met: cls === 0,
      },
      {
        figure: "7. Landing page first-load JS (gzip)",
        value: `${jsGzipKb} KB (${scripts.size} scripts)`,
        target: "< 150 KB",
        met: jsGzipKb < 150,
      },
    ],
    details: {
      runs,
      viewport: "1280x800",
      loads: loads.map((l) => ({
        ...l,
        lcpMs: round(l.lcpMs),
        ttfbMs: round(l.ttfbMs),
        domContentLoadedMs: round(l.domContentLoadedMs),
        loadMs: round(l.loadMs),
        cls: round(l.cls, 4),
      })),
      lcpMedianMs: round(lcp),
      clsWorst: round(cls, 4),
      firstLoadJs: {
        gzipKb: jsGzipKb,
        rawKb: jsRawKb,
        scripts: [...scripts.entries()].map(([url, s]) => ({
          path: new URL(url).pathname,
          rawBytes: s.raw,
          gzipBytes: s.gzip,
        })),
      },
    },
  };
}
