#!/usr/bin/env python3
"""tree_rss.py - the peak of the summed resident memory of a process's descendants.

Usage: bench/tree_rss.py PID

Every 0.1 s, until PID has exited (or is a zombie), adds up the resident set
sizes (/proc/N/stat) of every process descended from PID (PID left out), found
through /proc/N/task/T/children, and prints the largest sum seen, in MB, and the
most processes seen at once. /usr/bin/time -v gives the peak of the largest
single process; this is the memory of processes that run at the same time (a
map's jobs, Dask's workers) together. It is sampled, so a peak shorter than
0.1 s can be missed, and pages shared between processes (libraries,
copy-on-write) are counted in each.
"""
import os
import sys
import time

PAGE = os.sysconf("SC_PAGE_SIZE")


def stat(pid):
    """(state, rss in bytes) of PID, or None when it is gone."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            s = f.read()
    except OSError:
        return None
    fields = s[s.rindex(b")") + 2:].split()  # after "pid (comm) ", comm may hold anything
    return fields[0], int(fields[21]) * PAGE


def children(pid):
    """The children of PID, those of each of its threads."""
    kids = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return kids
    for t in tasks:
        try:
            with open(f"/proc/{pid}/task/{t}/children", "rb") as f:
                kids += [int(k) for k in f.read().split()]
        except OSError:
            pass
    return kids


def main(argv):
    if len(argv) != 2 or not argv[1].isdigit():
        print("usage: bench/tree_rss.py PID", file=sys.stderr)
        return 2
    root = int(argv[1])
    if not os.path.exists(f"/proc/{root}/task/{root}/children"):
        print("bench/tree_rss.py: no /proc/PID/task/TID/children on this kernel", file=sys.stderr)
        return 1
    peak = most = 0
    while True:
        s = stat(root)
        if s is None or s[0] == b"Z":
            break
        total = count = 0
        todo = children(root)
        while todo:
            pid = todo.pop()
            s = stat(pid)
            if s is None:
                continue
            total += s[1]
            count += 1
            todo += children(pid)
        peak = max(peak, total)
        most = max(most, count)
        time.sleep(0.1)
    print(f"{peak / 1048576:.1f} {most}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
