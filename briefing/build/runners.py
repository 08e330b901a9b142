"""Where the work runs: in this process, in a local process pool, or on a dask.distributed
cluster. All three take a function from briefing.build.work and a list of tasks and yield
(task, result) as results arrive; the parent does every write.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import threading
from collections.abc import Callable, Iterable, Iterator

from briefing.errors import BriefingError


class Runner:
    """Runs tasks; `failure(task, exc)` turns a task lost with its worker into a result."""

    def run(self, fn: Callable, tasks: Iterable, failure: Callable) -> Iterator[tuple[object, object]]:
        raise NotImplementedError

    def close(self, cancel: bool = False) -> None:
        pass


class InProcess(Runner):
    def run(self, fn, tasks, failure):
        for task in tasks:
            yield task, fn(task)


class Auto(Runner):
    """In this process when there is a single task (no pool to start for it); the pool for more."""

    def __init__(self, pool: Runner):
        self.pool = pool
        self.here = InProcess()

    def run(self, fn, tasks, failure):
        tasks = list(tasks)
        return (self.here if len(tasks) <= 1 else self.pool).run(fn, tasks, failure)

    def close(self, cancel: bool = False) -> None:
        self.pool.close(cancel)


class LocalPool(Runner):
    """A concurrent.futures process pool, started on first use. Forked when this process runs a
    single thread (fast: the imports are shared); from a fork server otherwise (watch, serve)."""

    def __init__(self, jobs: int, inherited_fd: int | None = None):
        self.jobs = jobs
        self.inherited_fd = inherited_fd
        self.pool = None

    def _pool(self):
        if self.pool is None:
            from concurrent.futures import ProcessPoolExecutor

            from briefing.build.work import init_worker

            forking = threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("fork" if forking else "forkserver")
            if not forking:
                context.set_forkserver_preload(["briefing.build.work", "briefing.compose", "briefing.render"])
            self.pool = ProcessPoolExecutor(
                self.jobs,
                mp_context=context,
                initializer=init_worker,
                initargs=(self.inherited_fd if forking else None,),
            )
        return self.pool

    def run(self, fn, tasks, failure):
        from concurrent.futures import as_completed

        pool = self._pool()
        futures = {pool.submit(fn, task): task for task in tasks}
        try:
            for future in as_completed(futures):
                task = futures[future]
                try:
                    yield task, future.result()
                except Exception as exc:  # noqa: BLE001 - the worker died (killed, out of memory)
                    yield task, failure(task, exc)
        finally:
            for future in futures:
                future.cancel()

    def close(self, cancel: bool = False) -> None:
        if self.pool is None:
            return
        if cancel:  # interrupted: do not wait for PDFs nobody will write
            for process in list((getattr(self.pool, "_processes", None) or {}).values()):
                with contextlib.suppress(OSError, ValueError, AttributeError):
                    process.terminate()
        self.pool.shutdown(wait=not cancel, cancel_futures=True)
        self.pool = None


class DaskRunner(Runner):
    """Sends the tasks to an existing dask.distributed scheduler; results come back to this
    process, which writes the files and the manifest."""

    def __init__(self, address: str, timeout: float = 10.0):
        self.address = address
        self.timeout = timeout
        self.client = None

    def _client(self):
        if self.client is None:
            try:
                from distributed import Client
            except ImportError:
                raise BriefingError(
                    "--scheduler", "needs dask.distributed: pip install 'dask[distributed]'"
                ) from None
            try:
                self.client = Client(self.address, timeout=f"{self.timeout}s", set_as_default=False)
            except Exception as exc:  # noqa: BLE001 - any failure to connect is one message
                raise BriefingError(self.address, f"cannot reach the dask scheduler: {exc}") from None
        return self.client

    def run(self, fn, tasks, failure):
        from distributed import as_completed

        client = self._client()
        tasks = list(tasks)
        futures = [client.submit(fn, task, pure=False) for task in tasks]
        by_key = {f.key: t for f, t in zip(futures, tasks)}
        try:
            for future in as_completed(futures, loop=client.loop):
                task = by_key[future.key]
                try:
                    yield task, future.result()
                except Exception as exc:  # noqa: BLE001 - a lost worker fails its task only
                    yield task, failure(task, exc)
        finally:
            for future in futures:
                future.release()

    def close(self, cancel: bool = False) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None
