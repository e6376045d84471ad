// Article view: the text with triggers, actors, places and dates highlighted. The text is
// untrusted: it is cut into text nodes at span boundaries and never parsed as HTML.
"use strict";
(function () {
  const g = window.geopol;
  const PRIORITY = {trigger: 5, source: 4, target: 4, date: 3, place: 2};

  // Non-overlapping segments: at each character the highest-priority span wins.
  function segments(text, spans) {
    const owner = new Array(text.length).fill(null);
    for (const s of spans) {
      for (let i = s.start; i < s.end && i < text.length; i++) {
        if (!owner[i] || PRIORITY[s.kind] > PRIORITY[owner[i].kind]) owner[i] = s;
      }
    }
    const out = [];
    let i = 0;
    while (i < text.length) {
      let j = i + 1;
      while (j < text.length && owner[j] === owner[i]) j++;
      out.push({text: text.slice(i, j), span: owner[i]});
      i = j;
    }
    return out;
  }

  function render(article, focus) {
    document.getElementById("title").textContent = article.title || "(untitled)";
    document.title = (article.title || "Article") + " · geopol";
    const meta = [article.published ? "published " + article.published : "no publication date",
                  article.source || "", article.url || ""].filter(Boolean).join(" · ");
    document.getElementById("meta").textContent = meta;
    const box = document.getElementById("text");
    g.clear(box);
    const titleEnd = article.title ? article.title.length : 0;
    for (const seg of segments(article.text, article.spans)) {
      let node;
      if (seg.span) {
        node = g.el("mark", {class: seg.span.kind, title: seg.span.kind + (seg.span.label ? ": " + seg.span.label : ""),
          "data-event-id": seg.span.event_id || ""}, seg.text);
      } else node = document.createTextNode(seg.text);
      box.appendChild(node);
    }
    if (titleEnd && box.firstChild) {
      // Visually separate the headline: wrap the leading nodes up to the first newline.
      const wrap = g.el("span", {class: "title"});
      let consumed = 0;
      while (box.firstChild && consumed < titleEnd) {
        const n = box.firstChild;
        consumed += n.textContent.length;
        wrap.appendChild(n);
      }
      box.insertBefore(wrap, box.firstChild);
    }
    const list = document.getElementById("event-list");
    g.clear(list);
    for (const e of article.events) {
      const li = g.el("li", {"data-event-id": e.event_id}, [
        g.quadDot(e.quad), g.el("strong", {text: e.type + (e.mode ? " / " + e.mode : "")}), " ",
        g.badge(e.factuality), g.el("br"),
        g.actorLabel(e, "source"), " → ", g.actorLabel(e, "target"), g.el("br"),
        g.el("span", {class: "muted", text: [e.date_value ? "date " + e.date_value + (e.date_text ? " (“" + e.date_text + "”)" : "") : "",
          e.location_name ? "at " + e.location_name : "", "CAMEO " + e.cameo, "Goldstein " + g.fmt(e.goldstein, 1)]
          .filter(Boolean).join(" · ")}),
      ]);
      li.addEventListener("click", () => highlight(e.event_id));
      list.appendChild(li);
    }
    if (!article.events.length) list.appendChild(g.el("li", {class: "muted", text: "No events coded."}));
    if (focus) highlight(focus);
  }

  function highlight(eventId) {
    for (const m of document.querySelectorAll("mark.active, .event-list li.active")) m.classList.remove("active");
    let first = null;
    for (const m of document.querySelectorAll("mark")) {
      if (m.dataset.eventId === eventId) { m.classList.add("active"); first = first || m; }
    }
    for (const li of document.querySelectorAll(".event-list li")) {
      if (li.dataset.eventId === eventId) li.classList.add("active");
    }
    if (first) first.scrollIntoView({block: "center"});
  }

  document.addEventListener("DOMContentLoaded", async () => {
    const p = g.params();
    const id = p.get("id");
    const status = document.getElementById("status");
    if (!id) { g.showError(status, new Error("no article id given")); return; }
    try {
      const data = await g.api("/api/articles/" + encodeURIComponent(id));
      render(data.article, p.get("event"));
    } catch (err) { g.showError(status, err); }
  });
})();
