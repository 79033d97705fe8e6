"""A small static server that behaves like a real host for the benchmarks: gzip for text, keep-alive.

Real hosts keep connections open (HTTP/1.1 or HTTP/2) and compress text once, not per request. Python's
default server closes every connection (HTTP/1.0), which makes each file pay a new TCP handshake and slow
start in Lighthouse's simulation: a cost no reader on a real host pays.
"""

from __future__ import annotations

import functools
import gzip
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

TEXT = (".html", ".css", ".js", ".json", ".xml", ".svg", ".webmanifest", ".txt")


@functools.lru_cache(maxsize=4096)
def compressed(path: Path, mtime_ns: int) -> bytes:
    """Return a file's gzip body (level 6, the common host default), made once per file version."""
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


class GzipHandler(SimpleHTTPRequestHandler):
    """Serve files over keep-alive HTTP/1.1, gzip-compressed when the client accepts it and the file is text."""

    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix not in TEXT or "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().do_GET()
        body = compressed(path, path.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache" if path.suffix == ".html" else "max-age=3600")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def serve(folder: Path) -> tuple[str, ThreadingHTTPServer]:
    """Serve a folder on a free local port; return its base URL and the server."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server
