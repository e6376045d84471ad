"""Period reports: top movers, blocs (and which are new), stated alignments and alerts, as
Markdown and HTML, with a dyad trend chart and an alignment network image.

Charts are PNG files drawn with matplotlib (Agg backend, no display needed); the HTML embeds
them as data URIs so one file can be mailed, the Markdown links the files beside it.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import html
import math
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

import duckdb

from geopol.analysis.alerts import Alert, Rule, evaluate
from geopol.analysis.network import Network, alignment_network
from geopol.analysis.series import DateLike, as_date, dyad_series
from geopol.analysis.shifts import Shift, find_shifts, latest_date
from geopol.analysis.weights import weight_sql
from geopol.errors import BadInput


class HasCon(Protocol):
    @property
    def con(self) -> duckdb.DuckDBPyConnection: ...


@dataclasses.dataclass(slots=True, kw_only=True)
class Report:
    since: dt.date
    until: dt.date
    movers: list[Shift]
    network: Network
    previous: Network
    new_blocs: list[list[str]]
    alerts: list[Alert]
    totals: dict[str, Any]
    plots: dict[str, Path] = dataclasses.field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "since": self.since.isoformat(), "until": self.until.isoformat(),
            "totals": self.totals, "movers": [m.to_dict() for m in self.movers],
            "network": self.network.to_dict(), "new_blocs": self.new_blocs,
            "alerts": [a.to_dict() for a in self.alerts],
            "plots": {k: str(v) for k, v in self.plots.items()},
        }

    def _sections(self) -> list[tuple[str, list[str], list[list[str]]]]:
        """(title, paragraphs, table rows with header first) shared by both renderings."""
        t = self.totals
        out: list[tuple[str, list[str], list[list[str]]]] = [(
            "Summary",
            [f"{t['events']} events ({t['weighted']:.1f} weighted by factuality) "
             f"in {t['articles']} articles, {t['dyads']} dyads."], [])]
        rows = [["dyad / actor", "what", "recent", "expected", "z", "detail"]]
        for m in self.movers:
            rows.append([m.label, f"{m.kind} {m.band}".replace("_", " "), f"{m.recent:.1f}",
                         f"{m.baseline:.1f}", f"{m.z:+.1f}", m.detail])
        out.append(("Top movers", [] if self.movers else ["No shift passes the bands."], rows
                    if self.movers else []))
        bl = [f"{', '.join(b)}" + (" (new)" if b in self.new_blocs else "")
              for b in self.network.blocs]
        out.append(("Blocs", [f"Stability {self.network.stability:.2f} "
                              f"(mean adjusted Rand index of the quarters against the whole "
                              f"period); signed modularity {self.network.modularity:.2f}.",
                              *[f"- {b}" for b in bl]] if bl else ["No blocs."], []))
        stated = [f"- {s['published']}: {', '.join(s['members'])}"
                  + (f" against {', '.join(s['against'])}" if s["against"] else "")
                  + f" ({s['factuality']}): “{str(s['evidence_text'] or '').strip()}”"
                  for s in self.network.stated[:20]]
        out.append(("Stated alignments", stated or ["None stated."], []))
        arows = [["rule", "subject", "message"]] + [[a.rule, a.subject, a.message]
                                                     for a in self.alerts]
        out.append(("Alerts", [] if self.alerts else ["No alerts."],
                    arows if self.alerts else []))
        return out

    def to_markdown(self) -> str:
        lines = [f"# geopol report {self.since} to {self.until}", ""]
        for title, paras, rows in self._sections():
            lines += [f"## {title}", ""]
            lines += paras
            if rows:
                lines += ["| " + " | ".join(rows[0]) + " |",
                          "|" + "---|" * len(rows[0])]
                lines += ["| " + " | ".join(c.replace("|", "/") for c in r) + " |"
                          for r in rows[1:]]
            lines.append("")
            if title == "Top movers" and "trend" in self.plots:
                lines += [f"![dyad trends]({self.plots['trend'].name})", ""]
            if title == "Blocs" and "network" in self.plots:
                lines += [f"![alignment network]({self.plots['network'].name})", ""]
        return "\n".join(lines)

    def to_html(self) -> str:
        e = html.escape
        body = [f"<h1>geopol report {self.since} to {self.until}</h1>"]
        for title, paras, rows in self._sections():
            body.append(f"<h2>{e(title)}</h2>")
            items = [p[2:] for p in paras if p.startswith("- ")]
            body += [f"<p>{e(p)}</p>" for p in paras if not p.startswith("- ")]
            if items:
                body.append("<ul>" + "".join(f"<li>{e(i)}</li>" for i in items) + "</ul>")
            if rows:
                head = "".join(f"<th>{e(c)}</th>" for c in rows[0])
                trs = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in r) + "</tr>"
                              for r in rows[1:])
                body.append(f"<table><thead><tr>{head}</tr></thead><tbody>{trs}</tbody></table>")
            plot = {"Top movers": "trend", "Blocs": "network"}.get(title)
            if plot and plot in self.plots:
                data = base64.b64encode(self.plots[plot].read_bytes()).decode("ascii")
                body.append(f'<img alt="{plot}" src="data:image/png;base64,{data}">')
        style = ("body{font-family:sans-serif;max-width:60em;margin:2em auto}"
                 "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em}"
                 "img{max-width:100%}")
        return ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                f"<title>geopol report {self.since} to {self.until}</title>"
                f"<style>{style}</style></head><body>{''.join(body)}</body></html>\n")

    def write(self, directory: str | Path) -> dict[str, Path]:
        """Write report.md and report.html (plots are already in ``directory``)."""
        d = Path(directory)
        d.mkdir(parents=True, exist_ok=True)
        md, page = d / "report.md", d / "report.html"
        md.write_text(self.to_markdown(), "utf-8")
        page.write_text(self.to_html(), "utf-8")
        return {"markdown": md, "html": page, **self.plots}


def _jaccard(a: Sequence[str], b: Sequence[str]) -> float:
    sa, sb = set(a), set(b)
    return len(sa & sb) / len(sa | sb) if sa | sb else 1.0


def report(
    store: HasCon,
    since: DateLike,
    until: DateLike = None,
    *,
    rules: Sequence[Rule] = (),
    out_dir: str | Path | None = None,
    weighted: bool = True,
    weights: Mapping[str, float] | None = None,
    top: int = 10,
    plots: bool = True,
) -> Report:
    """The report of the period ``since``..``until`` (default: the latest event date)."""
    con = store.con
    start = as_date(since)
    end = as_date(until)
    if end is None:
        end = latest_date(con) or dt.date.today()
    if start is None or start > end:
        raise BadInput(f"report period is empty: {since} to {end}")
    span = (end - start).days + 1
    movers = [s for s in find_shifts(con, recent_days=span, baseline_days=max(3 * span, 90),
                                     until=end, weighted=weighted, weights=weights)
              if s.subject == "dyad"][:top]
    network = alignment_network(con, start, end, weighted=weighted, weights=weights)
    prev_end = start - dt.timedelta(days=1)
    previous = alignment_network(con, prev_end - dt.timedelta(days=span - 1), prev_end,
                                 weighted=weighted, weights=weights, slices=1)
    new_blocs = [b for b in network.blocs
                 if not any(_jaccard(b, p) >= 0.75 for p in previous.blocs)]
    alerts = evaluate(con, list(rules), until=end) if rules else []
    row = con.execute(f"""
        SELECT count(*), coalesce(sum({weight_sql(weights)}), 0), count(DISTINCT article_id)
        FROM events WHERE event_date BETWEEN ? AND ?""", [start, end]).fetchone() or (0, 0, 0)
    drow = con.execute("""
        SELECT count(DISTINCT (least(d.source_country, d.target_country),
                               greatest(d.source_country, d.target_country)))
        FROM event_dyads d JOIN events e ON e.event_id = d.event_id
        WHERE d.target_country IS NOT NULL AND e.event_date BETWEEN ? AND ?""",
                       [start, end]).fetchone() or (0,)
    totals = {"events": int(row[0]), "weighted": float(row[1]), "articles": int(row[2]),
              "dyads": int(drow[0])}
    rep = Report(since=start, until=end, movers=movers, network=network, previous=previous,
                 new_blocs=new_blocs, alerts=alerts, totals=totals)
    if plots and out_dir is not None:
        d = Path(out_dir)
        d.mkdir(parents=True, exist_ok=True)
        pairs = [(m.a, m.b) for m in movers if m.b][:4]
        if pairs:
            rep.plots["trend"] = trend_chart(con, pairs, start - dt.timedelta(days=2 * span), end,
                                             d / "trend.png", weights=weights)
        if network.edges:
            rep.plots["network"] = network_chart(network, d / "network.png")
    return rep


def trend_chart(con: duckdb.DuckDBPyConnection, pairs: Sequence[tuple[str, str | None]],
                since: dt.date, until: dt.date, path: Path, *,
                weights: Mapping[str, float] | None = None) -> Path:
    """Weekly cooperation-minus-conflict per dyad, raw (dashed) and weighted (solid)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(len(pairs), 1, figsize=(8, 2.2 * len(pairs)), sharex=True,
                             squeeze=False)
    for ax, (a, b) in zip(axes[:, 0], pairs, strict=True):
        for weighted, style in ((False, "--"), (True, "-")):
            s = dyad_series(con, a, b, freq="week", weighted=weighted, since=since, until=until,
                            weights=weights)
            ax.plot(s["period"], s["coop_minus_conflict"], style,
                    label="weighted" if weighted else "raw")
        ax.axhline(0, color="grey", linewidth=0.5)
        ax.set_title(f"{a}–{b}" if b else a, fontsize=9)
        ax.set_ylabel("coop − conflict", fontsize=8)
    axes[0, 0].legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


def network_chart(network: Network, path: Path) -> Path:
    """Nodes coloured by bloc; green edges cooperate, red edges conflict."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import networkx as nx

    g = network.graph()
    attract = nx.Graph()
    attract.add_nodes_from(g.nodes)
    for u, v, data in g.edges(data=True):
        if data["sign"] > 0:
            attract.add_edge(u, v, weight=data["weight"])
    pos = nx.spring_layout(attract, seed=1, k=2 / math.sqrt(max(len(g), 1)))
    bloc = network.bloc_of()
    palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf"]
    colours = [palette[bloc[n] % len(palette)] if bloc.get(n, -1) >= 0 else "#bbbbbb"
               for n in g.nodes]
    top = max((d["weight"] for _, _, d in g.edges(data=True)), default=1.0) or 1.0
    fig, ax = plt.subplots(figsize=(7, 6))
    nx.draw_networkx_edges(
        g, pos, ax=ax, edge_color=["#2a9d2a" if d["sign"] > 0 else "#d62728"
                                   for _, _, d in g.edges(data=True)],
        width=[0.5 + 3 * d["weight"] / top for _, _, d in g.edges(data=True)], alpha=0.6)
    nx.draw_networkx_nodes(g, pos, ax=ax, node_color=colours, node_size=500)
    nx.draw_networkx_labels(g, pos, ax=ax, font_size=8)
    ax.set_title(f"Alignment {network.since} to {network.until}", fontsize=10)
    ax.axis("off")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path
