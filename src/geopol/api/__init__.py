"""REST API and dashboard server over the event store."""

from geopol.api.app import create_app

__all__ = ["create_app"]
