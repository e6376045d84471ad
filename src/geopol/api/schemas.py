"""Request bodies the API accepts; validation happens here, at the edge, and nowhere else."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

#: Longest article body accepted by ``POST /api/articles`` (characters).
MAX_BODY = 200_000


class ArticleIn(BaseModel):
    """One article to code and store."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field("", max_length=1_000)
    body: str = Field(..., min_length=1, max_length=MAX_BODY)
    published: dt.date | None = None
    url: str | None = Field(None, max_length=2_000)
    source: str | None = Field(None, max_length=200)


class RuleIn(BaseModel):
    """One alert rule; its fields beyond ``name`` are checked by the rule loader."""

    model_config = ConfigDict(extra="allow")

    name: str = Field(..., min_length=1, max_length=200, pattern=r"^[A-Za-z0-9_.\- ]+$")

    def as_dict(self) -> dict[str, Any]:
        return self.model_dump(exclude_none=True)
