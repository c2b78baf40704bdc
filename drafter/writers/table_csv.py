"""A table as CSV for Excel and WPS: UTF-8 with a byte-order mark (without it Excel on Chinese
Windows reads the file as GBK), CRLF line ends, every cell quoted where CSV needs it."""

from __future__ import annotations

import csv
import io

from drafter.document import Table

BOM = "\ufeff"


def csv_bytes(table: Table) -> bytes:
    """The header (a cell's line break dropped: 召开支委会（次）), the rows, the totals row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in (table.header, *table.rows, *([table.totals] if table.totals else [])):
        writer.writerow(["".join(cell.splitlines()) for cell in row])
    return (BOM + buffer.getvalue()).encode("utf-8")
