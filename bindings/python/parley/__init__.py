"""Python bindings for Parley, an embeddable conversation engine for WhatsApp bots.

A thin ctypes skin over the C API in include/parley.h::

    import parley

    with parley.Engine({"region": "RW"}) as engine:
        context = engine.process(message)   # dict, JSON str or bytes -> enriched context (dict)

Asynchronous processing (the worker pool inside the library)::

    ticket = engine.submit(message, priority="normal")    # returns at once; stored first
    for result in engine.results(timeout_ms=1000):        # a generator over poll()
        print(result["ticket"], result["context"]["intent"])

    engine.set_callback(print)          # or: results on Parley's threads, each chat's in order
    async for result in engine.aresults():  # or: asyncio (polls in the loop's executor)
        ...
    engine.drain()                      # wait until everything accepted was handed back

    future = engine.submit_future(message)  # or: a concurrent.futures.Future per message
    context = future.result(timeout=5)["context"]   # ParleyError if the message failed

A result is a dict ``{"ticket": int, "status": "PARLEY_OK" | status name, "recovered": bool,
"context": {...}}`` or, for a message that failed, ``{..., "error": {"status", "message"}}``.

Every failure raises :class:`ParleyError`, whose ``status`` is a :class:`Status` and whose
``message`` is the library's description of the failure. An :class:`Engine` may be shared by
many threads: calls release the GIL and run in parallel inside the engine.

The library is looked up, in order: ``$PARLEY_LIBRARY``; ``libParley.so`` inside this package
(``pip install`` puts it there); a system copy (``ctypes.util.find_library("Parley")``).
``LD_LIBRARY_PATH`` is never needed.
"""

from __future__ import annotations

import asyncio
import atexit
import builtins
import collections
import concurrent.futures
import ctypes
import ctypes.util
import enum
import json
import logging
import os
import threading
import time
import weakref
from pathlib import Path
from typing import Any, AsyncIterator, Callable, Dict, Iterator, List, Optional, Union

__all__ = ["Engine", "ParleyError", "Status", "PRIORITIES", "version", "library_path", "train_intent_model"]

_log = logging.getLogger("parley")

# The C API this binding was written against (PARLEY_VERSION_MAJOR / _MINOR of parley.h).
_API_MAJOR = 0
_API_MINOR = 1

_LIBRARY_FILE = "libParley.so"


class Status(enum.IntEnum):
    """The status codes of ``enum parley_status`` in parley.h."""

    OK = 0
    INVALID_ARGUMENT = 1
    MALFORMED_JSON = 2
    INVALID_UTF8 = 3
    INVALID_MESSAGE = 4
    TOO_LARGE = 5
    UNSUPPORTED = 6
    BAD_SIGNATURE = 7
    INVALID_CONFIG = 8
    BUSY = 9
    STORAGE = 10
    CORRUPT = 11
    TIMEOUT = 12
    INTERNAL = 13
    NOT_FOUND = 14
    BAD_MEDIA = 15


class ParleyError(Exception):
    """A Parley call failed.

    ``status`` is a :class:`Status` (a plain ``int`` for a code newer than this binding) and
    ``message`` the text of ``parley_last_error()`` read right after the failing call.
    """

    def __init__(self, status: Union[Status, int], message: str) -> None:
        try:
            status = Status(status)
        except ValueError:
            status = int(status)
        self.status = status
        self.message = message
        name = status.name if isinstance(status, Status) else f"UNKNOWN_STATUS({status})"
        super().__init__(f"{name}: {message}" if message else name)

    def __reduce__(self):
        return (type(self), (int(self.status), self.message))


# ---------------------------------------------------------------------------------------
# Loading the library
# ---------------------------------------------------------------------------------------

def _load_library():
    tried = []
    override = os.environ.get("PARLEY_LIBRARY")
    if override:
        # An explicit choice that fails is an error, not a reason to load something else.
        try:
            return ctypes.CDLL(override), override
        except OSError as error:
            raise ImportError(f"parley: cannot load PARLEY_LIBRARY={override}: {error}") from error
    bundled = Path(__file__).resolve().with_name(_LIBRARY_FILE)
    if bundled.is_file():
        try:
            return ctypes.CDLL(str(bundled)), str(bundled)
        except OSError as error:
            tried.append(f"{bundled} ({error})")
    else:
        tried.append(f"{bundled} (not found)")
    system = ctypes.util.find_library("Parley")
    if system:
        try:
            return ctypes.CDLL(system), system
        except OSError as error:
            tried.append(f"system library {system} ({error})")
    else:
        tried.append('ctypes.util.find_library("Parley") (no system copy found)')
    raise ImportError(
        "parley: cannot load libParley.so; tried $PARLEY_LIBRARY (not set), "
        + "; ".join(tried)
        + ". Build the library and `pip install ./bindings/python`, or set PARLEY_LIBRARY.")


_lib, _library_path = _load_library()

_char_pp = ctypes.POINTER(ctypes.POINTER(ctypes.c_char))

_lib.parley_version.argtypes = []
_lib.parley_version.restype = ctypes.c_char_p
_lib.parley_status_name.argtypes = [ctypes.c_int]
_lib.parley_status_name.restype = ctypes.c_char_p
_lib.parley_last_error.argtypes = []
_lib.parley_last_error.restype = ctypes.c_char_p
_lib.parley_string_free.argtypes = [ctypes.POINTER(ctypes.c_char)]
_lib.parley_string_free.restype = None
_lib.parley_engine_open.argtypes = [ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p)]
_lib.parley_engine_open.restype = ctypes.c_int
_lib.parley_engine_close.argtypes = [ctypes.c_void_p]
_lib.parley_engine_close.restype = None
_lib.parley_engine_process.argtypes = [
    ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, _char_pp, ctypes.POINTER(ctypes.c_size_t)]
_lib.parley_engine_process.restype = ctypes.c_int
_lib.parley_engine_ingest_webhook.argtypes = [
    ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p, _char_pp, ctypes.POINTER(ctypes.c_size_t)]
_lib.parley_engine_ingest_webhook.restype = ctypes.c_int
_lib.parley_thread_list.argtypes = [
    ctypes.c_void_p, ctypes.c_char_p, _char_pp, ctypes.POINTER(ctypes.c_size_t)]
_lib.parley_thread_list.restype = ctypes.c_int
_lib.parley_thread_get.argtypes = [
    ctypes.c_void_p, ctypes.c_char_p, _char_pp, ctypes.POINTER(ctypes.c_size_t)]
_lib.parley_thread_get.restype = ctypes.c_int
_lib.parley_thread_messages.argtypes = [
    ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p, _char_pp, ctypes.POINTER(ctypes.c_size_t)]
_lib.parley_thread_messages.restype = ctypes.c_int
_lib.parley_report_html.argtypes = [
    ctypes.c_void_p, ctypes.c_char_p, _char_pp, ctypes.POINTER(ctypes.c_size_t)]
_lib.parley_report_html.restype = ctypes.c_int
for _reader in ("parley_media_ocr", "parley_media_transcribe", "parley_media_parse_document"):
    getattr(_lib, _reader).argtypes = [
        ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p, _char_pp, ctypes.POINTER(ctypes.c_size_t)]
    getattr(_lib, _reader).restype = ctypes.c_int
_TRANSCRIBER = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.POINTER(ctypes.c_ubyte), ctypes.c_size_t,
                                ctypes.POINTER(ctypes.c_int16), ctypes.c_size_t, ctypes.c_char_p, ctypes.c_void_p)
_lib.parley_media_set_transcriber.argtypes = [ctypes.c_void_p, _TRANSCRIBER, ctypes.c_void_p]
_lib.parley_media_set_transcriber.restype = ctypes.c_int
_lib.parley_transcript_reply_set.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_double]
_lib.parley_transcript_reply_set.restype = ctypes.c_int
_lib.parley_gallery_query.argtypes = [
    ctypes.c_void_p, ctypes.c_char_p, _char_pp, ctypes.POINTER(ctypes.c_size_t)]
_lib.parley_gallery_query.restype = ctypes.c_int
_lib.parley_gallery_get.argtypes = [
    ctypes.c_void_p, ctypes.c_char_p, _char_pp, ctypes.POINTER(ctypes.c_size_t)]
_lib.parley_gallery_get.restype = ctypes.c_int
_lib.parley_import_chat.argtypes = [
    ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p, _char_pp, ctypes.POINTER(ctypes.c_size_t)]
_lib.parley_import_chat.restype = ctypes.c_int
_lib.parley_lookup_set.argtypes = [
    ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, _char_pp, ctypes.POINTER(ctypes.c_size_t)]
_lib.parley_lookup_set.restype = ctypes.c_int
_lib.parley_intent_train.argtypes = [
    ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p, _char_pp, ctypes.POINTER(ctypes.c_size_t)]
_lib.parley_intent_train.restype = ctypes.c_int
_lib.parley_engine_load_intent_model.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
_lib.parley_engine_load_intent_model.restype = ctypes.c_int
_lib.parley_idempotency_claim.argtypes = [
    ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int64, ctypes.POINTER(ctypes.c_int)]
_lib.parley_idempotency_claim.restype = ctypes.c_int
_lib.parley_idempotency_release.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
_lib.parley_idempotency_release.restype = ctypes.c_int
_lib.parley_breaker_allow.argtypes = [
    ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int64, ctypes.POINTER(ctypes.c_int)]
_lib.parley_breaker_allow.restype = ctypes.c_int
_lib.parley_breaker_record.argtypes = [
    ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.c_int64, ctypes.c_int64]
_lib.parley_breaker_record.restype = ctypes.c_int
_lib.parley_breaker_status.argtypes = [ctypes.c_void_p, _char_pp, ctypes.POINTER(ctypes.c_size_t)]
_lib.parley_breaker_status.restype = ctypes.c_int
_lib.parley_store_maintain.argtypes = [ctypes.c_void_p, ctypes.c_int64, _char_pp, ctypes.POINTER(ctypes.c_size_t)]
_lib.parley_store_maintain.restype = ctypes.c_int
_lib.parley_writeback_park.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p,
                                        ctypes.c_int64, ctypes.POINTER(ctypes.c_uint64)]
_lib.parley_writeback_park.restype = ctypes.c_int
_lib.parley_writeback_replay.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_int64, _char_pp,
                                          ctypes.POINTER(ctypes.c_size_t)]
_lib.parley_writeback_replay.restype = ctypes.c_int
_lib.parley_writeback_confirm.argtypes = [ctypes.c_void_p, ctypes.c_uint64, ctypes.c_int, ctypes.c_char_p]
_lib.parley_writeback_confirm.restype = ctypes.c_int
for _name in ("parley_metrics_json", "parley_metrics_prometheus"):
    getattr(_lib, _name).argtypes = [ctypes.c_void_p, _char_pp, ctypes.POINTER(ctypes.c_size_t)]
    getattr(_lib, _name).restype = ctypes.c_int
_lib.parley_engine_submit.argtypes = [
    ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_int, ctypes.POINTER(ctypes.c_uint64)]
_lib.parley_engine_submit.restype = ctypes.c_int
_lib.parley_engine_submit_batch.argtypes = [
    ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_int, ctypes.POINTER(ctypes.c_uint64), ctypes.c_size_t,
    ctypes.POINTER(ctypes.c_size_t)]
_lib.parley_engine_submit_batch.restype = ctypes.c_int
_lib.parley_engine_poll.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int, _char_pp, ctypes.POINTER(ctypes.c_size_t)]
_lib.parley_engine_poll.restype = ctypes.c_int
# void (*)(void *user_data, uint64_t ticket, parley_status status, const char *json, size_t len)
_LOG_CALLBACK = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p, ctypes.c_size_t)
_lib.parley_log_set_callback.argtypes = [ctypes.c_void_p, _LOG_CALLBACK, ctypes.c_void_p, ctypes.c_int]
_lib.parley_log_set_callback.restype = ctypes.c_int
_LOG_LEVELS = {"debug": 0, "info": 1, "warning": 2, "error": 3}
_PYTHON_LOG_LEVELS = {0: logging.DEBUG, 1: logging.INFO, 2: logging.WARNING, 3: logging.ERROR}

_RESULT_CALLBACK = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_uint64, ctypes.c_int, ctypes.c_void_p, ctypes.c_size_t)
_lib.parley_engine_set_callback.argtypes = [ctypes.c_void_p, _RESULT_CALLBACK, ctypes.c_void_p]
_lib.parley_engine_set_callback.restype = ctypes.c_int
_lib.parley_engine_drain.argtypes = [ctypes.c_void_p, ctypes.c_int]
_lib.parley_engine_drain.restype = ctypes.c_int
# ---- cache ----
from typing import NamedTuple  # noqa: E402 - kept inside this block

_lib.parley_cache_put.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_int64,
                                  ctypes.c_char_p]
_lib.parley_cache_put.restype = ctypes.c_int
_lib.parley_cache_get.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int64, _char_pp, ctypes.POINTER(ctypes.c_size_t),
                                  ctypes.POINTER(ctypes.c_int)]
_lib.parley_cache_get.restype = ctypes.c_int
_lib.parley_cache_lease.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int64, ctypes.POINTER(ctypes.c_uint64)]
_lib.parley_cache_lease.restype = ctypes.c_int
_lib.parley_cache_release.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_uint64]
_lib.parley_cache_release.restype = ctypes.c_int
_lib.parley_cache_invalidate.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
_lib.parley_cache_invalidate.restype = ctypes.c_int
for _name in ("parley_cache_invalidate_tag", "parley_cache_invalidate_prefix"):
    getattr(_lib, _name).argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_size_t)]
    getattr(_lib, _name).restype = ctypes.c_int
# parley_status (*)(void *user_data, const char *key, parley_cache_reply *reply)
_CACHE_FETCHER = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p)
_lib.parley_cache_reply_set.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p]
_lib.parley_cache_reply_set.restype = ctypes.c_int
_lib.parley_cache_fetch.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int64, ctypes.c_char_p, _CACHE_FETCHER,
                                    ctypes.c_void_p, _char_pp, ctypes.POINTER(ctypes.c_size_t), ctypes.POINTER(ctypes.c_int)]
_lib.parley_cache_fetch.restype = ctypes.c_int
_lib.parley_cache_stats.argtypes = [ctypes.c_void_p, _char_pp, ctypes.POINTER(ctypes.c_size_t)]
_lib.parley_cache_stats.restype = ctypes.c_int


class CacheHit(NamedTuple):
    """A cached value and whether it is stale (past its TTL, inside its stale window)."""
    value: bytes
    stale: bool


def _cache_options(**options: Any) -> Optional[bytes]:
    """put/fetch options as JSON, leaving out what is None."""
    given = {key: value for key, value in options.items() if value is not None}
    if not given:
        return None
    encoded = json.dumps(given, ensure_ascii=False).encode("utf-8", "surrogatepass")
    if b"\0" in encoded:
        raise ParleyError(Status.INVALID_ARGUMENT, "the cache options contain a NUL byte")
    return encoded


__all__.append("CacheHit")

# ---- outbox ----
_lib.parley_outbox_enqueue.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.POINTER(ctypes.c_uint64)]
_lib.parley_outbox_enqueue.restype = ctypes.c_int
_lib.parley_outbox_next_batch.argtypes = [ctypes.c_void_p, ctypes.c_int64, ctypes.c_size_t, _char_pp, ctypes.POINTER(ctypes.c_size_t)]
_lib.parley_outbox_next_batch.restype = ctypes.c_int
_lib.parley_outbox_confirm.argtypes = [ctypes.c_void_p, ctypes.c_uint64, ctypes.c_int, ctypes.c_char_p]
_lib.parley_outbox_confirm.restype = ctypes.c_int
_lib.parley_outbox_status.argtypes = [ctypes.c_void_p, _char_pp, ctypes.POINTER(ctypes.c_size_t)]
_lib.parley_outbox_status.restype = ctypes.c_int
_lib.parley_outbox_delivery.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t]
_lib.parley_outbox_delivery.restype = ctypes.c_int
_lib.parley_outbox_get.argtypes = [ctypes.c_void_p, ctypes.c_uint64, _char_pp, ctypes.POINTER(ctypes.c_size_t)]
_lib.parley_outbox_get.restype = ctypes.c_int

#: The lanes of ``enum parley_priority``, by the names :meth:`Engine.submit` takes.
PRIORITIES = {"high": 0, "normal": 1, "low": 2}

# Blocking waits (poll, drain) run in slices this long, so close() never waits longer for them.
_SLICE_MS = 50
_INT_MAX = (1 << 31) - 1


def train_intent_model(data: Union[bytes, str], path: Union[str, os.PathLike]) -> Dict[str, Any]:
    """Trains an intent model from JSONL lines {"text", "intent"} or TSV "text<TAB>intent"
    and writes it to ``path``. Returns {"examples", "intents", "trainMillis"}."""
    payload = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else bytes(data)
    if not payload:
        raise ParleyError(Status.INVALID_ARGUMENT, "no training data")
    out = ctypes.POINTER(ctypes.c_char)()
    out_len = ctypes.c_size_t(0)
    status = _lib.parley_intent_train(payload, len(payload), os.fsencode(path), ctypes.byref(out), ctypes.byref(out_len))
    if status != Status.OK:
        _raise_last(status)
    return json.loads(_take_string(out, out_len.value))


def version() -> str:
    """The loaded library's version, "MAJOR.MINOR.PATCH"."""
    return _lib.parley_version().decode("ascii")


def library_path() -> str:
    """Where the loaded libParley.so came from."""
    return _library_path


def _check_library_version() -> None:
    found = version()
    try:
        major, minor = (int(part) for part in found.split(".")[:2])
    except ValueError:
        raise ImportError(f"parley: {_library_path} reports an unreadable version {found!r}") from None
    # 0.x: every minor release may change the API; from 1.0 a newer minor stays compatible.
    compatible = major == _API_MAJOR and (minor == _API_MINOR if major == 0 else minor >= _API_MINOR)
    if not compatible:
        raise ImportError(f"parley: {_library_path} is version {found}; this binding needs "
                          f"{_API_MAJOR}.{_API_MINOR}.x")


_check_library_version()

__version__ = version()


def _raise_last(status: int) -> None:
    """Raises for a failed call; must run right after it, on the same thread."""
    message = _lib.parley_last_error()
    raise ParleyError(status, message.decode("utf-8", "replace") if message else "")


def _as_bytes(value: Any, what: str) -> bytes:
    if isinstance(value, bytes):
        return value
    if isinstance(value, (bytearray, memoryview)):
        return bytes(value)
    if isinstance(value, str):
        # Lone surrogates stay invalid UTF-8, which the engine reports as INVALID_UTF8.
        return value.encode("utf-8", "surrogatepass")
    raise TypeError(f"{what} must be bytes or str, not {type(value).__name__}")


_INT64_MIN = -(1 << 63)
_INT64_MAX = (1 << 63) - 1


def _int64(value: Any, what: str) -> int:
    """An integer argument for an int64_t parameter; out of range is INVALID_ARGUMENT."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{what} must be an int, not {type(value).__name__}")
    if not _INT64_MIN <= value <= _INT64_MAX:
        raise ParleyError(Status.INVALID_ARGUMENT, f"{what} is out of range: {value}")
    return value


def _check_u64(value: Any, name: str, what: str) -> None:
    """An id the C API takes as uint64_t: ctypes would wrap -1 or 2**64 silently."""
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < (1 << 64):
        raise ParleyError(Status.INVALID_ARGUMENT, f"{name} must be {what}, got {value!r}")


def _c_string(value: Any, what: str) -> bytes:
    """A str argument for a NUL-terminated UTF-8 parameter."""
    if not isinstance(value, str):
        raise TypeError(f"{what} must be str, not {type(value).__name__}")
    if "\0" in value:
        raise ParleyError(Status.INVALID_ARGUMENT, f"{what} contains a NUL character")
    return value.encode("utf-8", "surrogatepass")


def _now_ms() -> int:
    return time.time_ns() // 1_000_000


def _take_string(out: "ctypes._Pointer", length: int) -> bytes:
    """Copies and frees a string Parley returned."""
    try:
        return ctypes.string_at(out, length)
    finally:
        _lib.parley_string_free(out)


# ---------------------------------------------------------------------------------------
# Engine
# ---------------------------------------------------------------------------------------

class Engine:
    """An engine: configuration, the durable store and the pipeline.

    ``config`` is a dict, a JSON string, or None for defaults (an in-memory store); see
    parley.h for the keys. Use as a context manager or call :meth:`close`. Safe to share
    across threads; :meth:`close` waits for calls in progress, and later calls raise
    :class:`ParleyError` with ``Status.INVALID_ARGUMENT``.
    """

    def __init__(self, config: Union[Dict[str, Any], str, bytes, None] = None) -> None:
        self._handle: Optional[int] = None
        self._calls = 0
        self._calls_by_thread: Dict[int, int] = {}
        self._state = threading.Condition(threading.Lock())
        # Asynchronous processing: the callback, and what tells a recovered result from one
        # submitted through this object (the C callback does not say).
        self._callback: Optional[Callable[[Dict[str, Any]], Any]] = None
        self._transcriber = None  # the ctypes function given to parley_media_set_transcriber
        self._c_callback = None
        self._c_log_callback = None  # the ctypes function given to parley_log_set_callback
        self._old_log_callbacks: list = []
        self._tickets = threading.Condition(threading.Lock())
        self._submitted: set = set()
        self._submitting: Dict[int, int] = {}  # submit in progress -> its thread id
        self._next_submit = 0
        self._stash: collections.deque = collections.deque()  # taken by a cancelled aresults()
        # Futures (submit_future): once the first is made, every result comes through the C
        # callback; a result whose ticket has futures settles them, the others go to the
        # callback set with set_callback() or, without one, to _routed for poll().
        self._routing = False
        self._futures: Dict[int, List[concurrent.futures.Future]] = {}
        self._future_tokens: Dict[int, concurrent.futures.Future] = {}  # submit_future in progress
        self._answered: Dict[int, Dict[str, Any]] = {}  # its result, delivered before it returned
        self._futures_closed = False
        self._route = threading.Condition(threading.RLock())  # RLock: a callback may poll()
        self._routing_lock = threading.Lock()
        self._routed: collections.deque = collections.deque()
        #: The last exceptions (at most 100) raised by the function given to set_callback.
        self.callback_errors: collections.deque = collections.deque(maxlen=100)
        if config is None:
            encoded = None
        elif isinstance(config, dict):
            encoded = json.dumps(config, ensure_ascii=False).encode("utf-8")
        else:
            encoded = _as_bytes(config, "config")
        if encoded is not None and b"\0" in encoded:
            raise ParleyError(Status.INVALID_ARGUMENT, "the configuration contains a NUL byte")
        handle = ctypes.c_void_p()
        status = _lib.parley_engine_open(encoded, ctypes.byref(handle))
        if status != Status.OK:
            _raise_last(status)
        self._handle = handle.value
        _open_engines.add(self)

    # -- lifetime -------------------------------------------------------------------

    @property
    def closed(self) -> bool:
        return self._handle is None

    def close(self) -> None:
        """Closes the engine after the calls in progress; committed messages stay stored.
        Closing twice is harmless. A :meth:`drain` or :meth:`poll` waiting on another thread
        gives up within 50 ms. Results stop going to the callback first; the workers finish
        the messages they hold; messages still queued are recovered at the next open (call
        :meth:`drain` first to lose no result)."""
        with self._state:
            handle, self._handle = self._handle, None
            # Not for a call of this very thread: a result callback that set_callback is
            # handing waiting results to, closing the engine, would wait for itself.
            own = self._calls_by_thread.get(threading.get_ident(), 0)
            while self._calls > own:
                self._state.wait()
        if handle is not None:
            if self._c_callback is not None:
                _lib.parley_engine_set_callback(handle, _RESULT_CALLBACK(), None)
            _lib.parley_engine_close(handle)
            # Closing logs its last line through the log callback: dropped only now.
            self._c_log_callback = None
            self._old_log_callbacks.clear()
            # The workers are joined: nothing calls the ctypes callback any more. Closed from
            # inside that callback, it is still running on this thread: it must outlive the call.
            if getattr(_in_result_callback, "active", False) and self._c_callback is not None:
                _retired_callbacks.append(self._c_callback)
            self._c_callback = None
            self._callback = None
        self._fail_pending_futures()
        with self._route:
            self._route.notify_all()

    def _fail_pending_futures(self) -> None:
        """Fails the futures whose results had not come when the engine closed."""
        with self._tickets:
            self._futures_closed = True
            pending = [future for futures in self._futures.values() for future in futures]
            self._futures.clear()
        for future in pending:
            _settle(future, error=ParleyError(Status.INVALID_ARGUMENT, _CLOSED_BEFORE_RESULT))

    def __enter__(self) -> "Engine":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            if getattr(self, "_handle", None) is not None:
                self.close()
        except Exception:  # interpreter shutdown: modules may already be gone
            pass

    def __repr__(self) -> str:
        return f"<parley.Engine {'closed' if self.closed else 'open'}>"

    def _enter(self) -> int:
        with self._state:
            if self._handle is None:
                raise ParleyError(Status.INVALID_ARGUMENT, "the engine is closed")
            self._calls += 1
            me = threading.get_ident()
            self._calls_by_thread[me] = self._calls_by_thread.get(me, 0) + 1
            return self._handle

    def _leave(self) -> None:
        with self._state:
            self._calls -= 1
            me = threading.get_ident()
            if self._calls_by_thread[me] == 1:
                del self._calls_by_thread[me]
            else:
                self._calls_by_thread[me] -= 1
            if not self._calls:
                self._state.notify_all()

    # -- calls ----------------------------------------------------------------------

    def process(self, message: Union[Dict[str, Any], str, bytes]) -> Dict[str, Any]:
        """Processes one message (normalized, whatsapp-web.js or Baileys; a dict, JSON text or
        UTF-8 bytes) and returns its enriched context. A message seen before comes back with
        ``"status": "duplicate"``."""
        if isinstance(message, (dict, list)):
            data = json.dumps(message, ensure_ascii=False).encode("utf-8", "surrogatepass")
        else:
            data = _as_bytes(message, "message")
        return self._json_call(_lib.parley_engine_process, data, len(data))

    def ingest_webhook(self, body: Union[bytes, str], signature: Optional[str] = None) -> Dict[str, Any]:
        """Verifies and processes a WhatsApp Cloud API webhook body, byte for byte as received.
        ``signature`` is the X-Hub-Signature-256 header ("sha256=<hex>"), or None."""
        data = _as_bytes(body, "body")
        if signature is None:
            header = None
        elif isinstance(signature, (str, bytes)):
            header = signature.encode("utf-8", "surrogatepass") if isinstance(signature, str) else signature
        else:
            raise TypeError(f"signature must be str or None, not {type(signature).__name__}")
        return self._json_call(_lib.parley_engine_ingest_webhook, data, len(data), header)

    def set_lookups(self, lists: Dict[str, list]) -> Dict[str, int]:
        """Sets lookup lists ({"property": [{"id", "name", "aliases"}], ...}); each kind given
        replaces that list, an empty list removes it. Returns every kind's entry count."""
        data = json.dumps(lists, ensure_ascii=False).encode("utf-8")
        return self._json_call(_lib.parley_lookup_set, data, len(data))["lists"]

    def load_intent_model(self, path: Union[str, os.PathLike]) -> None:
        """Uses the intent model at ``path`` (from :func:`train_intent_model` or ``parley
        train``) for the messages processed from now on."""
        self._call(_lib.parley_engine_load_intent_model, os.fsencode(path))

    def threads(self, chat: Optional[str] = None, state: Optional[str] = None,
                limit: Optional[int] = None) -> list:
        """Conversation threads, most recently active first, optionally of one chat and in
        one state ("open" or "closed"); at most ``limit`` (default 100)."""
        query = {key: value for key, value in (("chat", chat), ("state", state), ("limit", limit)) if value is not None}
        return self._json_call(_lib.parley_thread_list, json.dumps(query).encode("utf-8"))["threads"]

    def thread(self, thread_id: str) -> Dict[str, Any]:
        """One thread with the enriched contexts of its messages, oldest first: the first
        1000, and "nextOffset" when more follow (``thread_messages``). Raises ParleyError
        NOT_FOUND for an unknown id."""
        return self._json_call(_lib.parley_thread_get, _c_string(thread_id, "thread_id"))["thread"]

    def thread_messages(self, thread_id: str, offset: int = 0, limit: Optional[int] = None) -> Dict[str, Any]:
        """A page of a thread's messages, oldest first: {"thread", "offset", "messages",
        "nextOffset"?} (``limit`` 1..1000, default 1000)."""
        query = {"offset": offset} if limit is None else {"offset": offset, "limit": limit}
        return self._json_call(_lib.parley_thread_messages, _c_string(thread_id, "thread_id"),
                               json.dumps(query).encode("utf-8"))

    def iter_thread_messages(self, thread_id: str, page: int = 1000) -> Iterator[Dict[str, Any]]:
        """Every message of a thread, oldest first, read a page at a time."""
        offset: Optional[int] = 0
        while offset is not None:
            result = self.thread_messages(thread_id, offset, page)
            yield from result["messages"]
            offset = result.get("nextOffset")

    # -- media: OCR, transcription, documents, the gallery -------------------------------

    def ocr(self, data: Union[bytes, bytearray, memoryview], **options: Any) -> Dict[str, Any]:
        """OCR of one image's bytes: {"sha256", "text", "confidence", "entities", ...}.
        ``options``: "timestamp" (Unix seconds relative dates resolve against) and the OCR
        reader's options. The GIL is released while Tesseract works."""
        return self._media(_lib.parley_media_ocr, data, options)

    def transcribe(self, data: Union[bytes, bytearray, memoryview], **options: Any) -> Dict[str, Any]:
        """Transcription of one audio file (WhatsApp Ogg/Opus, WAV); as :meth:`ocr`."""
        return self._media(_lib.parley_media_transcribe, data, options)

    def parse_document(self, data: Union[bytes, bytearray, memoryview], **options: Any) -> Dict[str, Any]:
        """Text and fields of one document (PDF, CSV, XLSX); as :meth:`ocr`."""
        return self._media(_lib.parley_media_parse_document, data, options)

    def _media(self, function, data, options: Dict[str, Any]) -> Dict[str, Any]:
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f"data must be bytes, not {type(data).__name__}")
        raw = bytes(data)
        encoded = json.dumps(options, ensure_ascii=False).encode("utf-8", "surrogatepass") if options else None
        return self._json_call(function, raw, len(raw), encoded)

    def set_transcriber(self, transcriber: Optional[Callable[[bytes, memoryview, Dict[str, Any]], Any]]) -> None:
        """Registers your own transcriber (another language, a cloud service) for audio read
        with ``engine="host"`` (``media.voice.engine`` in the configuration, or a call's
        options); None removes it. It is called on Parley's threads, possibly several at once,
        with the file's bytes, its audio as 16 kHz mono samples (a memoryview of int16) and
        the call's options, and returns the text or (text, confidence). An exception fails the
        reading (a ParleyError keeps its status); the message is still processed."""
        if transcriber is None:
            self._call(_lib.parley_media_set_transcriber, _TRANSCRIBER(), None)
            self._transcriber = None
            return
        if not callable(transcriber):
            raise TypeError(f"transcriber must be callable, not {type(transcriber).__name__}")

        def trampoline(_user, audio, audio_len, pcm, samples, options, reply):
            try:
                data = ctypes.string_at(audio, audio_len) if audio_len else b""
                view = memoryview((ctypes.c_int16 * samples).from_address(ctypes.addressof(pcm.contents))).cast("B").cast("h") \
                    if samples else memoryview(b"").cast("h")
                answer = transcriber(data, view, json.loads(options.decode("utf-8")) if options else {})
                text, confidence = (answer, 1.0) if isinstance(answer, str) else answer
                return _lib.parley_transcript_reply_set(reply, str(text).encode("utf-8", "surrogatepass"), float(confidence))
            except ParleyError as error:
                return int(error.status)
            except Exception:  # noqa: BLE001 - any failure of the host's code fails this reading only
                return int(Status.INTERNAL)

        c_transcriber = _TRANSCRIBER(trampoline)
        self._call(_lib.parley_media_set_transcriber, c_transcriber, None)
        # Kept alive for as long as the engine may call it.
        self._transcriber = c_transcriber

    def gallery(self, **query: Any) -> list:
        """The media of processed messages, newest first, narrowed by chat, thread, sender,
        kind ("image", "audio", "document", "video", "other"), since, until (Unix seconds),
        text (words of the extracted text or caption), limit (default 100) and offset."""
        encoded = json.dumps(query, ensure_ascii=False).encode("utf-8", "surrogatepass") if query else None
        return self._json_call(_lib.parley_gallery_query, encoded)["media"]

    def gallery_item(self, sha256: str) -> Dict[str, Any]:
        """One media file by SHA-256 with its reading and every message that carried it.
        Raises ParleyError NOT_FOUND for an unknown hash."""
        if not isinstance(sha256, str):
            raise TypeError(f"sha256 must be str, not {type(sha256).__name__}")
        return self._json_call(_lib.parley_gallery_get, sha256.encode("utf-8", "surrogatepass"))["item"]

    # -- the conversation report -----------------------------------------------------------

    def report_html(self, chat: Optional[str] = None, title: Optional[str] = None, **options: Any) -> str:
        """The store's conversations as one self-contained HTML page (str): per chat its
        threads, intents over time, sentiment with the angriest moments, the units, amounts
        and dates named (phone numbers masked), media with their text, dead letters and
        degraded periods. ``chat``: only that chat; ``title``: the page's title; further
        options as parley_report_html names them (``mask``, ``generatedAt``, ``messageLimit``,
        ``galleryLimit``, ``chatLimit``, ``embedImages``). An empty store gives a page that says so."""
        query = dict(options)
        if chat is not None:
            query["chat"] = chat
        if title is not None:
            query["title"] = title
        encoded = json.dumps(query, ensure_ascii=False).encode("utf-8", "surrogatepass") if query else None
        out = ctypes.POINTER(ctypes.c_char)()
        out_len = ctypes.c_size_t(0)
        self._call(_lib.parley_report_html, encoded, ctypes.byref(out), ctypes.byref(out_len))
        return _take_string(out, out_len.value).decode("utf-8")

    # -- import: WhatsApp chat exports ----------------------------------------------------

    def import_chat(self, path: Union[str, os.PathLike], chat: Optional[str] = None,
                    time_zone: Optional[str] = None, date_order: Optional[str] = None) -> Dict[str, Any]:
        """Imports a WhatsApp "Export chat" file (the .txt, or the .zip with media) into the store:
        every message through the whole pipeline and into the journal; importing it again adds
        nothing. ``chat``: the chat id (default: the name in the file name); ``time_zone``: the
        zone the export's times are in (IANA name or offset; default the engine's); ``date_order``:
        "dmy" or "mdy" (default: detected from the file). Returns the summary dict ("messages",
        "imported", "duplicates", "systemEvents", "media", "mediaMissing", "unparsedLines", ...).
        Blocks until done (the GIL is released); raises ParleyError (NOT_FOUND, UNSUPPORTED for a
        file that is no export, CORRUPT for a truncated zip, TOO_LARGE for a zip bomb, ...)."""
        options = {key: value for key, value in (("chat", chat), ("timeZone", time_zone), ("dateOrder", date_order))
                   if value is not None}
        for key, value in options.items():
            if not isinstance(value, str):
                raise TypeError(f"{key} must be str, not {type(value).__name__}")
        encoded = json.dumps(options, ensure_ascii=False).encode("utf-8", "surrogatepass") if options else None
        return self._json_call(_lib.parley_import_chat, os.fsencode(path), encoded)

    # -- reliability: idempotency claims and circuit breakers ---------------------------

    def claim(self, key: str, ttl_seconds: int) -> bool:
        """Claims an idempotency key for ``ttl_seconds`` (1 to ten years) before a side effect
        of the host's own (a sheet write-back, a payment confirmation). True when this call
        claimed it: do the side effect. False when it was claimed before and the claim has not
        expired: skip it. Durable in the store, so it holds across restarts."""
        data = _c_string(key, "key")
        ttl = _int64(ttl_seconds, "ttl_seconds")
        first = ctypes.c_int(0)
        self._call(_lib.parley_idempotency_claim, data, ttl, ctypes.byref(first))
        return first.value == 1

    def release(self, key: str) -> None:
        """Forgets a claim so the side effect may be retried (it failed). Releasing a key
        that is not claimed is no error."""
        self._call(_lib.parley_idempotency_release, _c_string(key, "key"))

    def breaker_allow(self, name: str, now_ms: Optional[int] = None) -> bool:
        """Whether a call through circuit breaker ``name`` may go ahead: True when it is
        closed or a half-open trial permit was granted (then record the outcome), False when
        it is open. ``now_ms``: the host's clock in milliseconds (default: the wall clock,
        ``time.time_ns() // 1_000_000``); use one clock for every call."""
        now = _now_ms() if now_ms is None else _int64(now_ms, "now_ms")
        allowed = ctypes.c_int(0)
        self._call(_lib.parley_breaker_allow, _c_string(name, "name"), now, ctypes.byref(allowed))
        return allowed.value == 1

    def breaker_record(self, name: str, ok: bool, micros: Union[int, float], now_ms: Optional[int] = None) -> None:
        """Records the outcome of a call :meth:`breaker_allow` let through: ``ok`` False for a
        failure, ``micros`` how long it took (float values are rounded)."""
        if isinstance(micros, float):
            micros = round(micros)
        duration = _int64(micros, "micros")
        now = _now_ms() if now_ms is None else _int64(now_ms, "now_ms")
        self._call(_lib.parley_breaker_record, _c_string(name, "name"), 1 if ok else 0, duration, now)

    def breakers(self) -> list:
        """Every breaker used so far or configured, by name: [{"name", "state":
        "closed"|"open"|"half_open", "failureRate", "slowCallRate", "calls", "openedAt"?,
        "retryAt"?}]."""
        return self._json_call(_lib.parley_breaker_status)["breakers"]

    # -- store maintenance ----------------------------------------------------------------

    def maintain(self, now_ms: Optional[int] = None) -> Dict[str, Any]:
        """Runs retention now: deletes (or, with ``"retention": {"archive": path}``, moves
        into that SQLite file) messages and idle threads older than ``retention.days``,
        deletes expired idempotency claims and gives free pages back (incremental vacuum).
        ``now_ms``: Unix milliseconds to measure from (default: the wall clock). The engine also
        runs this by itself every ``retention.intervalMinutes``. Returns {"deleted", "archived",
        "threadsDeleted", "claimsExpired", "mediaDeleted", "outboxDeleted",
        "mediaTemporariesDeleted", "freedPages", "cutoff", "autoVacuum", "pageCount",
        "freelistCount"}."""
        now = 0 if now_ms is None else _int64(now_ms, "now_ms")
        return self._json_call(_lib.parley_store_maintain, now)

    # -- write-backs parked while a breaker is open -------------------------------------------

    def park_writeback(self, dependency: str, payload: Any, key: Optional[str] = None,
                       now_ms: Optional[int] = None) -> int:
        """Parks a write-back (any JSON-able payload) that cannot run while ``dependency``'s
        breaker is open; returns its id (a key parked before returns the first one's id)."""
        data = json.dumps(payload).encode("utf-8")
        out_id = ctypes.c_uint64(0)
        self._call(_lib.parley_writeback_park, _c_string(dependency, "dependency"), data, len(data),
                   None if key is None else _c_string(key, "key"), 0 if now_ms is None else _int64(now_ms, "now_ms"),
                   ctypes.byref(out_id))
        return out_id.value

    def replay_writebacks(self, dependency: str, max: int = 100, now_ms: Optional[int] = None) -> Dict[str, Any]:
        """The dependency's parked write-backs to perform now, oldest first, when its breaker
        lets calls through (none while open): {"dependency", "breaker", "writebacks": [{"id",
        "payload", "key"?, "parkedAt", "attempts", "lastError"?}]}. Confirm each in order."""
        now = _now_ms() if now_ms is None else _int64(now_ms, "now_ms")
        return self._json_call(_lib.parley_writeback_replay, _c_string(dependency, "dependency"), max, now)

    def confirm_writeback(self, id: int, ok: bool = True, error: Optional[str] = None) -> None:
        """Records a replayed write-back's outcome: ok forgets it, a failure keeps it first in line."""
        _check_u64(id, "id", "a write-back's id")
        self._call(_lib.parley_writeback_confirm, id, 1 if ok else 0, None if error is None else _c_string(error, "error"))

    # -- metrics ----------------------------------------------------------------------------

    def metrics(self) -> Dict[str, Any]:
        """The engine's own measurements (parley_metrics_json): messages by outcome, latency
        per stage in µs (p50/p95/p99/max), queue and workers, process CPU and memory, alerts
        and the history buckets."""
        return self._json_call(_lib.parley_metrics_json)

    def metrics_prometheus(self) -> str:
        """The same in Prometheus text format, for a /metrics endpoint."""
        out = ctypes.POINTER(ctypes.c_char)()
        out_len = ctypes.c_size_t(0)
        self._call(_lib.parley_metrics_prometheus, ctypes.byref(out), ctypes.byref(out_len))
        return _take_string(out, out_len.value).decode("utf-8")
    # -- asynchronous processing --------------------------------------------------------

    def submit(self, message: Union[Dict[str, Any], str, bytes], priority: str = "normal") -> int:
        """Accepts a message for processing by Parley's worker threads and returns its ticket
        at once. The message is stored before this returns (it survives a crash: it is then
        processed after the next open and its result comes back with ``"recovered": True``).
        ``priority``: "high", "normal" or "low" (urgent messages and VIP chats go high anyway).
        A message accepted before keeps its ticket. Raises ParleyError ``Status.BUSY`` while
        ``queue.highWater`` results wait to be collected: collect some and retry."""
        return self._submit(message, priority, None)

    def submit_batch(self, messages: Union[List[Any], Dict[str, Any], str, bytes], priority: str = "normal") -> List[int]:
        """Accepts several messages with one write to the store and returns their tickets,
        in order. ``messages``: a list of messages (dicts or JSON text), or JSON text / bytes
        of an array of messages or of a Cloud API webhook body. Each usable message is stored
        before this returns and then handled as if submitted alone. A message that cannot be
        used gets ticket 0 and its error comes back as a result with ticket 0 (its message
        says "message N of the batch"). Raises ParleyError for malformed JSON (nothing is
        stored), ``Status.BUSY`` when the whole batch does not fit under
        ``queue.highWater``, ``Status.TOO_LARGE`` for more messages than that."""
        lane = PRIORITIES.get(priority) if isinstance(priority, str) else None
        if lane is None:
            raise ValueError(f"priority must be 'high', 'normal' or 'low', not {priority!r}")
        if isinstance(messages, list):
            parts = [m if isinstance(m, (str, bytes)) else json.dumps(m, ensure_ascii=False) for m in messages]
            data = b"[" + b",".join(_as_bytes(p, "message") for p in parts) + b"]"
            capacity = len(parts)
        elif isinstance(messages, dict):
            data = json.dumps(messages, ensure_ascii=False).encode("utf-8", "surrogatepass")
            capacity = 64
        else:
            data = _as_bytes(messages, "messages")
            capacity = 64
        count = ctypes.c_size_t(0)
        while True:
            tickets = (ctypes.c_uint64 * builtins.max(1, capacity))()
            with self._tickets:
                token = self._next_submit
                self._next_submit += 1
                self._submitting[token] = threading.get_ident()
            try:
                status = None
                try:
                    self._call(_lib.parley_engine_submit_batch, data, len(data), lane, tickets, capacity, ctypes.byref(count))
                except ParleyError as error:
                    status = error
            finally:
                with self._tickets:
                    del self._submitting[token]
                    self._answered.pop(token, None)
                    if status is None:
                        self._submitted.update(t for t in tickets[:count.value] if t)
                    self._tickets.notify_all()
            if status is None:
                return list(tickets[:count.value])
            if status.status == Status.INVALID_ARGUMENT and count.value > capacity:
                capacity = count.value  # more messages than guessed (a webhook body): nothing was stored
                continue
            raise status

    def submit_future(self, message: Union[Dict[str, Any], str, bytes],
                      priority: str = "normal") -> concurrent.futures.Future:
        """Submits like :meth:`submit` and returns a :class:`concurrent.futures.Future` that
        resolves to the message's result dict (``{"ticket", "status", "recovered",
        "context"}``), or raises :class:`ParleyError` (its ``status`` and ``message`` those of
        the result's ``"error"``; the whole result in ``error.result``) when processing failed.
        ``future.ticket`` is the ticket. Use it with ``concurrent.futures.wait`` /
        ``as_completed``, or ``asyncio.wrap_future`` in a coroutine.

        What cannot be accepted raises at once, as :meth:`submit` does (bad input, ``BUSY``
        above ``queue.highWater``: wait for some futures and retry).

        How futures share the results with :meth:`set_callback` and :meth:`poll`: from the
        first ``submit_future`` on, the engine takes every result through Parley's callback.
        A result whose ticket has a future settles that future (every future of the ticket,
        when the same message was submitted twice while queued) and goes nowhere else. Any
        other result (from :meth:`submit`, or recovered from a previous run) goes to the
        function given to :meth:`set_callback` if one is set, else it waits in a queue
        inside this object that :meth:`poll`, :meth:`results` and :meth:`aresults` read
        (each chat's results still in order; that queue is not bounded by
        ``queue.highWater``: collect it). The future is settled on a Parley worker thread:
        functions given to ``add_done_callback`` run there and must return promptly.

        ``future.cancel()`` only detaches the future: the message is stored and processed
        all the same. :meth:`close` fails the futures still pending with ``ParleyError``
        ``INVALID_ARGUMENT`` (call :meth:`drain` first to have every future settled); a
        message not yet processed then is processed after the next open and its result
        comes back marked ``"recovered"`` through the callback or :meth:`poll`."""
        future: concurrent.futures.Future = concurrent.futures.Future()
        self._start_routing()
        future.ticket = self._submit(message, priority, future)
        return future

    def _start_routing(self) -> None:
        """Installs the ctypes callback for good (the futures depend on it)."""
        if self._routing:
            return
        with self._routing_lock:
            if self._routing:
                return
            # Set first: results waiting in Parley's poll queue come through at once.
            self._routing = True
            if self._c_callback is None:
                self._c_callback = _RESULT_CALLBACK(_make_trampoline(weakref.ref(self)))
            self._call(_lib.parley_engine_set_callback, self._c_callback, None)

    def _submit(self, message, priority, future) -> int:
        lane = PRIORITIES.get(priority) if isinstance(priority, str) else None
        if lane is None:
            raise ValueError(f"priority must be 'high', 'normal' or 'low', not {priority!r}")
        if isinstance(message, (dict, list)):
            data = json.dumps(message, ensure_ascii=False).encode("utf-8", "surrogatepass")
        else:
            data = _as_bytes(message, "message")
        ticket = ctypes.c_uint64(0)
        with self._tickets:
            token = self._next_submit
            self._next_submit += 1
            self._submitting[token] = threading.get_ident()
            if future is not None:
                self._future_tokens[token] = future
        answer = None
        closed = False
        try:
            self._call(_lib.parley_engine_submit, data, len(data), lane, ctypes.byref(ticket))
        finally:
            with self._tickets:
                del self._submitting[token]
                self._future_tokens.pop(token, None)
                answer = self._answered.pop(token, None)
                if ticket.value:
                    self._submitted.add(ticket.value)
                    if future is not None and answer is None:
                        # Registered in the same step as the ticket: a result that comes
                        # now finds the future (_deliver waits for submits in progress).
                        if self._futures_closed:
                            closed = True
                        else:
                            self._futures.setdefault(ticket.value, []).append(future)
                self._tickets.notify_all()
        if answer is not None:  # a re-submit answered (as a duplicate) before it returned
            _settle(future, answer)
        elif closed:
            _settle(future, error=ParleyError(Status.INVALID_ARGUMENT, _CLOSED_BEFORE_RESULT))
        return ticket.value

    def poll(self, max: int = 100, timeout_ms: int = 0) -> List[Dict[str, Any]]:
        """Takes up to ``max`` results (each chat's in order), waiting up to ``timeout_ms``
        for the first (0: not at all, negative: until one comes or the engine closes). Empty
        while a callback is set: results go to it instead. Once :meth:`submit_future` has
        been used, poll returns the results no future claimed (see there)."""
        if isinstance(max, bool) or not isinstance(max, int) or max < 1:
            raise ValueError(f"max must be a positive int, not {max!r}")
        if isinstance(timeout_ms, bool) or not isinstance(timeout_ms, int):
            raise TypeError(f"timeout_ms must be an int, not {type(timeout_ms).__name__}")
        taken = []
        while self._stash and len(taken) < max:
            taken.append(self._stash.popleft())
        if len(taken) == max:
            return taken  # the stash filled the request: asking the engine for 0 is an error
        if taken:
            timeout_ms = 0
        deadline = None if timeout_ms < 0 else time.monotonic() + timeout_ms / 1000
        try:
            if self._routing:
                return taken + self._poll_routed(max - len(taken), timeout_ms, deadline)
            while True:
                wait = 0 if timeout_ms == 0 else _SLICE_MS
                if deadline is not None and timeout_ms > 0:
                    wait = min(wait, int(builtins.max(0.0, deadline - time.monotonic()) * 1000))
                batch = self._json_call(_lib.parley_engine_poll, max - len(taken), wait)
                if batch or timeout_ms == 0 or (deadline is not None and time.monotonic() >= deadline):
                    break
        except BaseException:
            self._stash.extendleft(reversed(taken))  # taken from the stash, not yet given out
            raise
        with self._tickets:
            for result in batch:
                result["recovered"] = result.get("recovered") is True
                self._submitted.discard(result["ticket"])
        return taken + batch

    def _poll_routed(self, max: int, timeout_ms: int, deadline: Optional[float]) -> List[Dict[str, Any]]:
        """poll() once futures route the results: from the queue _deliver fills."""
        taken: List[Dict[str, Any]] = []
        if max <= 0:
            return taken
        with self._route:
            while True:
                while self._routed and len(taken) < max:
                    taken.append(self._routed.popleft())
                if taken or timeout_ms == 0:
                    return taken
                if self._handle is None:
                    raise ParleyError(Status.INVALID_ARGUMENT, "the engine is closed")
                wait = _SLICE_MS / 1000
                if deadline is not None:
                    left = deadline - time.monotonic()
                    if left <= 0:
                        return taken
                    wait = min(wait, left)
                self._route.wait(wait)

    def drain(self, timeout_ms: int = -1) -> None:
        """Waits until every accepted message is processed and its result handed to the
        callback or queued for :meth:`poll`; ``timeout_ms`` negative: no limit. Raises
        ParleyError ``Status.TIMEOUT`` when work remained. ``drain()`` then ``close()`` loses
        nothing."""
        if isinstance(timeout_ms, bool) or not isinstance(timeout_ms, int):
            raise TypeError(f"timeout_ms must be an int, not {type(timeout_ms).__name__}")
        deadline = None if timeout_ms < 0 else time.monotonic() + timeout_ms / 1000
        while True:
            wait = _SLICE_MS if deadline is None else min(_SLICE_MS, int(builtins.max(0.0, deadline - time.monotonic()) * 1000))
            handle = self._enter()
            try:
                status = _lib.parley_engine_drain(handle, wait)
                if status not in (Status.OK, Status.TIMEOUT):
                    _raise_last(status)
            finally:
                self._leave()
            if status == Status.OK:
                return
            if deadline is not None and time.monotonic() >= deadline:
                raise ParleyError(Status.TIMEOUT, f"messages were still being processed after {timeout_ms} ms")

    def set_callback(self, fn: Optional[Callable[[Dict[str, Any]], Any]]) -> None:
        """Sends every result to ``fn(result)`` from now on, results waiting for :meth:`poll`
        included; None goes back to :meth:`poll`. ``fn`` runs on Parley's worker threads (it
        takes the GIL): one chat's results in order and never two at once, different chats'
        possibly on different threads at once. It must return promptly. :meth:`drain` from
        it raises ParleyError (UNSUPPORTED: it would wait for ``fn`` itself); :meth:`close` from
        it returns at once, ``fn`` is not called after it, and the engine finishes closing once
        ``fn`` has returned. An exception it raises is logged (logger "parley") and
        kept in :attr:`callback_errors`; delivery goes on.

        Once :meth:`submit_future` has been used, a result whose ticket has a future settles
        the future and does not come to ``fn``; ``fn`` gets the others."""
        if fn is not None and not callable(fn):
            raise TypeError(f"fn must be callable or None, not {type(fn).__name__}")
        if self._routing:
            # The ctypes callback stays (futures need it); results without a future go to fn,
            # those queued for poll() first, in order.
            with self._route:
                self._callback = fn
                if fn is not None:
                    waiting = list(self._routed)
                    self._routed.clear()
                    for result in waiting:
                        self._call_user(fn, result)
            return
        if fn is None:
            self._call(_lib.parley_engine_set_callback, _RESULT_CALLBACK(), None)
            self._callback = None
            # self._c_callback stays alive: a worker may still be calling it; close() drops it.
            return
        previous, self._callback = self._callback, fn
        if self._c_callback is None:
            self._c_callback = _RESULT_CALLBACK(_make_trampoline(weakref.ref(self)))
        try:
            self._call(_lib.parley_engine_set_callback, self._c_callback, None)
        except BaseException:
            self._callback = previous  # refused (a closed engine): nothing changed
            raise

    def _deliver(self, ticket: int, status: int, text: bytes) -> None:
        """The body of the ctypes callback, on a Parley thread holding the GIL."""
        me = threading.get_ident()
        futures = None
        early_token = None
        with self._tickets:
            # A submit still returning may own this ticket: wait for those in progress now
            # (not for later ones). One on this very thread is a duplicate answered at once.
            pending = {token for token, thread in self._submitting.items() if thread != me}
            own_tokens = [token for token, thread in self._submitting.items() if thread == me]
            own = bool(own_tokens)
            while ticket not in self._submitted and pending & self._submitting.keys():
                self._tickets.wait(0.05)
            self._submitted.discard(ticket)
            if own:
                # The answer to this thread's own submit: its future's, if it is submit_future.
                if builtins.max(own_tokens) in self._future_tokens:
                    early_token = builtins.max(own_tokens)
            else:
                futures = self._futures.pop(ticket, None)
        result: Dict[str, Any] = {"ticket": ticket, "status": _lib.parley_status_name(status).decode("ascii"),
                                  "recovered": False}
        try:
            body = json.loads(text)
        except ValueError:
            body = {"status": result["status"], "message": text.decode("utf-8", "replace")}
        if status == Status.OK and isinstance(body, dict) and body.pop("recovered", None) is True:
            # The library marks a recovered result inside the context it hands the callback.
            result["recovered"] = True
        result["context" if status == Status.OK else "error"] = body
        if early_token is not None:
            with self._tickets:
                self._answered[early_token] = result
            return
        if futures:
            for future in futures:
                _settle(future, result)
            return
        if self._routing:
            with self._route:
                fn = self._callback
                if fn is None:
                    self._routed.append(result)
                    self._route.notify_all()
                    return
        fn = self._callback
        if fn is None:
            return
        self._call_user(fn, result)

    def _call_user(self, fn: Callable[[Dict[str, Any]], Any], result: Dict[str, Any]) -> None:
        try:
            fn(result)
        except BaseException as error:  # never unwind into Parley's thread
            self.callback_errors.append(error)
            _log.exception("parley: the result callback raised for ticket %d", result["ticket"])

    def results(self, timeout_ms: Optional[int] = None, max: int = 100) -> Iterator[Dict[str, Any]]:
        """A generator over the results, as :meth:`poll` takes them (each chat's in order):
        ``for result in engine.results(timeout_ms=1000): ...``. It ends when none came for
        ``timeout_ms`` (None: never, until the engine is closed). Raises RuntimeError while a
        callback is set (the results go to it)."""
        if self._callback is not None:
            raise RuntimeError("the results go to the callback set with set_callback(); set_callback(None) first")
        wait = -1 if timeout_ms is None else timeout_ms
        while True:
            try:
                batch = self.poll(max, wait)
            except ParleyError as error:
                if error.status == Status.INVALID_ARGUMENT and self.closed:
                    return
                raise
            if not batch:
                return
            yield from batch

    async def next_result(self, timeout_ms: Optional[int] = None) -> Optional[Dict[str, Any]]:
        """The next result, awaited without blocking the event loop (the waiting runs in the
        loop's default executor), or None when none came for ``timeout_ms`` (None: wait until
        one comes; the engine closing raises ParleyError INVALID_ARGUMENT)."""
        batch = await self._apoll(1, -1 if timeout_ms is None else timeout_ms)
        return batch[0] if batch else None

    async def aresults(self, timeout_ms: Optional[int] = None, max: int = 100) -> AsyncIterator[Dict[str, Any]]:
        """``async for result in engine.aresults(): ...``: the results as :meth:`results`
        gives them, polled in the event loop's default executor. Ends when none came for
        ``timeout_ms`` (None: until the engine is closed). Cancelling the loop loses nothing:
        results already taken go back to the next poll."""
        if self._callback is not None:
            raise RuntimeError("the results go to the callback set with set_callback(); set_callback(None) first")
        wait = -1 if timeout_ms is None else timeout_ms
        while True:
            try:
                batch = await self._apoll(max, wait)
            except ParleyError as error:
                if error.status == Status.INVALID_ARGUMENT and self.closed:
                    return
                raise
            if not batch:
                return
            for index, result in enumerate(batch):
                try:
                    yield result
                except BaseException:  # aclose() or a cancelled consumer: keep the rest for poll
                    self._stash.extendleft(reversed(batch[index + 1:]))
                    raise

    async def _apoll(self, max: int, timeout_ms: int) -> List[Dict[str, Any]]:
        loop = asyncio.get_running_loop()
        future = loop.run_in_executor(None, self.poll, max, timeout_ms)
        try:
            return await asyncio.shield(future)
        except asyncio.CancelledError:
            def keep(done: "asyncio.Future") -> None:
                if not done.cancelled() and done.exception() is None:
                    self._stash.extend(done.result())
            future.add_done_callback(keep)
            raise

    def _call(self, function, *arguments) -> None:
        handle = self._enter()
        try:
            status = function(handle, *arguments)
            if status != Status.OK:
                _raise_last(status)
        finally:
            self._leave()

    def _json_call(self, function, *arguments) -> Dict[str, Any]:
        """Calls a function that hands back JSON through (char **out, size_t *out_len)."""
        out = ctypes.POINTER(ctypes.c_char)()
        out_len = ctypes.c_size_t(0)
        self._call(function, *arguments, ctypes.byref(out), ctypes.byref(out_len))
        return json.loads(_take_string(out, out_len.value))


    # -- dead letters: failed handling, retries on a schedule -------------------------------

    def fail(self, chat: str, id: str, error: Union[Dict[str, Any], str, None] = None,
             now_ms: Optional[int] = None) -> None:
        """Reports that handling the processed message (``chat``, ``id``) failed: it is retried
        on the "retries" schedule, or dead once its attempts are used up. ``error``: None, a
        str (the message) or a dict {"status", "message", ...} kept in its error history.
        ``now_ms``: Unix milliseconds (default: the wall clock)."""
        if error is None:
            encoded = None
        elif isinstance(error, (dict, str)):
            encoded = json.dumps(error, ensure_ascii=False).encode("utf-8", "surrogatepass")
        else:
            raise TypeError(f"error must be a dict, str or None, not {type(error).__name__}")
        if encoded is not None and b"\0" in encoded:
            raise ParleyError(Status.INVALID_ARGUMENT, "the error contains a NUL byte")
        now = _now_ms() if now_ms is None else _int64(now_ms, "now_ms")
        self._call(_lib.parley_message_fail, _c_string(chat, "chat"), _c_string(id, "id"), encoded, now)

    def dlq_run_due(self, now_ms: Optional[int] = None) -> Dict[str, Any]:
        """Processes again every failed message due at ``now_ms`` (default: now), at most 256:
        {"retried": [{"chat", "id", "attempt", "context"}], "more"?: True}. Handle each context
        again; report a new failure with :meth:`fail`."""
        now = _now_ms() if now_ms is None else _int64(now_ms, "now_ms")
        return self._json_call(_lib.parley_dlq_run_due, now)

    def dlq_list(self, state: Optional[str] = None, chat: Optional[str] = None,
                 limit: Optional[int] = None) -> list:
        """Failed and dead messages, oldest first: [{"chat", "id", "state", "attempts",
        "nextAttemptAt"?, "errors", "message"}]; ``state`` "failed" or "dead" (default both)."""
        query = {key: value for key, value in (("state", state), ("chat", chat), ("limit", limit)) if value is not None}
        return self._json_call(_lib.parley_dlq_list, json.dumps(query).encode("utf-8"))["messages"]

    def dlq_get(self, chat: str, id: str) -> Dict[str, Any]:
        """One message, in any state, with its attempts and errors. NOT_FOUND when unknown."""
        return self._json_call(_lib.parley_dlq_get, _c_string(chat, "chat"), _c_string(id, "id"))["message"]

    def dlq_retry(self, chat: str, id: str, now_ms: Optional[int] = None) -> Optional[Dict[str, Any]]:
        """Processes a failed or dead message again now: {"chat", "id", "attempt", "context"},
        or None when another caller retried it at the same moment."""
        now = _now_ms() if now_ms is None else _int64(now_ms, "now_ms")
        retried = self._json_call(_lib.parley_dlq_retry, _c_string(chat, "chat"), _c_string(id, "id"), now)["retried"]
        return retried[0] if retried else None

    def dlq_resolve(self, chat: str, id: str) -> None:
        """Marks a failed or dead message resolved: the host dealt with it by hand."""
        self._call(_lib.parley_dlq_resolve, _c_string(chat, "chat"), _c_string(id, "id"))

    def dlq_purge(self, state: Optional[str] = None, chat: Optional[str] = None) -> int:
        """Deletes dead and resolved messages (``state`` "dead" or "resolved", default both);
        returns how many. A purged id is forgotten: delivered again, it is a new message."""
        query = {key: value for key, value in (("state", state), ("chat", chat)) if value is not None}
        return self._json_call(_lib.parley_dlq_purge, json.dumps(query).encode("utf-8"))["purged"]

    # ---- log ----

    def set_log_handler(self, handler: Union[None, logging.Logger, Callable[[Dict[str, Any]], Any]],
                        level: str = "info") -> None:
        """Sends the engine's own log lines at ``level`` ("debug", "info", "warning", "error")
        and above to ``handler``: a :class:`logging.Logger` (each line logged at its level, the
        line's dict in ``extra={"parley": line}``) or a callable taking the line's dict
        ({"time", "level", "event", "message", ...}); None stops it. Phone numbers and emails
        arrive masked. The handler runs on the thread that logged (a Parley worker, or the
        caller of a synchronous method); an exception it raises is dropped."""
        if level not in _LOG_LEVELS:
            raise ValueError(f"level must be one of {', '.join(_LOG_LEVELS)}, not {level!r}")
        if handler is None:
            self._call(_lib.parley_log_set_callback, _LOG_CALLBACK(), None, _LOG_LEVELS[level])
            return
        if isinstance(handler, logging.Logger):
            logger = handler

            def deliver(line: Dict[str, Any]) -> None:
                logger.log(_PYTHON_LOG_LEVELS.get(_LOG_LEVELS.get(line.get("level"), 1), logging.INFO),
                           "%s: %s", line.get("event"), line.get("message"), extra={"parley": line})
        elif callable(handler):
            deliver = handler
        else:
            raise TypeError(f"handler must be a logging.Logger, a callable or None, not {type(handler).__name__}")

        def trampoline(_user, _level, text, length):
            try:
                deliver(json.loads(ctypes.string_at(text, length).decode("utf-8")))
            except Exception:  # a host's handler must not break the engine's thread
                pass

        c_callback = _LOG_CALLBACK(trampoline)
        self._call(_lib.parley_log_set_callback, c_callback, None, _LOG_LEVELS[level])
        # The previous ctypes callback may still run on another thread for a moment: kept alive
        # until close, like the result callback.
        self._old_log_callbacks.append(self._c_log_callback)
        self._c_log_callback = c_callback
    # ---- session ----

    def session_event(self, event: Union[Dict[str, Any], str, bytes]) -> Dict[str, Any]:
        """Feeds a whatsapp-web.js or Baileys client event to the account's state machine:
        ``{"account"?, "event": "qr"|"authenticated"|"auth_failure"|"ready"|"disconnected"|
        "change_state"|"connection.update"|..., "at": now_ms, ...}``. Returns {"state",
        "previous", "changed", "reason"?, "code"?, "consecutiveFailures", "advice": {"action":
        "none"|"wait"|"reconnect"|"repair"|"stop", "delayMs"?, "reason"}}. An illegal
        transition raises INVALID_ARGUMENT and leaves the state as it was."""
        data = _session_json(event, "event")
        return self._json_call(_lib.parley_session_event, data, len(data))

    def session_heartbeat(self, at: Optional[int] = None, account: Optional[str] = None,
                          latency_ms: Optional[float] = None, ok: Optional[bool] = None,
                          inbound: Optional[int] = None, active_chats: Optional[int] = None) -> None:
        """A heartbeat from the host's client (``at``: now_ms, default the wall clock)."""
        beat: Dict[str, Any] = {"at": _now_ms() if at is None else _int64(at, "at")}
        for key, value in (("account", account), ("latencyMs", latency_ms), ("ok", ok),
                           ("inbound", inbound), ("activeChats", active_chats)):
            if value is not None:
                beat[key] = value
        data = _session_json(beat, "heartbeat")
        self._call(_lib.parley_session_heartbeat, data, len(data))

    def session_health(self, account: Optional[str] = None, now_ms: Optional[int] = None) -> Dict[str, Any]:
        """{"score", "level", "accounts": [{"account", "score", "level", "state", "components",
        "watchdog", "advice", "history", ...}]}: one account, or all (None)."""
        now = _now_ms() if now_ms is None else _int64(now_ms, "now_ms")
        name = None if account is None else _c_string(account, "account")
        return self._json_call(_lib.parley_session_health, name, now)

    def session_preflight(self, account: Optional[str] = None, now_ms: Optional[int] = None) -> Dict[str, Any]:
        """{"account", "ok", "checks": [{"name": "store"|"lock"|"state"|"heartbeat", "ok", "detail"}]}."""
        now = _now_ms() if now_ms is None else _int64(now_ms, "now_ms")
        name = None if account is None else _c_string(account, "account")
        return self._json_call(_lib.parley_session_preflight, name, now)


    # ---- outbox ----

    def outbox_enqueue(self, send: Union[Dict[str, Any], str, bytes]) -> int:
        """Queues a send, stored before this returns: {"to", "text"? | "media"?, "priority"?:
        "high"|"normal"|"low", "idempotencyKey"? (the same key returns the first send's id),
        "at"?: not before (ms), "meta"?}. Returns its id."""
        data = json.dumps(send).encode("utf-8") if isinstance(send, dict) else _as_bytes(send, "send")
        out_id = ctypes.c_uint64(0)
        self._call(_lib.parley_outbox_enqueue, data, len(data), ctypes.byref(out_id))
        return out_id.value

    def outbox_next_batch(self, now_ms: Optional[int] = None, max: int = 100) -> Dict[str, Any]:
        """The sends to perform now, inside the configured limits: {"sends": [{"id", "to",
        "recipient", "text"?, "media"?, "meta"?, "priority", "attempt", "outsideServiceWindow",
        "idempotencyKey"?}], "nextAt", "throttle", "breaker"}. Confirm each with
        :meth:`outbox_confirm`, or it is offered again after its lease. ``now_ms``: the host's
        clock (default: the wall clock)."""
        now = _now_ms() if now_ms is None else _int64(now_ms, "now_ms")
        if isinstance(max, bool) or not isinstance(max, int) or max < 0:
            raise ParleyError(Status.INVALID_ARGUMENT, f"max must be a positive int, got {max!r}")
        return self._json_call(_lib.parley_outbox_next_batch, now, max)

    def outbox_confirm(self, id: int, ok: bool = True, detail: Union[Dict[str, Any], str, None] = None) -> None:
        """Records a send's outcome: ok with {"messageId": "wamid..."} (so delivery statuses find
        it), or the send API's error (a dict or text): rate limits throttle and re-offer,
        permanent errors fail, others retry with backoff."""
        _check_u64(id, "id", "an outbox send's id")
        text = None if detail is None else (json.dumps(detail) if not isinstance(detail, str) else detail)
        self._call(_lib.parley_outbox_confirm, id, 1 if ok else 0, None if text is None else _c_string(text, "detail"))

    def outbox_delivery(self, status: Union[Dict[str, Any], str, bytes]) -> bool:
        """Applies a delivery status (Cloud API status object, whatsapp-web.js ack, Baileys
        update, or {"messageId", "status"}); states only move forward. False when no send has
        that message id."""
        data = json.dumps(status).encode("utf-8") if isinstance(status, dict) else _as_bytes(status, "status")
        try:
            self._call(_lib.parley_outbox_delivery, data, len(data))
        except ParleyError as error:
            if error.status == Status.NOT_FOUND:
                return False
            raise
        return True

    def outbox_status(self) -> Dict[str, Any]:
        """Depth per lane, states, counters, rates against limits, throttle, breaker, oldest wait."""
        return self._json_call(_lib.parley_outbox_status)

    def outbox_get(self, id: int) -> Dict[str, Any]:
        """One send with its state, attempts, provider id and delivery times. NOT_FOUND when unknown."""
        _check_u64(id, "id", "an outbox send's id")
        return self._json_call(_lib.parley_outbox_get, id)["send"]


    # ---- cache ----
    # The API cache of the host's reads (Sheets ranges and the like): in memory, per engine.
    # ``now_ms``: the host's clock in ms (default: the wall clock); use one clock for every call.

    def cache_put(self, key: str, value: Union[bytes, bytearray, memoryview, str], *, ttl_ms: Optional[int] = None,
                  stale_ms: Optional[int] = None, tags: Optional[List[str]] = None,
                  invalidates: Optional[List[str]] = None, lease: Optional[int] = None,
                  now_ms: Optional[int] = None) -> None:
        """Stores ``value`` under ``key``: fresh for ``ttl_ms`` (default "cache.ttlMs"), then
        stale for ``stale_ms``. ``tags`` group it for :meth:`cache_invalidate_tag`;
        ``invalidates`` drops the entries of those tags first (a write-through); ``lease`` is the
        id :meth:`cache_lease` granted when this value answers it."""
        data = _as_bytes(value, "value")
        now = _now_ms() if now_ms is None else _int64(now_ms, "now_ms")
        options = _cache_options(ttlMs=ttl_ms, staleMs=stale_ms, tags=tags, invalidates=invalidates, lease=lease)
        self._call(_lib.parley_cache_put, _c_string(key, "key"), data, len(data), now, options)

    def cache_get(self, key: str, now_ms: Optional[int] = None) -> Optional[CacheHit]:
        """The cached value (CacheHit(value, stale)), or None on a miss (never put, expired,
        invalidated or evicted)."""
        now = _now_ms() if now_ms is None else _int64(now_ms, "now_ms")
        out = ctypes.POINTER(ctypes.c_char)()
        out_len = ctypes.c_size_t(0)
        stale = ctypes.c_int(0)
        handle = self._enter()
        try:
            status = _lib.parley_cache_get(handle, _c_string(key, "key"), now, ctypes.byref(out), ctypes.byref(out_len),
                                           ctypes.byref(stale))
            if status == Status.NOT_FOUND:
                return None
            if status != Status.OK:
                _raise_last(status)
        finally:
            self._leave()
        return CacheHit(_take_string(out, out_len.value), stale.value == 1)

    def cache_lease(self, key: str, now_ms: Optional[int] = None) -> int:
        """The lease to fetch ``key`` (non-zero: fetch, then cache_put(..., lease=id) or
        cache_release), or 0 while another caller holds it."""
        now = _now_ms() if now_ms is None else _int64(now_ms, "now_ms")
        lease = ctypes.c_uint64(0)
        self._call(_lib.parley_cache_lease, _c_string(key, "key"), now, ctypes.byref(lease))
        return lease.value

    def cache_release(self, key: str, lease: int) -> None:
        """Gives a lease up without a value (the fetch failed)."""
        _check_u64(lease, "lease", "a lease from cache_lease")
        self._call(_lib.parley_cache_release, _c_string(key, "key"), lease)

    def cache_invalidate(self, key: str) -> None:
        """Drops ``key`` (absent is no error)."""
        self._call(_lib.parley_cache_invalidate, _c_string(key, "key"))

    def cache_invalidate_tag(self, tag: str) -> int:
        """Drops every entry tagged ``tag``; returns how many."""
        count = ctypes.c_size_t(0)
        self._call(_lib.parley_cache_invalidate_tag, _c_string(tag, "tag"), ctypes.byref(count))
        return count.value

    def cache_invalidate_prefix(self, prefix: str) -> int:
        """Drops every key starting with ``prefix`` ("" drops everything); returns how many."""
        count = ctypes.c_size_t(0)
        self._call(_lib.parley_cache_invalidate_prefix, _c_string(prefix, "prefix"), ctypes.byref(count))
        return count.value

    def cache_fetch(self, key: str, fetcher: Callable[[str], Any], *, ttl_ms: Optional[int] = None,
                    stale_ms: Optional[int] = None, tags: Optional[List[str]] = None,
                    now_ms: Optional[int] = None) -> CacheHit:
        """Get-or-fetch with one fetch per key at a time, across threads: a miss calls
        ``fetcher(key)`` (on this thread) while other callers of the same key wait for its
        value; a stale value is returned at once to all but one caller, which refreshes it.
        ``fetcher`` returns bytes or str, or (value, {"ttlMs", "staleMs", "tags"}). Its
        exception is raised here (waiters on other threads get ParleyError INTERNAL, or the
        status of a ParleyError it raised); a failed refresh returns the stale value."""
        if not callable(fetcher):
            raise TypeError(f"fetcher must be callable, not {type(fetcher).__name__}")
        now = _now_ms() if now_ms is None else _int64(now_ms, "now_ms")
        options = _cache_options(ttlMs=ttl_ms, staleMs=stale_ms, tags=tags)
        raised: List[BaseException] = []

        def trampoline(_user, wanted, reply):
            try:
                answer = fetcher(wanted.decode("utf-8", "surrogatepass"))
                value, reply_options = answer if isinstance(answer, tuple) else (answer, None)
                data = _as_bytes(value, "the fetched value")
                encoded = _cache_options(**reply_options) if reply_options else None
                return _lib.parley_cache_reply_set(reply, data, len(data), encoded)
            except ParleyError as error:
                raised.append(error)
                return int(error.status)
            except BaseException as error:  # noqa: BLE001 - re-raised on this thread below
                raised.append(error)
                return int(Status.INTERNAL)

        c_fetcher = _CACHE_FETCHER(trampoline)
        out = ctypes.POINTER(ctypes.c_char)()
        out_len = ctypes.c_size_t(0)
        stale = ctypes.c_int(0)
        handle = self._enter()
        try:
            status = _lib.parley_cache_fetch(handle, _c_string(key, "key"), now, options, c_fetcher, None,
                                             ctypes.byref(out), ctypes.byref(out_len), ctypes.byref(stale))
            if status != Status.OK:
                if raised:
                    raise raised[0]
                _raise_last(status)
        finally:
            self._leave()
        return CacheHit(_take_string(out, out_len.value), stale.value == 1)

    def cache_stats(self) -> Dict[str, Any]:
        """Counters: entries, bytes, hits, staleHits, misses, hitRate, fetches, coalesced,
        apiCallsSaved, evictions, compressionRatio, ... (include/parley.h, parley_cache_stats)."""
        return self._json_call(_lib.parley_cache_stats)

_CLOSED_BEFORE_RESULT = ("the engine was closed before this message's result came back (drain() before close() "
                         "waits for it); a message not processed yet is processed after the next open and its "
                         "result comes back marked recovered")


def _settle(future: concurrent.futures.Future, result: Optional[Dict[str, Any]] = None,
            error: Optional[BaseException] = None) -> None:
    """Resolves a submit_future future: the result, or ParleyError for an error result."""
    if error is None and result is not None and result.get("status") != "PARLEY_OK":
        body = result.get("error") or {}
        status = getattr(Status, str(result.get("status", "")).replace("PARLEY_", "", 1), Status.INTERNAL)
        error = ParleyError(status, str(body.get("message", "")))
        error.result = result
        error.ticket = result.get("ticket")
    try:
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result)
    except concurrent.futures.InvalidStateError:  # cancelled by its owner: nothing to tell
        pass


# Marks the threads running the result callback (a close from there keeps the ctypes callback).
_in_result_callback = threading.local()
# ctypes callbacks of engines closed from inside them: freed code cannot be returned into.
_retired_callbacks: list = []


def _make_trampoline(engine_ref: "weakref.ref[Engine]"):
    """The Python function behind the ctypes callback; holds the engine weakly."""
    def trampoline(user_data, ticket, status, text, length):
        _in_result_callback.active = True
        try:
            engine = engine_ref()
            if engine is not None:
                engine._deliver(ticket, status, ctypes.string_at(text, length) if length else b"")
        except BaseException:  # never unwind into Parley's thread
            try:
                _log.exception("parley: delivering result %d failed", ticket)
            except BaseException:
                pass
        finally:
            _in_result_callback.active = False
    return trampoline


# Engines still open at interpreter exit are closed first, so no Parley thread calls back into
# a finalizing interpreter.
_open_engines: "weakref.WeakSet[Engine]" = weakref.WeakSet()


@atexit.register
def _close_open_engines() -> None:
    for engine in list(_open_engines):
        try:
            engine.close()
        except Exception:
            pass


# The dead-letter functions (the "Dead letters" section of parley.h).
_lib.parley_message_fail.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_int64]
_lib.parley_message_fail.restype = ctypes.c_int
_lib.parley_dlq_run_due.argtypes = [ctypes.c_void_p, ctypes.c_int64, _char_pp, ctypes.POINTER(ctypes.c_size_t)]
_lib.parley_dlq_run_due.restype = ctypes.c_int
_lib.parley_dlq_list.argtypes = [ctypes.c_void_p, ctypes.c_char_p, _char_pp, ctypes.POINTER(ctypes.c_size_t)]
_lib.parley_dlq_list.restype = ctypes.c_int
_lib.parley_dlq_get.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p, _char_pp, ctypes.POINTER(ctypes.c_size_t)]
_lib.parley_dlq_get.restype = ctypes.c_int
_lib.parley_dlq_retry.argtypes = [
    ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_int64, _char_pp, ctypes.POINTER(ctypes.c_size_t)]
_lib.parley_dlq_retry.restype = ctypes.c_int
_lib.parley_dlq_resolve.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p]
_lib.parley_dlq_resolve.restype = ctypes.c_int
_lib.parley_dlq_purge.argtypes = [ctypes.c_void_p, ctypes.c_char_p, _char_pp, ctypes.POINTER(ctypes.c_size_t)]
_lib.parley_dlq_purge.restype = ctypes.c_int


# ---- session ----
# The "Session" section of parley.h: the session lock (no engine needed) and the engine's
# session calls (Engine.session_*).
_lib.parley_session_lock_acquire.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p)]
_lib.parley_session_lock_acquire.restype = ctypes.c_int
_lib.parley_session_lock_refresh.argtypes = [ctypes.c_void_p]
_lib.parley_session_lock_refresh.restype = ctypes.c_int
_lib.parley_session_lock_info.argtypes = [ctypes.c_void_p, _char_pp, ctypes.POINTER(ctypes.c_size_t)]
_lib.parley_session_lock_info.restype = ctypes.c_int
_lib.parley_session_lock_release.argtypes = [ctypes.c_void_p]
_lib.parley_session_lock_release.restype = None
_lib.parley_session_event.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, _char_pp, ctypes.POINTER(ctypes.c_size_t)]
_lib.parley_session_event.restype = ctypes.c_int
_lib.parley_session_heartbeat.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t]
_lib.parley_session_heartbeat.restype = ctypes.c_int
for _name in ("parley_session_health", "parley_session_preflight"):
    getattr(_lib, _name).argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int64, _char_pp, ctypes.POINTER(ctypes.c_size_t)]
    getattr(_lib, _name).restype = ctypes.c_int


def _session_json(value: Any, what: str) -> bytes:
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass")
    return _as_bytes(value, what)


class SessionLock:
    """One bot process per WhatsApp account: the lock file in the account's session directory.

    ``SessionLock(directory, stale_after_ms=45000, owner=None)`` takes it or raises ParleyError
    BUSY naming the live holder. Call :meth:`refresh` well within ``stale_after_ms``; it raises
    BUSY once another process took the lock over (this one was stopped or hung too long) and
    NOT_FOUND when the lock file was emptied or removed. Use it as a context manager or call
    :meth:`release`. A handle is meant for one thread at a time."""

    def __init__(self, directory: Union[str, os.PathLike], stale_after_ms: Optional[int] = None,
                 owner: Optional[str] = None) -> None:
        options: Dict[str, Any] = {}
        if stale_after_ms is not None:
            options["staleAfterMs"] = stale_after_ms
        if owner is not None:
            options["owner"] = owner
        handle = ctypes.c_void_p()
        encoded = json.dumps(options, ensure_ascii=False).encode("utf-8", "surrogatepass") if options else None
        status = _lib.parley_session_lock_acquire(_c_string(os.fspath(directory), "directory"), encoded, ctypes.byref(handle))
        if status != Status.OK:
            _raise_last(status)
        self._handle: Optional[int] = handle.value
        self._guard = threading.Lock()

    def refresh(self) -> None:
        with self._guard:
            if self._handle is None:
                raise ParleyError(Status.NOT_FOUND, "the session lock was released")
            status = _lib.parley_session_lock_refresh(self._handle)
            if status != Status.OK:
                _raise_last(status)

    def info(self) -> Dict[str, Any]:
        """{"owner", "pid", "host", "token", "acquiredAt", "heartbeat", "path", "lost"?}."""
        with self._guard:
            if self._handle is None:
                raise ParleyError(Status.NOT_FOUND, "the session lock was released")
            out = ctypes.POINTER(ctypes.c_char)()
            out_len = ctypes.c_size_t(0)
            status = _lib.parley_session_lock_info(self._handle, ctypes.byref(out), ctypes.byref(out_len))
            if status != Status.OK:
                _raise_last(status)
            return json.loads(_take_string(out, out_len.value))

    def release(self) -> None:
        with self._guard:
            handle, self._handle = self._handle, None
        if handle is not None:
            _lib.parley_session_lock_release(handle)

    @property
    def released(self) -> bool:
        return self._handle is None

    def __enter__(self) -> "SessionLock":
        return self

    def __exit__(self, *exc_info) -> None:
        self.release()

    def __del__(self) -> None:
        try:
            self.release()
        except Exception:
            pass


__all__.append("SessionLock")
