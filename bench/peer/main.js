// The same map, points and figure chart as the widget, built the usual way with ECharts 5:
// tree-shaken imports bundled by esbuild (bench/build.mjs), the same boundary data (echarts
// 4.9.0's neimenggu.json) and the same content file. A fair, competent page, not a strawman.
import * as echarts from "echarts5/core";
import { BarChart, ScatterChart } from "echarts5/charts";
import { GeoComponent, GridComponent, TitleComponent } from "echarts5/components";
import { CanvasRenderer } from "echarts5/renderers";

echarts.use([BarChart, ScatterChart, GeoComponent, GridComponent, TitleComponent, CanvasRenderer]);

const [geo, content] = await Promise.all([
  fetch("neimenggu.json").then((r) => r.json()),
  fetch("content.json").then((r) => r.json()),
]);
echarts.registerMap("neimenggu", geo);
const sites = [...content.sites].sort((a, b) => a.number - b.number);

const map = echarts.init(document.getElementById("map"));
map.on("finished", () => {
  window.mapPainted ??= performance.now();
});
map.setOption({
  animation: false,
  geo: {
    map: "neimenggu",
    label: { show: true, fontSize: 11, color: "#4a4238" },
    itemStyle: { areaColor: "#e6dfd1", borderColor: "#ffffff" },
    emphasis: { itemStyle: { areaColor: "#f2c9a8" } },
  },
  series: [
    {
      type: "scatter",
      coordinateSystem: "geo",
      symbolSize: 24,
      itemStyle: { color: "#b3261e", borderColor: "#ffffff", borderWidth: 2 },
      label: { show: true, position: "inside", color: "#ffffff", fontWeight: "bold", formatter: (p) => String(p.data.number) },
      data: sites.map((s) => ({ name: s.name.zh, number: s.number, value: [s.location.lon, s.location.lat] })),
    },
  ],
});

const chart = echarts.init(document.getElementById("chart"));
function select(index) {
  const site = sites[index];
  const figures = site.figures.filter((f) => f.role !== "context" && !(f.derived_from?.length));
  document.getElementById("card-title").textContent = `${site.number} ${site.name.zh}`;
  chart.setOption(
    {
      animation: false,
      title: { text: site.headline.zh, textStyle: { fontSize: 13 } },
      grid: { left: 8, right: 48, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: "value" },
      yAxis: { type: "category", data: figures.map((f) => f.label.zh), axisLabel: { width: 120, overflow: "truncate" } },
      series: [{ type: "bar", data: figures.map((f) => f.value), label: { show: true, position: "right" } }],
    },
    true,
  );
}
map.on("click", (p) => p.seriesType === "scatter" && select(p.dataIndex));
window.bench = { select, count: sites.length };
