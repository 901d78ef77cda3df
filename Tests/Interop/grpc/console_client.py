#!/usr/bin/env python3
"""An independent NodeConsole client: grpcio, with code generated from console.proto by
grpcio-tools at run time (nothing of the Swift side is used).

Usage: console_client.py GENERATED_DIR CHECK ADDRESS [options]

Checks (each prints one line of JSON and exits 0 when it holds, 1 with a reason otherwise):
  first     --node N [--token T]  the first Watch message is full and names node N
  readonly  [--token T]           Inject is refused with PERMISSION_DENIED
  control   --node N              Inject (a CRITICAL and a burst), Pop, SetPolicy, Acknowledge
                                  are answered, and the watch then shows their effects
  token     --token T             Watch without the token: UNAUTHENTICATED; with it: served
"""
import argparse
import json
import os
import sys
import time


def load(generated):
    sys.path.insert(0, generated)
    import grpc  # noqa: F401
    from cap.console.v1 import console_pb2, console_pb2_grpc
    return console_pb2, console_pb2_grpc


def fail(why):
    print(json.dumps({"ok": False, "why": why}))
    sys.exit(1)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("generated")
    p.add_argument("check", choices=["first", "readonly", "control", "token"])
    p.add_argument("address")
    p.add_argument("--node")
    p.add_argument("--token")
    p.add_argument("--deadline", type=float, default=30.0)
    a = p.parse_args()
    pb, rpc = load(a.generated)
    import grpc

    channel = grpc.insecure_channel(a.address)
    stub = rpc.NodeConsoleStub(channel)
    meta = [("authorization", "Bearer " + a.token)] if a.token else None
    deadline = time.time() + a.deadline

    def first_message(metadata):
        stream = stub.Watch(pb.WatchRequest(watcher_id="python-grpcio"), metadata=metadata, timeout=a.deadline)
        return stream, next(stream)

    if a.check == "first":
        stream, m = first_message(meta)
        stream.cancel()
        if not m.full:
            fail("first message is not full")
        if a.node and m.identity.node_id != a.node:
            fail("first message names %r, not %r" % (m.identity.node_id, a.node))
        print(json.dumps({"ok": True, "node": m.identity.node_id, "formation": m.identity.formation_id,
                          "instance": m.identity.instance_id, "sequence": m.sequence,
                          "pending": list(m.figures.pending_by_level), "control": m.identity.control_allowed}))
        return

    if a.check == "readonly":
        try:
            stub.Inject(pb.InjectRequest(level=pb.LEVEL_CRITICAL), metadata=meta, timeout=a.deadline)
        except grpc.RpcError as e:
            if e.code() == grpc.StatusCode.PERMISSION_DENIED:
                print(json.dumps({"ok": True, "code": "PERMISSION_DENIED", "details": e.details()}))
                return
            fail("Inject failed with %s, not PERMISSION_DENIED" % e.code())
        fail("Inject was accepted by a read-only node")

    if a.check == "token":
        try:
            stream, _ = first_message(None)
            stream.cancel()
            fail("a watch without the token was served")
        except grpc.RpcError as e:
            if e.code() != grpc.StatusCode.UNAUTHENTICATED:
                fail("a watch without the token failed with %s, not UNAUTHENTICATED" % e.code())
        try:
            stream, _ = first_message([("authorization", "Bearer wrong-" + a.token)])
            stream.cancel()
            fail("a watch with a wrong token was served")
        except grpc.RpcError as e:
            if e.code() != grpc.StatusCode.UNAUTHENTICATED:
                fail("a wrong token failed with %s, not UNAUTHENTICATED" % e.code())
        stream, m = first_message(meta)
        stream.cancel()
        print(json.dumps({"ok": True, "node": m.identity.node_id}))
        return

    # control: calls, then the watch must show what they did.
    stream, m = first_message(meta)
    if not m.identity.control_allowed:
        fail("the node says it does not allow control")
    replies = []
    replies.append(stub.Inject(pb.InjectRequest(level=pb.LEVEL_CRITICAL), metadata=meta, timeout=a.deadline).message)
    replies.append(stub.Inject(pb.InjectRequest(burst=50), metadata=meta, timeout=a.deadline).message)
    replies.append(stub.Pop(pb.PopRequest(max=8), metadata=meta, timeout=a.deadline).message)
    replies.append(stub.SetPolicy(pb.SetPolicyRequest(policy=pb.POLICY_FAIR), metadata=meta, timeout=a.deadline).message)
    ack = stub.Acknowledge(pb.AcknowledgeRequest(key=0), metadata=meta, timeout=a.deadline)
    replies.append(ack.message)
    try:
        stub.Pop(pb.PopRequest(max=0), metadata=meta, timeout=a.deadline)
        fail("Pop(max=0) was accepted")
    except grpc.RpcError as e:
        if e.code() != grpc.StatusCode.INVALID_ARGUMENT:
            fail("Pop(max=0) failed with %s, not INVALID_ARGUMENT" % e.code())
    seen = {"policy_fair": False, "acked_manual": False, "pop8": False, "emitted": 0}
    last_seq = m.sequence
    gaps = 0
    for u in stream:
        if u.sequence != last_seq + 1:
            gaps += 1
        last_seq = u.sequence
        seen["policy_fair"] = seen["policy_fair"] or u.figures.policy == pb.POLICY_FAIR
        seen["emitted"] = max(seen["emitted"], u.figures.emitted)
        for al in u.alerts:
            if al.event.event_type == "critical.manual" and al.acknowledged:
                seen["acked_manual"] = True
        for step in u.pops:
            if step.asked == 8 and not step.automatic:
                seen["pop8"] = True
        if seen["policy_fair"] and seen["acked_manual"] and seen["pop8"] and seen["emitted"] >= 51:
            break
        if time.time() > deadline:
            break
    stream.cancel()
    if not (seen["policy_fair"] and seen["acked_manual"] and seen["pop8"] and seen["emitted"] >= 51):
        fail("after the control calls the watch showed %s (replies %s)" % (seen, replies))
    print(json.dumps({"ok": True, "seen": seen, "replies": replies, "gaps": gaps, "ack_ok": ack.ok}))


if __name__ == "__main__":
    main()
