#!/usr/bin/env python3
"""Aggregates the CPU samples of a JFR recording by thread, top frame and inclusive frame.

Usage: jfr print --json --stack-depth 64 --events jdk.ExecutionSample rec.jfr > samples.json
       benchmarks/scripts/jfr-top-frames.py samples.json [--thread http-nio] [--after 2026-11-25T00:54:10] [--top 40]

--after keeps the samples taken after a time (ISO, UTC), e.g. the start of the measured runs, so that
start-up and JIT warm-up do not drown the request path; --thread keeps threads whose name contains it.
"""
import argparse
import collections
import json


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("samples")
    parser.add_argument("--thread", default="")
    parser.add_argument("--after", default="")
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    events = json.load(open(args.samples))["recording"]["events"]
    threads, top, inclusive, kinds = (collections.Counter() for _ in range(4))
    count = 0
    for event in events:
        values = event["values"]
        stack = values["stackTrace"]
        thread = values["sampledThread"].get("javaName") or "?"
        if not stack or args.thread not in thread or values["startTime"] < args.after:
            continue
        count += 1
        frames = [f["method"]["type"]["name"].split("/")[-1] + "." + f["method"]["name"] for f in stack["frames"]]
        threads[thread.rstrip("0123456789")] += 1
        kinds[stack["frames"][0]["type"]] += 1
        top[frames[0]] += 1
        for frame in set(frames):
            inclusive[frame] += 1
    print(f"{count} samples; top frame {dict(kinds)}")
    for title, counter in (("threads", threads), ("top frames", top), ("inclusive", inclusive)):
        print(f"-- {title}")
        for name, n in counter.most_common(args.top):
            print(f"{n:6d} {100 * n / max(count, 1):5.1f}% {name}")


if __name__ == "__main__":
    main()
