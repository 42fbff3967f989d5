// The network graph of the office's Ormas (ECharts, served from node_modules). The cluster table beside it lists
// the same clusters, so nothing depends on the chart. Selecting an Ormas opens its network page.
(function () {
  "use strict";
  function draw() {
    var node = document.getElementById("network-chart");
    var source = document.getElementById("network-data");
    if (!node || !source || !window.echarts) { return; }
    var data = JSON.parse(source.textContent);
    var small = node.clientWidth < 500;
    var labels = data.categories || [];
    var chart = window.echarts.init(node, null, { renderer: "canvas" });
    chart.setOption({
      animation: false,
      color: ["#206bc4", "#2fb344", "#f76707"],
      tooltip: { formatter: function (p) { return p.dataType === "node" ? p.data.name : ""; } },
      legend: labels.length ? [{ bottom: 0, data: labels }] : [],
      series: [{
        type: "graph",
        layout: "force",
        roam: true,
        draggable: true,
        categories: labels.map(function (name) { return { name: name }; }),
        data: data.nodes.map(function (n) {
          return {
            id: n.id, name: n.name, category: n.category, value: n.value, url: n.url,
            symbolSize: Math.min(10 + n.value * 3, small ? 22 : 30),
            symbol: n.category === 2 ? "diamond" : (n.category === 1 ? "rect" : "circle")
          };
        }),
        links: data.links.map(function (l) {
          return { source: l.source, target: l.target, lineStyle: { type: l.kind === "board" ? "dashed" : "solid" } };
        }),
        labelLayout: { hideOverlap: true },
        label: { show: !small || data.nodes.length <= 12, position: "right", fontSize: 10, formatter: function (p) { return p.data.name.length > 24 ? p.data.name.slice(0, 22) + "…" : p.data.name; } },
        force: { repulsion: small ? 120 : 260, edgeLength: small ? [30, 70] : [60, 140], gravity: 0.06 },
        lineStyle: { color: "#9aa0ac", width: 1.2, opacity: 0.8 },
        emphasis: { focus: "adjacency" }
      }]
    });
    chart.on("click", function (p) {
      if (p.dataType === "node" && p.data.url) { window.location.href = p.data.url; }
    });
    window.addEventListener("resize", function () { chart.resize(); });
  }
  if (document.readyState === "complete") { draw(); } else { window.addEventListener("load", draw); }
})();
