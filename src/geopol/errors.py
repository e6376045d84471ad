"""Exceptions geopol raises on purpose.

GeopolError
 +-- BadInput            the input cannot be coded (empty, binary, not UTF-8, too large, not English)
 |    +-- NotEnglish
 +-- ModelNotFound       the spaCy pipeline named by --model is not installed
 +-- DictionaryError     a user or built-in dictionary file has a bad entry (file and line in message)
 +-- StoreError          the event store cannot be opened or written
 +-- FetchError          a URL could not be fetched safely

The CLI turns any GeopolError into ``Error: <message>`` and exit status 1.
"""

from __future__ import annotations


class GeopolError(Exception):
    """Base class of every error geopol raises on purpose."""


class BadInput(GeopolError):
    pass


class NotEnglish(BadInput):
    pass


class ModelNotFound(GeopolError):
    pass


class DictionaryError(GeopolError):
    pass


class StoreError(GeopolError):
    pass


class FetchError(GeopolError):
    pass
