"""PDF for hand-in: `render --format pdf` / `-o x.pdf` through LibreOffice.

The real conversions (LibreOffice and poppler's pdfinfo/pdftotext; skipped without them, failed
under CI=true, which installs them) check the page count and the text of the PDF, a batch in
one run, a private LibreOffice profile, and `new -o x.pdf`. A stand-in `soffice` (a shell script
named by DRAFTER_SOFFICE) checks what cannot be made to happen with the real one: a LibreOffice
that hangs (killed with what it started, at the time limit), one that writes no PDF, one that
must not even start because an output is refused; and the message when none is installed.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest

from drafter.cli import main
from drafter.writers import pdf
from tests.helpers import need_tools

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
ALIASES = REPO / "docs" / "fonts" / "gongwen-aliases.conf"
posix_only = pytest.mark.skipif(os.name == "nt", reason="the stand-in soffice is a shell script")


def compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def words(text: str) -> str:
    """The text without white space and punctuation: pdftotext drops a comma that LibreOffice
    squeezes into the end of a full line, so only the words are compared in order."""
    return "".join(ch for ch in compact(text) if not unicodedata.category(ch).startswith("P"))


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))  # type: ignore[union-attr]


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture
def fonts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """LibreOffice sees the 公文 font names mapped onto free CJK fonts (docs/fonts)."""
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>'
        f'<include ignore_missing="yes">/etc/fonts/fonts.conf</include><include ignore_missing="yes">{ALIASES}</include>'
        "</fontconfig>\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("FONTCONFIG_FILE", str(conf))


@pytest.fixture
def real(fonts: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The real LibreOffice, with HOME in a scratch folder to see that its profile stays out."""
    need_tools("soffice", "pdfinfo", "pdftotext")
    monkeypatch.delenv(pdf.ENV_SOFFICE, raising=False)
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    return home


def composed_text(answers: Path) -> str:
    out = subprocess.run(
        [sys.executable, "-m", "drafter", "render", str(answers), "--format", "txt"],
        capture_output=True, text=True, check=True, cwd=REPO,
    ).stdout
    return out


def test_render_to_pdf_has_every_page_and_all_the_text(real: Path, tmp_path: Path) -> None:
    out = tmp_path / "总结.pdf"
    assert main(["render", str(EXAMPLES / "complete.answers.yaml"), "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF-")
    pages = pdf_pages(out)
    text = pdf_text(out).split("\f")[:-1]  # pdftotext ends each page with a form feed
    assert len(text) == pages >= 2
    for n, page in enumerate(text, start=1):  # every page numbered, in order (GB/T 9704 footer)
        assert f"—{n}—" in compact(page)
    body = ["".join(compact(page).rsplit(f"—{n}—", 1)) for n, page in enumerate(text, start=1)]
    expected = composed_text(EXAMPLES / "complete.answers.yaml")
    assert words("".join(body)) == words(expected)  # every word of the report, in order, once
    assert not (real / ".config" / "libreoffice").exists()  # the user's profile never touched
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".drafter-")] == []


def test_a_batch_is_printed_in_one_run_each_pdf_its_own(real: Path, tmp_path: Path) -> None:
    names = ["minimal.answers.yaml", "seed002-measures.answers.yaml", "seed004-duty-report.answers.yaml"]
    folder = tmp_path / "pdf"
    folder.mkdir()
    assert main(["render", *(str(EXAMPLES / n) for n in names), "-o", str(folder), "--format", "pdf"]) == 0
    for name in names:
        made = folder / name.replace(".answers.yaml", ".pdf")
        title = composed_text(EXAMPLES / name).splitlines()[0]
        assert compact(title) in compact(pdf_text(made).split("\f")[0])


def test_new_with_a_pdf_output_writes_a_pdf(real: Path, tmp_path: Path) -> None:
    out = tmp_path / "总结.pdf"
    assert main(["new", "--answers", str(EXAMPLES / "minimal.answers.yaml"), "--defaults", "-o", str(out)]) == 0
    assert pdf_pages(out) >= 1 and "某某" in pdf_text(out)


# --- a stand-in soffice ----------------------------------------------------------------------


def stand_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str) -> Path:
    """An executable `soffice` running `body` (sh), its arguments logged to args.log beside it."""
    script = tmp_path / "bin" / "soffice"
    script.parent.mkdir(exist_ok=True)
    script.write_text(
        f'#!/bin/sh\nprintf "%s\\n" "$@" > "{script.parent}/args.log"\n'
        f'readlink /proc/$$/fd/0 > "{script.parent}/stdin.log"\n{body}\n',
        encoding="utf-8",
    )
    script.chmod(0o755)
    monkeypatch.setenv(pdf.ENV_SOFFICE, str(script))
    return script


CONVERT = (  # what LibreOffice does, in brief: each input.docx → outdir/input.pdf
    'out=""; prev=""; for a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; done\n'
    'mkdir -p "$out"; for a in "$@"; do case "$a" in *.docx) '
    'n=$(basename "$a" .docx); printf "%%PDF-1.4 fake %s" "$n" > "$out/$n.pdf";; esac; done'
)


@posix_only
def test_libreoffice_is_run_headless_with_a_private_profile_and_no_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = stand_in(tmp_path, monkeypatch, CONVERT)
    out = tmp_path / "a.pdf"
    assert main(["render", str(EXAMPLES / "minimal.answers.yaml"), "-o", str(out)]) == 0
    assert out.read_bytes() == b"%PDF-1.4 fake 0001"
    args = (script.parent / "args.log").read_text(encoding="utf-8").splitlines()
    profile = next(a for a in args if a.startswith("-env:UserInstallation=file:///"))
    assert "--headless" in args and args[args.index("--convert-to") + 1] == "pdf"
    folder = Path(profile.removeprefix("-env:UserInstallation=file://")).parent
    assert folder.name.startswith("drafter-pdf-") and not folder.exists()  # temporary, and gone
    assert (script.parent / "stdin.log").read_text(encoding="utf-8").strip() == "/dev/null"


@posix_only
def test_a_libreoffice_past_its_time_is_killed_with_what_it_started(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    child = tmp_path / "child.pid"
    stand_in(tmp_path, monkeypatch, f'sleep 300 &\necho $! > "{child}"\nwait')
    monkeypatch.setattr(pdf, "TIMEOUT_SECONDS", 1.0)
    monkeypatch.setattr(pdf, "PER_DOCUMENT_SECONDS", 0.0)
    out = tmp_path / "a.pdf"
    start = time.monotonic()
    assert main(["render", str(EXAMPLES / "minimal.answers.yaml"), "-o", str(out)]) == 2
    assert time.monotonic() - start < 10
    assert "LibreOffice 在 1 秒内没有完成 PDF 转换，已把它停止，没有写入任何文件。" in capsys.readouterr().err
    pid = int(child.read_text())
    for _ in range(50):  # the killed child is reaped by init: give it a moment
        if not Path(f"/proc/{pid}").exists() or "Z" in Path(f"/proc/{pid}/stat").read_text().split()[2]:
            break
        time.sleep(0.1)
    else:
        pytest.fail(f"LibreOffice's child {pid} outlived the time limit")
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["bin", "child.pid"]


@posix_only
def test_a_libreoffice_that_writes_no_pdf_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stand_in(tmp_path, monkeypatch, 'echo "Error: source file could not be loaded"')
    out = tmp_path / "a.pdf"
    assert main(["render", str(EXAMPLES / "minimal.answers.yaml"), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "LibreOffice 没有把文档转成 PDF。（LibreOffice 输出：Error: source file could not be loaded）" in err
    assert not out.exists()


@posix_only
@pytest.mark.parametrize(
    ("case", "message"),
    [("exists", "文件已存在"), ("onto the answers", "答案或大纲文件的文件名"), ("onto the reference", "同一个文件")],
)
def test_a_refused_output_never_starts_libreoffice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    case: str, message: str,
) -> None:
    script = stand_in(tmp_path, monkeypatch, CONVERT)
    answers = tmp_path / "a.answers.yaml"
    answers.write_bytes((EXAMPLES / "minimal.answers.yaml").read_bytes())
    argv = ["render", str(answers), "--format", "pdf", "-o"]
    if case == "exists":
        (tmp_path / "a.pdf").write_bytes(b"old")
        argv.append(str(tmp_path / "a.pdf"))
    elif case == "onto the answers":
        argv += [str(answers), "--force"]
    else:
        reference = tmp_path / "ref.docx"
        assert main(["render", str(answers), "-o", str(reference)]) == 0
        argv += [str(reference), "--reference-docx", str(reference), "--force"]
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    assert main(argv) == 2
    assert message in capsys.readouterr().err
    assert not (script.parent / "args.log").exists()  # LibreOffice never started
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == before


def test_without_libreoffice_the_message_names_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv(pdf.ENV_SOFFICE, raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(pdf, "install_places", list)
    out = tmp_path / "a.pdf"
    assert main(["render", str(EXAMPLES / "minimal.answers.yaml"), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：没有找到 LibreOffice，无法生成 PDF。\n请先安装 LibreOffice：")
    assert "sudo apt install libreoffice-writer" in err and "Windows、macOS 请从 LibreOffice 官网下载安装" in err
    assert not out.exists()


def test_drafter_soffice_must_name_a_program(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(pdf.ENV_SOFFICE, str(tmp_path / "nothing-here"))
    assert main(["render", str(EXAMPLES / "minimal.answers.yaml"), "-o", str(tmp_path / "a.pdf")]) == 2
    assert "DRAFTER_SOFFICE" in capsys.readouterr().err


@posix_only
def test_soffice_is_found_where_its_installer_put_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    program = tmp_path / "LibreOffice" / "program" / "soffice"
    program.parent.mkdir(parents=True)
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(0o755)
    monkeypatch.delenv(pdf.ENV_SOFFICE, raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setattr(pdf, "install_places", lambda: [str(tmp_path / "missing"), str(program)])
    assert pdf.find_soffice() == str(program)


@pytest.mark.parametrize(
    ("platform", "env", "expected"),
    [
        ("win32", {"PROGRAMFILES": "C:/Program Files"}, "C:/Program Files/LibreOffice/program/soffice.exe"),
        ("win32", {"LOCALAPPDATA": "C:/Users/u/AppData/Local"},
         "C:/Users/u/AppData/Local/Programs/LibreOffice/program/soffice.exe"),
        ("darwin", {}, "/Applications/LibreOffice.app/Contents/MacOS/soffice"),
        ("linux", {}, "/usr/lib/libreoffice/program/soffice"),
    ],
)
def test_the_usual_install_places(
    monkeypatch: pytest.MonkeyPatch, platform: str, env: dict[str, str], expected: str
) -> None:
    monkeypatch.setattr(sys, "platform", platform)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert expected in [place.replace("\\", "/") for place in pdf.install_places()]


def test_pdf_cannot_go_to_the_screen(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(EXAMPLES / "minimal.answers.yaml"), "--format", "pdf", "-o", "-"]) == 2
    assert "PDF 不能输出到屏幕" in capsys.readouterr().err
