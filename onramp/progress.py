"""A progress bar for the terminal, drawn on one line of standard error."""

import sys
import time


class ProgressBar:
    def __init__(self, *, stream=None, width: int = 30):
        self.stream = stream or sys.stderr
        self.width = width
        self.started = time.perf_counter()
        self.interactive = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.last_percent = -1

    def __call__(self, done: int, total: int, label: str = "") -> None:
        percent = int(100 * done / total) if total else 100
        if not self.interactive and percent // 10 == self.last_percent // 10 and done != total:
            return  # in a log, a line every ten per cent is enough
        self.last_percent = percent
        filled = int(self.width * done / total) if total else self.width
        rate = done / max(time.perf_counter() - self.started, 1e-6)
        line = f"[{'#' * filled}{'.' * (self.width - filled)}] {done}/{total} {percent:3d}% {rate:5.1f}/s {label[-40:]}"
        if self.interactive:
            self.stream.write("\r" + line.ljust(110))
            if done == total:
                self.stream.write("\n")
        else:
            self.stream.write(line + "\n")
        self.stream.flush()
