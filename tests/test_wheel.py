"""The wheel carries the seeds, and the installed package finds them from any folder."""

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_carries_the_seeds_and_finds_them(tmp_path):
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True, text=True, timeout=300,
    )
    assert build.returncode == 0, build.stderr
    wheel = next(tmp_path.glob("digest-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        packaged = sorted(n for n in names if n.startswith("digest/seeds/"))
        assert [Path(n).name for n in packaged] == sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))
        for name in packaged:
            assert archive.read(name) == (ROOT / "seeds" / Path(name).name).read_bytes()
        archive.extractall(tmp_path / "site")
    probe = "from digest.ingest import bundled_seeds_dir, load_sources; d = bundled_seeds_dir(); print(d); print(len(load_sources([]).sources))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path, env={"PYTHONPATH": str(tmp_path / "site")}, timeout=120)
    assert result.returncode == 0, result.stderr
    folder, count = result.stdout.split()
    assert folder == str(tmp_path / "site" / "digest" / "seeds") and count == "5"
