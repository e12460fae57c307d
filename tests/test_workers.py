"""graph.workers: the build's processes, forked once; map and the background start (real processes)."""
import os

import pytest

from graph.workers import Workers


def _square(x):
    return x * x


def _pid(_):
    return os.getpid()


def _fail_on_3(x):
    if x == 3:
        raise ValueError("three")
    return x


def _die_on_5(x):
    if x == 5:
        os._exit(9)  # a crash in native code, as a segfault would be
    return x


@pytest.mark.parametrize("jobs", [1, 2])
def test_start_gives_every_result_in_order(jobs):
    with Workers(jobs) as w:
        assert w.start(_square, range(50)).results() == [x * x for x in range(50)]
        assert w.start(_square, []).results() == []
        assert w.start(_square, [7]).results() == [49]


def test_started_tasks_run_in_the_processes_forked_at_the_start():
    with Workers(2) as w:
        forked = set(w._pool._processes)  # the processes forked when the Workers were made
        later = set(w.start(_pid, range(40)).results())
    assert os.getpid() not in later and later <= forked and len(forked) == 2


def test_an_exception_of_a_task_is_raised_by_results():
    with Workers(2) as w:
        pending = w.start(_fail_on_3, range(20))
        with pytest.raises(ValueError, match="three"):
            pending.results()


def test_a_process_that_dies_fails_only_its_item():
    with Workers(2, died=lambda x: ("died", x)) as w:
        got = w.start(_die_on_5, range(12)).results()
    assert got == [("died", 5) if x == 5 else x for x in range(12)]


def test_cancel_stops_and_closes_the_processes():
    w = Workers(2)
    pending = w.start(_square, range(5000))
    pending.cancel()
    assert w._pool is None
    w.close()
