"""The processes a build works in: forked once, early, and used by every stage.

A build reads files (pass one), extracts again where learned names may occur (pass two) and
renders reading pages; each stage hands tasks to the same :class:`Workers`, forked while the
building process is still small, so that no worker is a copy of a process grown large with the
corpus's tables and graph (a fork shares memory with its parent, and each process's resident
size counts it again). Each task carries what it needs. Each worker ends with its parent, even
one killed with ``kill -9`` (:func:`graph.files.watch_parent`).

Not supported: threads instead of processes (the extractor is pure Python: one core a process);
another machine (that is the Dask engine, :mod:`graph.engine`).
"""
from __future__ import annotations

import concurrent.futures as cf
import gc
import itertools
import multiprocessing as mp
import os
import threading
from typing import Any, Callable, Iterable, Optional

from .files import watch_parent

__all__ = ["Workers", "Pending", "WINDOW"]

#: Tasks handed to the processes at a time (a generator of tasks is never held whole).
WINDOW = 1024


class Workers:
    """The processes of one build: ``jobs`` processes forked *now*, while this process is small,
    and used by every stage that follows (pass one, pass two, the reading pages). With ``jobs``
    1 everything runs in this process. ``died(item)`` is what an item whose process died gives
    (default: raise :class:`RuntimeError`). A context manager.
    """

    def __init__(self, jobs: Optional[int] = None, died: Optional[Callable[[Any], Any]] = None):
        self.jobs = max(1, jobs or os.cpu_count() or 1)
        self.died = died or _died
        self._pool: Optional[cf.ProcessPoolExecutor] = None
        if self.jobs > 1:
            self._start()

    def _start(self) -> None:
        ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context("spawn")
        self._pool = cf.ProcessPoolExecutor(max_workers=self.jobs, mp_context=ctx, initializer=_start_worker)
        list(self._pool.map(_ready, range(self.jobs)))  # fork them all now, while this process is small

    def __enter__(self) -> "Workers":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def map(self, fn: Callable, items: Iterable, bar: Any = None) -> Iterable:
        """``fn(x)`` for each item, in order (a generator), across the processes when worth it;
        ``items`` are taken :data:`WINDOW` at a time, so a long generator of tasks is never held
        whole. When a process dies (a crash in native code), the items left of its window are run
        one process each, so only the culprit is :class:`Failed`; the pool is started again for
        what follows."""
        it = iter(items)
        while True:
            window = list(itertools.islice(it, WINDOW))
            if not window:
                return
            yield from self._map_window(fn, window, bar)

    def start(self, fn: Callable, items: Iterable) -> "Pending":
        """Start ``fn(x)`` for each item in the background and return at once (a :class:`Pending`):
        this process goes on working (writing the graph's files) while the workers make, say, the
        reading pages. The same rules as :meth:`map`; each item must carry its own data, since the
        processes were forked before it existed. No other :meth:`map` or :meth:`start` until it is
        done."""
        return Pending(self, fn, items)

    def _map_window(self, fn: Callable, items: list, bar: Any, recover: bool = True) -> Iterable:
        """``fn(x)`` for the window's items. A process that dies: with ``recover``, the items left
        are run one process each and the pool is started again; without it (a thread must not fork:
        a lock another thread holds would stay held in the child), :class:`_Broken` is raised with
        the items left, for the main thread to recover."""
        if self._pool is None or len(items) < 4:
            for x in items:
                yield fn(x)
                if bar is not None:
                    bar.update(1)
            return
        chunk = max(1, min(16, len(items) // (self.jobs * 8)))
        done = 0
        try:
            for r in self._pool.map(fn, items, chunksize=chunk):
                done += 1
                yield r
                if bar is not None:
                    bar.update(1)
        except cf.process.BrokenProcessPool:
            if not recover:
                raise _Broken(items[done:]) from None
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
            for x in items[done:]:
                yield _isolated(fn, x, self.died)
                if bar is not None:
                    bar.update(1)
            self._start()


class _Broken(Exception):
    """A process of the pool died; ``left`` are the window's items not done."""

    def __init__(self, left: list):
        super().__init__(f"{len(left)} items left")
        self.left = left


class Pending:
    """Tasks running in the background (:meth:`Workers.start`): :meth:`results` waits for them and
    gives their results in order; :meth:`cancel` stops what has not started.

    A thread of this process hands the tasks to the pool and gathers the results; it never forks. When
    a process dies, the thread stops and :meth:`results`, in the calling thread, runs the items left
    as :meth:`Workers.map` does (each in a process of its own, then the pool started again)."""

    def __init__(self, workers: Workers, fn: Callable, items: Iterable):
        self._workers, self._fn = workers, fn
        self._items = iter(items)
        self._out: list = []
        self._left: list = []  # the items of a window whose process died, not done
        self._error: Optional[BaseException] = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="citegraph-pending", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            while not self._stop.is_set():
                window = list(itertools.islice(self._items, WINDOW))
                if not window:
                    return
                for r in self._workers._map_window(self._fn, window, None, recover=False):
                    self._out.append(r)
        except _Broken as broken:
            self._left = broken.left
        except BaseException as err:  # handed to the caller of results()
            self._error = err

    def results(self) -> list:
        """The results, in the items' order, once all are done; an exception a task raised is
        raised here."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        if self._left:  # a process died: recovered here, in the calling thread
            w = self._workers
            if w._pool is not None:
                w._pool.shutdown(wait=False, cancel_futures=True)
                w._pool = None
            self._out.extend(_isolated(self._fn, x, w.died) for x in self._left)
            self._left = []
            w._start()
            self._out.extend(w.map(self._fn, self._items))
        return self._out

    def cancel(self) -> None:
        """Stop: tasks not started are dropped and the processes are shut down (the build is over)."""
        self._stop.set()
        if self._workers._pool is not None:
            self._workers._pool.shutdown(wait=True, cancel_futures=True)
            self._workers._pool = None
        self._thread.join()


def _ready(_: int) -> int:
    return os.getpid()


def _start_worker() -> None:
    """A worker: it ends with its parent (:func:`graph.files.watch_parent`)."""
    watch_parent()
    gc.disable()  # what a worker makes is acyclic and short-lived


def _isolated(fn: Callable, x: Any, died: Callable[[Any], Any]) -> Any:
    """``fn(x)`` in a process of its own; ``died(x)`` if that process dies."""
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context("spawn")
    try:
        with cf.ProcessPoolExecutor(max_workers=1, mp_context=ctx, initializer=_start_worker) as pool:
            return pool.submit(fn, x).result()
    except cf.process.BrokenProcessPool:
        return died(x)


def _died(x: Any) -> Any:
    raise RuntimeError(f"a worker process died on {x!r:.200}")


