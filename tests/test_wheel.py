"""drafter installed as a wheel works from any folder: the outlines and templates ship inside it.

The wheel is built from this checkout, installed into a fresh virtual environment (its
dependencies taken from the running environment's site-packages, so no download is needed),
and run from a folder outside the checkout.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    build = tmp_path_factory.mktemp("build")
    shutil.copytree(ROOT, build / "src", ignore=shutil.ignore_patterns(".git", ".venv", "*.egg-info", "build", "__pycache__"))
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(out), str(build / "src")],
        check=True, capture_output=True,
    )
    [whl] = out.glob("drafter-*.whl")
    return whl


def test_the_wheel_carries_outlines_and_templates(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = sorted(n for n in (ROOT / "outlines").rglob("*") if n.is_file() and n.suffix in (".yaml", ".j2"))
    assert shipped
    for path in shipped:
        assert f"drafter/outlines/{path.relative_to(ROOT / 'outlines').as_posix()}" in names


def test_installed_wheel_renders_from_a_folder_outside_the_checkout(wheel: Path, tmp_path: Path) -> None:
    env = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env)
    bindir = env / ("Scripts" if sys.platform == "win32" else "bin")
    python = bindir / "python"
    site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-index", "--target", site, str(wheel)],
        check=True, capture_output=True,
    )
    # The dependencies (jinja2, python-docx, …) come from the running environment, appended after
    # the venv's own site-packages; that folder's .pth files (an editable drafter) are not run.
    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (Path(site) / "_deps.pth").write_text("\n".join(sorted(deps)) + "\n", encoding="utf-8")
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
