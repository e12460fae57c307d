"""ingest.formats.files: a file's bytes, or a one-line error naming the file and the reason."""
import pytest

from ingest.formats.files import read_file_bytes
from ingest.model import ReadError


def test_bytes(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(b"resolution 70/1")
    assert read_file_bytes(p) == b"resolution 70/1"


@pytest.mark.parametrize("make, reason", [
    (lambda d: d / "missing.pdf", "no such file"),
    (lambda d: d, "is a folder"),
    (lambda d: (d / "empty.docx").write_bytes(b"") and d / "empty.docx" or d / "empty.docx", "empty file"),
    (lambda d: (d / "blank.txt").write_bytes(b" \n\t") and d / "blank.txt", "empty file"),
])
def test_one_line_errors(tmp_path, make, reason):
    path = make(tmp_path)
    with pytest.raises(ReadError) as err:
        read_file_bytes(path)
    assert err.value.reason == reason and str(err.value) == f"{path}: {reason}"
