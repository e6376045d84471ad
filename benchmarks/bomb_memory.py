"""Peak memory of ``geopol ingest URL`` against a ``Content-Encoding: gzip, gzip`` bomb.

Serves, on 127.0.0.1, 988 bytes that inflate to ``--mib`` MiB of zeros (512 by default) and
runs ``geopol ingest --allow-private`` on it in a child process (the flag exists before and
after issue 20, so both can be measured); prints the child's peak RSS and wall time as
JSON. Run it with ``PYTHONPATH`` pointing at the source tree to measure.

    python benchmarks/bomb_memory.py --mib 512
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--mib", type=int, default=512)
    args = ap.parse_args()
    body = gzip.compress(gzip.compress(bytes(args.mib * 1024 * 1024), 9), 9)

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *a: object) -> None:
            pass

        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Encoding", "gzip, gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{httpd.server_address[1]}/bomb"
    with tempfile.TemporaryDirectory() as tmp:
        start = time.monotonic()
        proc = subprocess.Popen(
            [sys.executable, "-m", "geopol", "ingest", url, "--allow-private",
             "--db", os.path.join(tmp, "b.duckdb")],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.monotonic() - start
        err = proc.stderr.read() if proc.stderr else ""
    httpd.shutdown()
    print(json.dumps({"bomb_bytes": len(body), "inflates_to_mib": args.mib,
                      "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
                      "wall_s": round(wall, 1), "exit": os.waitstatus_to_exitcode(status),
                      "message": err.strip().splitlines()[0] if err.strip() else ""}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
