"""drafter installed as a wheel works from any folder: the outlines and templates ship inside it.

The wheel is built from this checkout, installed into a fresh virtual environment (its
dependencies taken from the running environment's site-packages, so no download is needed),
and run from a folder outside the checkout.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from _harness import build_wheel, venv_with  # noqa: E402 - bench/ is put on sys.path above


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_wheel(ROOT, tmp_path_factory.mktemp("build"))


def test_the_wheel_carries_outlines_and_templates(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = sorted(n for n in (ROOT / "outlines").rglob("*") if n.is_file() and n.suffix in (".yaml", ".j2"))
    assert shipped
    for path in shipped:
        assert f"drafter/outlines/{path.relative_to(ROOT / 'outlines').as_posix()}" in names


def test_installed_wheel_renders_from_a_folder_outside_the_checkout(wheel: Path, tmp_path: Path) -> None:
    python, site = venv_with(wheel, tmp_path / "venv")
    bindir = python.parent
    work = tmp_path / "某某 单位"
    work.mkdir()
    shutil.copy(ROOT / "examples" / "minimal.answers.yaml", work / "最小 示例.answers.yaml")

    def drafter(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [python, "-m", "drafter", *args], cwd=work, capture_output=True, text=True, check=False,
            env={"PATH": str(bindir), "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8"},
        )

    where = subprocess.run(
        [python, "-c", "import drafter, drafter.outlines as o; print(drafter.__file__); print(o.__file__)"],
        cwd=work, capture_output=True, text=True, check=True,
    ).stdout.split()
    assert all(p.startswith(site) for p in where), where
    assert drafter("--version").stdout.startswith("drafter ")
    result = drafter("render", "最小 示例.answers.yaml", "-o", "总结.docx")
    assert result.returncode == 0, result.stderr
    assert (work / "总结.docx").stat().st_size > 5000
    assert drafter("render", "最小 示例.answers.yaml", "--format", "md").stdout.startswith("# 某某镇中心小学党支部")
    # The console script pip wrote (cli.entry, which ends the process without the interpreter's
    # teardown): every byte of its output arrives, and exit codes are kept.
    script = [str(python), str(Path(site) / "bin" / "drafter")]
    env = {"PATH": str(bindir), "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}
    shown = subprocess.run(
        [*script, "render", "最小 示例.answers.yaml", "--format", "md"], cwd=work, capture_output=True,
        text=True, check=False, env=env,
    )
    assert shown.returncode == 0 and shown.stdout == drafter("render", "最小 示例.answers.yaml", "--format", "md").stdout
    missing = subprocess.run(
        [*script, "render", "没有.answers.yaml"], cwd=work, capture_output=True, text=True, check=False, env=env
    )
    assert missing.returncode == 2 and "没有.answers.yaml" in missing.stderr


OWN_ANSWERS = """\
schema: 1
outline: 本局年度总结
sections:
  - heading: 强化政治引领，坚定理想信念
    topic: politics
    children:
      - heading: 抓实理论学习
        topic: politics
        measures:
          - item: 坚持每月集中学习
            detail: 支部每月确定一个学习专题，由书记和支委轮流领学
"""


@pytest.mark.parametrize("portable", [False, True], ids=["user-folder", "DRAFTER_HOME"])
def test_installed_wheel_keeps_the_offices_own_kinds(wheel: Path, tmp_path: Path, portable: bool) -> None:
    """`learn --name`, `kinds` and an answers file naming the kind, from the installed wheel: the
    library goes to the user data folder (platformdirs' place under HOME), or to DRAFTER_HOME;
    nothing is written into the installed package."""
    from drafter.files.userdirs import data_dir

    python, site = venv_with(wheel, tmp_path / "venv")
    package = Path(site) / "drafter"
    before = sorted(p.relative_to(package) for p in package.rglob("*") if "__pycache__" not in p.parts)
    reports = tmp_path / "往期报告"
    reports.mkdir()
    for path in sorted((ROOT / "examples" / "office").glob("20*")):
        shutil.copy(path, reports / path.name)
    home = tmp_path / "用户"
    env = {"PATH": str(python.parent), "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8", "HOME": str(home)}
    if portable:
        env["DRAFTER_HOME"] = str(tmp_path / "U盘" / "drafter")
    library = Path(data_dir(sys.platform, env, str(home))) / "kinds"
    work = tmp_path / "本期"
    work.mkdir()
    (work / "本期.answers.yaml").write_text(OWN_ANSWERS, encoding="utf-8")

    def drafter(*args: str | Path, cwd: Path = work) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [python, "-m", "drafter", *map(str, args)], cwd=cwd, capture_output=True, text=True,
            check=False, env=env,
        )

    learned = drafter("learn", *sorted(reports.iterdir()), "--name", "本局年度总结")
    assert learned.returncode == 0, learned.stderr
    assert (library / "本局年度总结.yaml").is_file()
    assert str(library) in drafter("kinds").stdout
    made = drafter("new", "--answers", "本期.answers.yaml", "--defaults", "-o", "本期.md")
    assert made.returncode == 0, made.stderr
    assert (work / "本期.md").read_text(encoding="utf-8").startswith("# 某某县市场监督管理局机关党支部")
    (work / "有单位.answers.yaml").write_text(OWN_ANSWERS + "unit: 某某县市场监督管理局机关党支部\n", encoding="utf-8")
    shown = drafter("render", work / "有单位.answers.yaml", "--format", "md", cwd=tmp_path)
    assert shown.returncode == 0 and "（一）抓实理论学习" in shown.stdout, shown.stderr
    assert drafter("check", "本期.md").returncode == 0
    after = sorted(p.relative_to(package) for p in package.rglob("*") if "__pycache__" not in p.parts)
    assert after == before
