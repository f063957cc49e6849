"""What the in-process benchmark scripts share: the best of several timed calls."""

from __future__ import annotations

import time
from typing import Callable, Tuple, TypeVar

T = TypeVar("T")


def best(function: Callable[[], T], runs: int = 3) -> Tuple[float, T]:
    """The least CPU time of `runs` calls of `function` (the machine is shared: the fastest run
    is the one least disturbed), and the last call's result."""
    times = []
    for _ in range(runs):
        start = time.process_time()
        result = function()
        times.append(time.process_time() - start)
    return min(times), result
