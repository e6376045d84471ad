// Events view: filters in the form (mirrored into the address), sortable table, CSV download.
"use strict";
(function () {
  const g = window.geopol;
  const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "SANCTION", "PROTEST", "MOBILIZE", "COERCE", "ASSAULT"];
  const FIELDS = ["actor", "type", "factuality", "country", "since", "until", "q"];

  function formFilters() {
    const p = new URLSearchParams();
    for (const f of FIELDS) {
      const v = document.getElementById(f).value.trim();
      if (v) p.set(f, v);
    }
    return p;
  }

  document.addEventListener("DOMContentLoaded", () => {
    const typeSelect = document.getElementById("type");
    for (const t of TYPES) typeSelect.appendChild(g.el("option", {value: t, text: t}));
    const initial = g.params();
    for (const f of FIELDS) if (initial.get(f)) document.getElementById(f).value = initial.get(f);
    const csv = document.getElementById("csv");
    const table = new window.EventsTable(document.getElementById("events"), {
      filters: formFilters(), limit: 25,
      onLoad: () => { csv.setAttribute("href", table.csvHref()); },
    });
    document.getElementById("filters").addEventListener("submit", ev => {
      ev.preventDefault();
      const p = formFilters();
      history.replaceState(null, "", "/events" + (p.toString() ? "?" + p.toString() : ""));
      table.setFilters(p);
    });
    for (const f of ["type", "factuality"]) {
      document.getElementById(f).addEventListener("change", () =>
        document.getElementById("filters").requestSubmit());
    }
    table.load();
  });
})();
