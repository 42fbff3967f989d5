// The ECharts modules Wadah's pages use, bundled by esbuild when `npm ci` runs (package.json "postinstall") into
// build/echarts.min.js (git-ignored), served as vendor/echarts/echarts.min.js (wadah/settings.py VENDOR_STATIC_FILES).
// Dashboard: bar and line charts, the kab/kota → kecamatan choropleth (map + visualMap), tooltips, SVG renderer.
// Capacity radar (guidance): radar chart with its legend, canvas renderer.
// Network of Ormas (partnerships): force-directed graph with its legend and tooltips.
import * as echarts from "echarts/core";
import { BarChart, GraphChart, LineChart, MapChart, RadarChart } from "echarts/charts";
import {
  GridComponent,
  LegendComponent,
  RadarComponent,
  TooltipComponent,
  VisualMapComponent,
} from "echarts/components";
import { CanvasRenderer, SVGRenderer } from "echarts/renderers";

echarts.use([
  BarChart,
  GraphChart,
  LineChart,
  MapChart,
  RadarChart,
  GridComponent,
  LegendComponent,
  RadarComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
  SVGRenderer,
]);

window.echarts = echarts;
