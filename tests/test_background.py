"""Work in a forked child: the same result as in-process, and never an error of its own.

Each case runs in a fresh interpreter (one thread, as the command line is), since the test
runner itself may have threads, and a process with threads never forks.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading

import pytest

from digest.background import Ahead, can_fork, in_background, stream_in_background


@pytest.fixture
def another_thread():
    """A second thread while the test runs: a process with threads never forks."""
    stop = threading.Event()
    helper = threading.Thread(target=stop.wait)
    helper.start()
    yield
    stop.set()
    helper.join()


def _run(script: str) -> str:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(script)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_the_result_comes_from_a_child_when_the_process_has_one_thread():
    out = _run(
        """
        import os
        from digest.background import can_fork, in_background, stream_in_background
        parent = os.getpid()
        result = in_background(lambda: (os.getpid(), sum(range(1000))))()
        print(can_fork(), result[0] != parent, result[1])
        """
    )
    assert out == "True True 499500"


CHILD_FAILURES = pytest.mark.parametrize(
    "failure",
    ['raise RuntimeError("the child fails")', "os.kill(os.getpid(), signal.SIGKILL)"],
    ids=["fails", "killed midway"],
)
"""How a child can fail: an error of its work, or killed midway."""


@CHILD_FAILURES
def test_a_child_that_fails_or_dies_is_replaced_by_the_work_done_here(failure):
    out = _run(
        f"""
        import os, signal
        from digest.background import in_background
        parent = os.getpid()
        def work():
            if os.getpid() != parent:
                {failure}
            return "done here"
        print(in_background(work)())
        """
    )
    assert out == "done here"


def test_two_halves_give_the_items_in_order_the_second_half_from_a_child():
    out = _run(
        """
        import os
        from digest.background import in_two_halves
        parent = os.getpid()
        def work(part, offset):
            return [(offset + k, item * 2, os.getpid() == parent) for k, item in enumerate(part)]
        print(in_two_halves(work, list(range(6)), parallel_from=4))
        print(in_two_halves(work, list(range(3)), parallel_from=4))
        """
    )
    assert out.splitlines() == [
        str([(0, 0, True), (1, 2, True), (2, 4, True), (3, 6, False), (4, 8, False), (5, 10, False)]),
        str([(0, 0, True), (1, 2, True), (2, 4, True)]),
    ]


def test_a_process_with_another_thread_computes_in_process(another_thread):
    assert not can_fork()
    assert in_background(lambda: 42)() == 42


def test_items_stream_from_a_child_and_one_that_dies_midway_is_completed_here():
    out = _run(
        """
        import os, signal
        from digest.background import stream_in_background
        parent = os.getpid()
        def produce():
            yield ("first", os.getpid() != parent)
            if os.getpid() != parent:
                os.kill(os.getpid(), signal.SIGKILL)
            yield ("second", os.getpid() != parent)
        print(list(stream_in_background(produce)))
        """
    )
    assert out == "[('first', True), ('second', False)]"


def test_without_a_child_nothing_runs_before_it_is_asked_for(another_thread):
    ran = []

    def produce():
        ran.append("started")
        yield 1
        yield 2

    items = stream_in_background(produce)
    assert ran == []
    assert list(items) == [1, 2] and ran == ["started"]


def test_many_files_load_the_same_in_two_processes_as_in_one(tmp_path):
    for index in range(9):
        (tmp_path / f"{index:02d}.txt").write_text(f"Title {index}\n\nThe council met on day {index} and voted on the plan.", encoding="utf-8")
    (tmp_path / "04b.txt").write_bytes(b"")  # one problem, which must keep its place
    out = _run(
        f"""
        from digest.ingest import load as load_module
        from digest.ingest.load import load_sources
        load_module.PARALLEL_FROM = 2
        together = load_sources([{str(tmp_path)!r}])
        load_module.PARALLEL_FROM = 10**9
        alone = load_sources([{str(tmp_path)!r}])
        print(together == alone, len(together.sources), len(together.problems))
        """
    )
    assert out == "True 9 1"


def test_a_story_merged_with_a_helper_is_the_story_merged_in_process(tmp_path):
    wire = "The council approved the new budget of 12 million dollars on Tuesday after a long debate."
    for index in range(6):
        own = f"Outlet {index} adds that the vote was {index + 3} to 2 and the mayor spoke for {index + 10} minutes."
        (tmp_path / f"{index}.txt").write_text(f"Budget passed\n\n{wire} {own}\n\nResidents can comment until Friday.", encoding="utf-8")
    out = _run(
        f"""
        import os
        from dataclasses import replace
        from digest import background
        from digest.engine import build_story
        from digest.engine.wording import DEFAULT_PARAMS
        from digest.export import render
        from digest.ingest.load import load_sources
        sources = load_sources([{str(tmp_path)!r}]).sources
        from digest.engine import meaning
        params = replace(DEFAULT_PARAMS, exact_limit=0)  # MinHash even for a small story
        meaning.PARALLEL_FROM = 0  # and its fold's candidates ranked ahead in a helper
        helped = render([build_story(sources, params)], "json")
        children = open(f"/proc/{{os.getpid()}}/task/{{os.getpid()}}/children").read().split()
        background.can_fork = lambda: False
        alone = render([build_story(sources, params)], "json")
        print(helped == alone, '"sources": [' in helped, children)
        """
    )
    assert out == "True True []"  # the same story, and every helper reaped (none left a zombie)


def test_work_started_ahead_tells_as_it_goes_and_returns_from_the_child():
    out = _run(
        """
        import os
        from digest.background import Ahead
        parent = os.getpid()
        def work(tell):
            tell("one")
            tell("two")
            return os.getpid() != parent
        told = []
        print(Ahead(work).result(told.append), told)
        """
    )
    assert out == "True ['one', 'two']"


@CHILD_FAILURES
def test_work_ahead_whose_child_fails_is_done_here_telling_here(failure):
    out = _run(
        f"""
        import os, signal
        from digest.background import Ahead
        parent = os.getpid()
        def work(tell):
            tell("started in " + ("child" if os.getpid() != parent else "parent"))
            if os.getpid() != parent:
                {failure}
            return "done here"
        told = []
        print(Ahead(work).result(told.append), told)
        """
    )
    assert out.startswith("done here [") and out.endswith("'started in parent']")


def test_cancelled_work_ahead_stops_its_child():
    out = _run(
        """
        import os, time
        from digest.background import Ahead
        def work(tell):
            time.sleep(60)
            return "late"
        ahead = Ahead(work)
        pid = ahead._pid
        started = time.monotonic()
        ahead.cancel()
        try:
            os.kill(pid, 0)
            alive = True
        except ProcessLookupError:
            alive = False
        try:
            ahead.result(print)
        except RuntimeError as error:
            print(alive, time.monotonic() - started < 30, error)
        """
    )
    assert out == "False True the work was cancelled"


def test_work_ahead_in_a_process_with_threads_runs_here_when_asked(another_thread):
    ran = []

    def work(tell):
        ran.append("started")
        tell("here")
        return 42

    ahead = Ahead(work)
    assert ran == []
    told: list[object] = []
    assert ahead.result(told.append) == 42 and told == ["here"]


def test_work_ahead_writes_nothing_on_the_terminal_the_parent_may_own():
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                """
                import sys
                from digest.background import Ahead
                def work(tell):
                    print("from the child", file=sys.stderr)
                    print("from the child")
                    return 1
                assert Ahead(work).result(lambda _: None) == 1
                """
            ),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0 and done.stdout == "" and done.stderr == ""
