import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadExperimentConfig } from "./load-experiment-config.js";
import { runExperiment } from "./run-experiment.js";

// Opens generated reports in a real browser: Debian's Chromium (the CI script installs it).
const CHROMIUM = "/usr/bin/chromium";
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium)
  console.warn(`SKIPPED: the report browser test needs Chromium at ${CHROMIUM} (apt-get install chromium)`);

const root = mkdtempSync(join(tmpdir(), "qforge-report-"));
let browser: Browser | undefined;

beforeAll(async () => {
  if (haveChromium)
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  rmSync(root, { recursive: true, force: true });
});

async function report(name: string): Promise<string> {
  const config = loadExperimentConfig(`examples/configs/${name}.yaml`);
  const output = join(root, name);
  await runExperiment({
    ...config,
    output,
    budget: { ...config.budget, max_iterations: 10 },
    report: { ...config.report, boundary_grid: 16 },
  });
  return join(output, "report.html");
}

// The few DOM types the page-side code uses (this project compiles without the DOM library).
interface Img {
  src: string;
  naturalWidth: number;
  naturalHeight: number;
  decode(): Promise<void>;
}
interface BrowserGlobals {
  Image: new () => Img;
  document: {
    createElement(tag: "canvas"): {
      width: number;
      height: number;
      getContext(kind: "2d"): {
        drawImage(img: Img, x: number, y: number): void;
        getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
      } | null;
    };
  };
}

/** Opens a report offline and measures what a reader sees. */
async function inspect(file: string) {
  const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, offline: true });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith("file:") && !r.url().startsWith("data:")) requests.push(r.url());
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  const charts = await page.$$eval("figure.chart svg", (svgs) =>
    svgs.map((s) => {
      const r = s.getBoundingClientRect();
      return { width: r.width, height: r.height, marks: s.querySelectorAll("path, line, text").length };
    }),
  );
  const images = await page.$$eval("figure.circuit img", (imgs) =>
    imgs.map((i) => ({ w: (i as unknown as Img).naturalWidth, h: (i as unknown as Img).naturalHeight })),
  );
  const png = await page.screenshot({ fullPage: true });
  // Decode the screenshot in the page itself and count what is not background.
  const pixels = await page.evaluate(async (b64) => {
    const { Image, document } = globalThis as unknown as BrowserGlobals;
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext("2d")!;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let ink = 0;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 7) {
      const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
      if (r < 240 || g < 240 || b < 240) ink++;
      colours.add((r >> 4) * 256 + (g >> 4) * 16 + (b >> 4));
    }
    return {
      width: canvas.width,
      height: canvas.height,
      inkShare: ink / (data.length / 28),
      colours: colours.size,
    };
  }, png.toString("base64"));
  const text = await page.textContent("body");
  await context.close();
  return { charts, images, pixels, requests, text: text ?? "", pngBytes: png.length };
}

describe.skipIf(!haveChromium)("the HTML report in headless Chromium", () => {
  it("classification report: every chart is a visible SVG with marks, circuits load, the page is not blank", async () => {
    const r = await inspect(await report("breast-cancer"));
    // bars, training curve, 5 confusion matrices, ROC, kernel, 5 decision-region charts
    expect(r.charts.length).toBe(14);
    for (const c of r.charts) {
      expect(c.width).toBeGreaterThan(100);
      expect(c.height).toBeGreaterThan(100);
      expect(c.marks).toBeGreaterThan(10);
    }
    expect(r.images).toHaveLength(2);
    for (const i of r.images) expect(i.w * i.h).toBeGreaterThan(10_000);
    expect(r.requests).toEqual([]);
    expect(r.pixels.height).toBeGreaterThan(3000);
    expect(r.pixels.inkShare).toBeGreaterThan(0.05);
    expect(r.pixels.colours).toBeGreaterThan(50);
    expect(r.text).toContain("did better than the best");
  }, 60_000);

  it("regression report: prediction surfaces and predicted-against-actual charts", async () => {
    const r = await inspect(await report("diabetes"));
    // bars, training curve, kernel, 5 surfaces, 5 scatter plots
    expect(r.charts.length).toBe(13);
    for (const c of r.charts) expect(c.width * c.height).toBeGreaterThan(10_000);
    expect(r.requests).toEqual([]);
    expect(r.pixels.colours).toBeGreaterThan(50);
  }, 60_000);
});
