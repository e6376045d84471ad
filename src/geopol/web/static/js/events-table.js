// A paged, sortable events table backed by /api/events (used by the events and dyad views).
"use strict";
(function () {
  const g = window.geopol;
  const COLUMNS = [
    {key: "event_date", label: "Date", sort: "event_date", cls: "nowrap"},
    {key: "type", label: "Type", sort: "type"},
    {key: "source", label: "Source", sort: "source_code"},
    {key: "target", label: "Target", sort: "target_code"},
    {key: "location_name", label: "Where", sort: "location_name"},
    {key: "factuality", label: "Factuality", sort: "factuality"},
    {key: "goldstein", label: "Goldstein", sort: "goldstein"},
    {key: "killed", label: "Killed", sort: "killed", cls: "num"},
    {key: "evidence_text", label: "Sentence", sort: null},
  ];

  function cell(e, col) {
    switch (col.key) {
      case "type":
        return g.el("td", {class: "nowrap"}, [g.quadDot(e.quad), e.type + (e.mode ? " / " + e.mode : "")]);
      case "source": return g.el("td", {text: g.actorLabel(e, "source")});
      case "target": return g.el("td", {text: g.actorLabel(e, "target")});
      case "factuality": return g.el("td", {}, g.badge(e.factuality));
      case "goldstein": return g.el("td", {class: "num", text: g.fmt(e.goldstein, 1)});
      case "killed": {
        // A number, a range ("5–8"), an open range ("24+") or a dash when the text says nothing.
        if (e.killed === null || e.killed === undefined) return g.el("td", {class: "num", text: "—"});
        const hi = e.killed_max;
        const text = hi === null || hi === undefined ? e.killed + "+" :
          (hi === e.killed ? String(e.killed) : e.killed + "–" + hi);
        const hurt = e.injured === null || e.injured === undefined ? "" : e.injured + " injured";
        return g.el("td", {class: "num", text: text, title: hurt || null});
      }
      case "evidence_text": {
        const link = g.el("a", {href: "/article?id=" + encodeURIComponent(e.article_id) +
          "&event=" + encodeURIComponent(e.event_id), class: "open-article",
          text: e.evidence_text || e.trigger_text || "open"});
        return g.el("td", {}, link);
      }
      default: return g.el("td", {class: col.cls || null, text: e[col.key] === null || e[col.key] === undefined ? "—" : e[col.key]});
    }
  }

  function EventsTable(container, options) {
    this.container = container;
    this.filters = new URLSearchParams(options && options.filters ? options.filters : "");
    this.limit = (options && options.limit) || 25;
    this.offset = 0;
    this.sort = "event_date";
    this.order = "desc";
    this.onLoad = options && options.onLoad;
  }

  EventsTable.prototype.query = function (extra) {
    const p = new URLSearchParams(this.filters);
    p.set("sort", this.sort);
    p.set("order", this.order);
    for (const [k, v] of Object.entries(extra || {})) p.set(k, v);
    return p;
  };

  EventsTable.prototype.setFilters = function (filters) {
    this.filters = new URLSearchParams(filters);
    this.offset = 0;
    return this.load();
  };

  EventsTable.prototype.load = async function () {
    const p = this.query({limit: this.limit, offset: this.offset});
    // Only the newest request may draw: a slower answer to an older filter (a change event
    // fired while the user was still editing the form) must not overwrite a newer one.
    const seq = this.seq = (this.seq || 0) + 1;
    try {
      const data = await g.api("/api/events?" + p.toString());
      if (seq !== this.seq) return;
      this.render(data);
      if (this.onLoad) this.onLoad(data);
    } catch (err) {
      if (seq === this.seq) g.showError(this.container, err);
    }
  };

  EventsTable.prototype.render = function (data) {
    const self = this;
    g.clear(this.container);
    const head = g.el("tr", {}, COLUMNS.map(col => {
      const th = g.el("th", {text: col.label, scope: "col"});
      if (col.sort) {
        th.classList.add("sortable");
        th.dataset.sort = col.sort;
        if (self.sort === col.sort) th.classList.add(self.order === "asc" ? "sorted-asc" : "sorted-desc");
        th.addEventListener("click", () => {
          if (self.sort === col.sort) self.order = self.order === "asc" ? "desc" : "asc";
          else { self.sort = col.sort; self.order = col.sort === "event_date" ? "desc" : "asc"; }
          self.offset = 0;
          self.load();
        });
      }
      return th;
    }));
    const rows = data.items.map(e => {
      const tr = g.el("tr", {class: "clickable event-row", "data-event-id": e.event_id},
        COLUMNS.map(col => cell(e, col)));
      tr.addEventListener("click", ev => {
        if (ev.target.tagName !== "A") tr.querySelector("a.open-article").click();
      });
      return tr;
    });
    const table = g.el("table", {id: "events-table"}, [g.el("thead", {}, head), g.el("tbody", {}, rows)]);
    const last = Math.min(data.offset + data.items.length, data.total);
    const prev = g.el("button", {class: "secondary", type: "button", text: "‹ Previous"});
    const next = g.el("button", {class: "secondary", type: "button", text: "Next ›"});
    prev.disabled = data.offset === 0;
    next.disabled = last >= data.total;
    prev.addEventListener("click", () => { self.offset = Math.max(0, self.offset - self.limit); self.load(); });
    next.addEventListener("click", () => { self.offset += self.limit; self.load(); });
    const info = g.el("span", {class: "muted", id: "events-count",
      text: data.total ? (data.offset + 1) + "–" + last + " of " + data.total + " events" : "no events"});
    this.container.appendChild(table);
    this.container.appendChild(g.el("div", {class: "pager"}, [prev, info, next]));
  };

  EventsTable.prototype.csvHref = function () {
    const p = this.query({format: "csv", limit: 100000});
    return "/api/events?" + p.toString();
  };

  window.EventsTable = EventsTable;
})();
