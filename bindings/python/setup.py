"""Build step of the `parley` package: the version comes from include/parley.h and the
already-built libParley.so is copied into the package, so the installed package needs no
LD_LIBRARY_PATH. Metadata lives in pyproject.toml."""

import os
import re
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.dist import Distribution

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent  # the Parley source tree: bindings/python/../..
HEADER = ROOT / "include" / "parley.h"
LIBRARY_NAME = "libParley.so"


def header_version() -> str:
    if not HEADER.is_file():
        raise SystemExit(f"parley: cannot read the version: {HEADER} not found "
                         "(build the Python package from the Parley source tree)")
    text = HEADER.read_text(encoding="utf-8")
    parts = []
    for part in ("MAJOR", "MINOR", "PATCH"):
        match = re.search(rf"#define\s+PARLEY_VERSION_{part}\s+(\d+)", text)
        if not match:
            raise SystemExit(f"parley: PARLEY_VERSION_{part} not found in {HEADER}")
        parts.append(match.group(1))
    return ".".join(parts)


def built_library() -> Path:
    override = os.environ.get("PARLEY_LIBRARY")
    candidate = Path(override) if override else ROOT / ".build" / "release" / LIBRARY_NAME
    if not candidate.is_file():
        raise SystemExit(
            f"parley: {candidate} not found. Build the library first, from {ROOT}:\n"
            "    swift build -c release -Xswiftc -static-stdlib --product Parley\n"
            "or set PARLEY_LIBRARY to the libParley.so to package.")
    return candidate


class BuildWithLibrary(build_py):
    """build_py that also puts libParley.so into the package."""

    def run(self):
        super().run()
        source = built_library()
        # An editable install imports from the source tree, a regular one from build_lib.
        target_dir = HERE / "parley" if getattr(self, "editable_mode", False) else Path(self.build_lib) / "parley"
        target_dir.mkdir(parents=True, exist_ok=True)
        target = target_dir / LIBRARY_NAME
        self.announce(f"copying {source} -> {target}", level=2)
        shutil.copyfile(source, target)
        os.chmod(target, 0o755)


class BinaryDistribution(Distribution):
    """The wheel carries a native library: tag it for the platform, not as pure Python."""

    def has_ext_modules(self):
        return True


setup(version=header_version(), cmdclass={"build_py": BuildWithLibrary}, distclass=BinaryDistribution)
