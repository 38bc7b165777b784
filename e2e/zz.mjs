import { startBrowser } from "./browser.mjs";
const env = await startBrowser();
for (const [w, h] of [[1280, 900], [360, 740]]) {
  const ctx = await env.browser.newContext({ viewport: { width: w, height: h } });
  const page = await ctx.newPage();
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(env.url);
  await page.getByTestId("marker").first().waitFor();
  await page.screenshot({ path: `/tmp/ov-${w}.png`, fullPage: true });
  for (const site of ["wuhai", "baotou-steel", "alxa-hi-tech-zone", "baotou"]) {
    await page.locator(`[data-testid=marker][data-site=${site}]`).click();
    await page.getByTestId("card").waitFor();
    await page.screenshot({ path: `/tmp/${site}-${w}.png`, fullPage: true });
    await page.getByTestId("card-close").click();
  }
  console.log(w, errors);
}
await env.close();
