#!/usr/bin/env python3
"""Serves a folder over HTTP on 127.0.0.1 the way a real site on a real connection would: every
response starts after a latency (the round trip and the server's think time), and all bodies
share one bandwidth (the reader's connection). Conditional requests get 304 as from
http.server. Used by bench/run to time cold builds where downloading costs what it costs on a
network, not the nothing it costs on loopback. --max-age adds "Cache-Control: max-age=N" to
every answer, as hosts and CDNs that set a lifetime on uploads do.

usage: link_server.py PORT FOLDER [--latency-ms 50] [--mbit 100] [--max-age SECONDS]
"""
import argparse
import functools
import http.server
import threading
import time


class Link:
    """One shared pipe: a token bucket refilled at the link's rate."""

    def __init__(self, bytes_per_second):
        self.rate = bytes_per_second
        self.lock = threading.Lock()
        self.next_free = time.monotonic()

    def send(self, size):
        """Blocks until size bytes have had their turn on the link."""
        with self.lock:
            now = time.monotonic()
            start = max(now, self.next_free)
            self.next_free = start + size / self.rate
            wait = self.next_free - now
        if wait > 0:
            time.sleep(wait)


class Handler(http.server.SimpleHTTPRequestHandler):
    link = None
    latency = 0.0
    max_age = None
    chunk = 64 * 1024

    def log_message(self, *args):
        pass

    def send_head(self):
        time.sleep(self.latency)
        return super().send_head()

    def end_headers(self):
        if self.max_age is not None:
            self.send_header("Cache-Control", f"max-age={self.max_age}")
        super().end_headers()

    def copyfile(self, source, outputfile):
        while True:
            data = source.read(self.chunk)
            if not data:
                return
            self.link.send(len(data))
            outputfile.write(data)


class Server(http.server.ThreadingHTTPServer):
    request_queue_size = 128  # a burst of connections is queued, not dropped
    daemon_threads = True


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("port", type=int)
    parser.add_argument("folder")
    parser.add_argument("--latency-ms", type=float, default=50)
    parser.add_argument("--mbit", type=float, default=100)
    parser.add_argument("--max-age", type=int, default=None)
    args = parser.parse_args()
    Handler.link = Link(args.mbit * 1e6 / 8)
    Handler.latency = args.latency_ms / 1000
    Handler.max_age = args.max_age
    handler = functools.partial(Handler, directory=args.folder)
    with Server(("127.0.0.1", args.port), handler) as server:
        server.serve_forever()


if __name__ == "__main__":
    main()
