// Dashboard charts and the kab/kota → kecamatan choropleth (ECharts, loaded from our own static files; no inline
// script: the data comes from json_script blocks and from the map's JSON endpoint). Every chart has its table in
// the page, so nothing here is the only way to read a figure.
(function () {
  "use strict";
  function readJSON(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }
  var BRAND = "#1f5f8b";

  function drawCharts() {
    var charts = readJSON("dashboard-charts") || {};
    document.querySelectorAll("[data-chart]").forEach(function (node) {
      var data = charts[node.getAttribute("data-chart").replace("chart-", "")];
      if (!data) { return; }
      var chart = echarts.init(node, null, { renderer: "svg" });
      var line = node.getAttribute("data-kind") === "line";
      chart.setOption({
        animation: false,
        grid: { left: 8, right: 8, top: 8, bottom: 8, containLabel: true },
        tooltip: { trigger: "axis" },
        xAxis: line ? { type: "category", data: data.labels } : { type: "value", minInterval: 1 },
        yAxis: line ? { type: "value", minInterval: 1 } : { type: "category", data: data.labels, inverse: true,
          axisLabel: { width: 160, overflow: "truncate" } },
        series: [{ type: line ? "line" : "bar", data: data.values, itemStyle: { color: BRAND } }]
      });
      window.addEventListener("resize", function () { chart.resize(); });
    });
  }

  function drawMap() {
    var config = readJSON("dashboard-map-config");
    var node = document.getElementById("map");
    if (!config || !node) { return; }
    var chart = echarts.init(node, null, { renderer: "svg" });
    var geo = {};
    var state = { regency: config.regency || "", measure: "ormas" };
    var measure = document.getElementById("map-measure");
    var back = document.getElementById("map-back");
    var filter = document.getElementById("map-filter");
    var exportLink = document.getElementById("map-export");

    function load(url) {
      if (geo[url]) { return Promise.resolve(geo[url]); }
      return fetch(url, { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (json) {
        geo[url] = json;
        return json;
      });
    }
    function mapName(regency) { return regency ? "kec-" + regency : "kalteng"; }
    function register(regency) {
      return load(regency ? config.districts_geo : config.regencies_geo).then(function (json) {
        var name = mapName(regency);
        if (!echarts.getMap(name)) {
          var features = json.features.filter(function (f) {
            return !regency || f.properties.kode.indexOf(regency + ".") === 0;
          }).map(function (f) {
            return { type: "Feature", geometry: f.geometry, properties: { name: f.properties.kode, nama: f.properties.nama } };
          });
          echarts.registerMap(name, { type: "FeatureCollection", features: features });
        }
        return name;
      });
    }
    function fillTable(data) {
      var body = document.querySelector("#map-table tbody");
      document.getElementById("map-measure-name").textContent = data.measure;
      body.textContent = "";
      data.regions.forEach(function (region) {
        var row = document.createElement("tr");
        var name = document.createElement("td");
        var value = document.createElement("td");
        name.textContent = region.name;
        value.textContent = region.value.toLocaleString(document.documentElement.lang || "id");
        value.className = "text-end";
        row.appendChild(name);
        row.appendChild(value);
        body.appendChild(row);
      });
    }
    function render() {
      var params = new URLSearchParams({ measure: state.measure });
      if (state.regency) { params.set("regency", state.regency); }
      exportLink.href = exportLink.href.split("?")[0] + "?" + params.toString();
      return Promise.all([
        register(state.regency),
        fetch(config.data_url + "?" + params.toString(), { credentials: "same-origin" }).then(function (r) { return r.json(); })
      ]).then(function (results) {
        var name = results[0];
        var data = results[1];
        var names = {};
        var values = data.regions.map(function (region) {
          names[region.code] = region.name;
          return { name: region.code, value: region.value };
        });
        var max = Math.max.apply(null, values.map(function (v) { return v.value; }).concat([1]));
        chart.clear();
        chart.setOption({
          animation: false,
          tooltip: { trigger: "item", formatter: function (p) { return (names[p.name] || p.name) + ": " + (p.value || 0); } },
          visualMap: { min: 0, max: max, left: 0, bottom: 0, calculable: false, text: [String(max), "0"],
            inRange: { color: ["#e8f1f8", "#1f5f8b"] } },
          series: [{ type: "map", map: name, data: values, roam: false, selectedMode: false,
            label: { show: false }, emphasis: { label: { show: true, formatter: function (p) { return names[p.name] || p.name; } } } }]
        });
        node.setAttribute("data-level", data.level);
        node.setAttribute("data-regions", String(data.regions.length));
        back.hidden = !state.regency || !!config.regency;
        if (state.regency && !config.regency) {
          filter.hidden = false;
          filter.href = config.filter_url + "?regency=" + encodeURIComponent(state.regency);
          filter.textContent = filter.getAttribute("data-label") || "→";
        } else {
          filter.hidden = true;
        }
        fillTable(data);
      });
    }
    chart.on("click", function (params) {
      if (!state.regency && params.name) {
        state.regency = params.name;
        render();
      }
    });
    measure.addEventListener("change", function () { state.measure = measure.value; render(); });
    back.addEventListener("click", function () { state.regency = ""; render(); });
    window.addEventListener("resize", function () { chart.resize(); });
    render();
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (typeof echarts === "undefined") { return; }
    drawCharts();
    drawMap();
  });
})();
