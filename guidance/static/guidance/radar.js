// The radar chart of an Ormas's capacity (ECharts, served from node_modules). The table beside it holds the
// same numbers, so nothing depends on the chart.
(function () {
  "use strict";
  function draw() {
    var node = document.getElementById("radar");
    var source = document.getElementById("radar-data");
    if (!node || !source || !window.echarts) { return; }
    var data = JSON.parse(source.textContent);
    var colours = ["#9aa0ac", "#0b5394"];
    var chart = window.echarts.init(node, null, { renderer: "canvas" });
    chart.setOption({
      animation: false,
      color: data.series.length === 1 ? [colours[1]] : colours,
      legend: { bottom: 0, data: data.series.map(function (s) { return s.name; }) },
      radar: { indicator: data.indicators, radius: node.clientWidth < 500 ? "45%" : "62%", axisName: { color: "#1d273b", fontSize: node.clientWidth < 500 ? 10 : 12 } },
      series: [{
        type: "radar",
        data: data.series.map(function (s, i) {
          return { name: s.name, value: s.value, areaStyle: { opacity: i === data.series.length - 1 ? 0.25 : 0.08 } };
        })
      }]
    });
    window.addEventListener("resize", function () { chart.resize(); });
  }
  if (document.readyState === "complete") { draw(); } else { window.addEventListener("load", draw); }
})();
