"""Peak resident memory, measured so that one test (or one child process) sees only its own use.

`ru_maxrss` is the wrong figure for both: a child started by `subprocess` inherits its parent's peak through
exec on Linux (a CLI run from a 500 MB pytest process reports 500 MB), and in the test process it keeps the
highest peak of every earlier test. Linux's VmHWM belongs to the process's current memory map and can be reset.
"""

from __future__ import annotations

import os
import resource


def rss_mb() -> float:
    """Resident memory now (Linux; elsewhere the peak so far)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return peak_rss_mb()


def peak_rss_mb() -> float:
    """Peak resident memory of this process's own memory map (since the last reset_peak)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def reset_peak() -> float:
    """Start a new peak measurement (Linux); return the memory held now, to subtract from the peak later."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as clear:
            clear.write("5")
    except OSError:
        pass
    return rss_mb()


def peak_growth_mb(start: float) -> float:
    """How far the peak rose above `start` (from reset_peak) since then."""
    return max(peak_rss_mb(), rss_mb()) - start

