// Alignment view: the signed actor network (cytoscape.js), nodes coloured by bloc.
"use strict";
(function () {
  const g = window.geopol;
  const PALETTE = ["#4e79a7", "#e15759", "#59a14f", "#b07aa1", "#f28e2b", "#76b7b2", "#edc948",
                   "#9c755f", "#ff9da7", "#bab0ac"];
  const NO_BLOC = "#c3c8d2";

  function blocColor(b) { return b === null || b === undefined ? NO_BLOC : PALETTE[b % PALETTE.length]; }

  async function refresh() {
    const status = document.getElementById("status");
    const q = new URLSearchParams();
    for (const id of ["since", "until"]) {
      const v = document.getElementById(id).value;
      if (v) q.set(id, v);
    }
    let data;
    try { data = await g.api("/api/network?" + q.toString()); g.clear(status); }
    catch (err) { g.showError(status, err); return; }
    const net = data.network;
    const maxW = Math.max(1e-9, ...net.edges.map(e => e.weight));
    const maxN = Math.max(1, ...net.nodes.map(n => n.events));
    const elements = [];
    for (const n of net.nodes) {
      elements.push({group: "nodes", data: {id: n.id, label: n.id, bloc: n.bloc,
        color: blocColor(n.bloc), size: 24 + 26 * Math.sqrt(n.events / maxN)}});
    }
    net.edges.forEach((e, i) => {
      elements.push({group: "edges", data: {id: "e" + i, source: e.source, target: e.target,
        sign: e.sign, color: e.sign > 0 ? "#1a9850" : "#d7301f",
        width: 1.5 + 6 * e.weight / maxW, style: e.sign > 0 ? "solid" : "dashed"}});
    });
    if (window.geopolNetwork) window.geopolNetwork.destroy();
    const cy = window.cytoscape({
      container: document.getElementById("cy"),
      elements: elements,
      style: [
        {selector: "node", style: {"background-color": "data(color)", "label": "data(label)",
          "width": "data(size)", "height": "data(size)", "font-size": 11, "text-valign": "center",
          "color": "#1d2330", "text-outline-color": "#fff", "text-outline-width": 2}},
        {selector: "edge", style: {"line-color": "data(color)", "width": "data(width)",
          "line-style": "data(style)", "curve-style": "bezier", "opacity": 0.8}},
      ],
      layout: {name: "cose", animate: false, randomize: false, nodeRepulsion: 9000, idealEdgeLength: 90},
    });
    window.geopolNetwork = cy;
    const blocs = document.getElementById("blocs");
    g.clear(blocs);
    net.blocs.forEach((members, i) => {
      const sw = g.el("span", {class: "swatch"});
      sw.style.background = blocColor(i);
      blocs.appendChild(g.el("li", {class: "bloc", "data-bloc": i},
        [sw, "Bloc " + (i + 1) + ": " + members.join(", ")]));
    });
    if (!net.blocs.length) blocs.appendChild(g.el("li", {class: "muted", text: "No blocs in this window."}));
    document.getElementById("stability").textContent =
      "Stability across the window: " + g.fmt(net.stability, 2) + " · modularity " + g.fmt(net.modularity, 2) +
      " · " + net.nodes.length + " actors, " + net.edges.length + " edges";
    const stated = document.getElementById("stated");
    g.clear(stated);
    for (const s of net.stated) {
      stated.appendChild(g.el("li", {}, [
        g.badge(s.factuality), " ", (s.members || []).join(", "),
        s.against && s.against.length ? " against " + s.against.join(", ") : "",
        g.el("div", {class: "muted", text: s.evidence_text || ""}),
      ]));
    }
    if (!net.stated.length) stated.appendChild(g.el("li", {class: "muted", text: "None stated."}));
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.getElementById("reload").addEventListener("click", refresh);
    refresh();
  });
})();
