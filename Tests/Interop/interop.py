#!/usr/bin/env python3
"""Interop check of PeatConsole's event streams against Google's protobuf package.

Usage: interop.py DIR

Reads DIR/swift.pb (varint-delimited) and DIR/swift.jsonl (proto3 JSON, one event per line),
both written by the Swift side from the same events; checks they hold the same events; writes
them back as DIR/python-echo.pb and DIR/python-echo.jsonl. Then writes events built here, by
the recipe `python_events` (mirrored in CodecsInteropTests.swift), as DIR/python.pb and
DIR/python.jsonl. Exits non-zero with a message on any mismatch.

The modules under generated/ come from the project's own .proto, made with
    protoc -I assets/proto --python_out=Tests/Interop/generated \
        assets/proto/cap/common/v1/common.proto assets/proto/cap/event/v1/event.proto
(protoc 3.21; they run on protobuf>=4.21,<5 from PyPI).
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "generated"))

from google.protobuf import json_format  # noqa: E402
from cap.event.v1 import event_pb2  # noqa: E402


def write_varint(value, out):
    while value >= 0x80:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)


def write_delimited(events):
    out = bytearray()
    for event in events:
        body = event.SerializeToString()
        write_varint(len(body), out)
        out += body
    return bytes(out)


def read_delimited(data):
    events, i = [], 0
    while i < len(data):
        length, shift = 0, 0
        while True:
            byte = data[i]
            i += 1
            length |= (byte & 0x7F) << shift
            shift += 7
            if byte < 0x80:
                break
        if i + length > len(data):
            raise ValueError("truncated frame at the end of the stream")
        event = event_pb2.PeatEvent()
        event.ParseFromString(data[i:i + length])
        events.append(event)
        i += length
    return events


def write_jsonl(events):
    lines = [json_format.MessageToJson(e, indent=None) for e in events]
    return ("\n".join(lines) + "\n").encode("utf-8")


def read_jsonl(data):
    return [json_format.Parse(line, event_pb2.PeatEvent())
            for line in data.decode("utf-8").split("\n") if line.strip()]


def python_events(count=25):
    """Events built field by field; CodecsInteropTests.swift builds the same ones."""
    events = []
    for i in range(1, count + 1):
        e = event_pb2.PeatEvent()
        e.event_id = "py-%d" % i
        e.timestamp.seconds = 1_700_000_000 + i
        e.timestamp.nanos = i * 1000
        e.source_node_id = "py-node"
        e.source_formation_id = "py-squad"
        if i % 5 == 0:
            e.source_instance_id = ""  # present but empty
        elif i % 3 == 0:
            e.source_instance_id = "inst-%d" % i
        e.event_class = i % 5
        e.event_type = "anomaly.jam — ☢ 火" if i == 7 else "product.kind%d" % (i % 4)
        if i % 6 != 0:
            e.routing.SetInParent()
            e.routing.propagation = i % 4
            e.routing.priority = (i // 2) % 4
            e.routing.ttl_seconds = 60 * i
            e.routing.aggregation_window_ms = 100 * (i % 3)
        if i == 11:  # numbers this schema does not know, kept as numbers
            e.event_class = 42
            e.routing.propagation = 7
            e.routing.priority = 9
        e.payload_type_url = "type.peat/" + e.event_type
        e.payload_value = bytes((i * k) % 256 for k in range(i))
        events.append(e)
    return events


def read(path):
    with open(path, "rb") as f:
        return f.read()


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    d = sys.argv[1]
    from_pb = read_delimited(read(os.path.join(d, "swift.pb")))
    from_jsonl = read_jsonl(read(os.path.join(d, "swift.jsonl")))
    if not from_pb:
        print("interop: swift.pb holds no events", file=sys.stderr)
        return 1
    if from_pb != from_jsonl:
        for n, (a, b) in enumerate(zip(from_pb, from_jsonl)):
            if a != b:
                print("interop: event %d differs between swift.pb and swift.jsonl:\n%s\n%s" % (n, a, b),
                      file=sys.stderr)
                break
        else:
            print("interop: %d events in swift.pb, %d in swift.jsonl" % (len(from_pb), len(from_jsonl)),
                  file=sys.stderr)
        return 1
    write(os.path.join(d, "python-echo.pb"), write_delimited(from_pb))
    write(os.path.join(d, "python-echo.jsonl"), write_jsonl(from_jsonl))
    own = python_events()
    write(os.path.join(d, "python.pb"), write_delimited(own))
    write(os.path.join(d, "python.jsonl"), write_jsonl(own))
    print("interop: read %d events from Swift, wrote %d back and %d of its own"
          % (len(from_pb), len(from_pb), len(own)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
