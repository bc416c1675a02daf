"""Independent checkers for the documents we issue, shared by tests: Apache PDFBox Preflight
(PDF/A-1b), poppler's pdftotext, and LibreOffice (does a DOCX open and convert?).

A missing tool is a failure naming the Debian package, never a skip: a skipped conformance
check would look like a passed one."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

JAVA_DIR = Path("/usr/share/java")
# Preflight and what it needs at run time (Debian: libpdfbox2-java, libactivation-java,
# libjaxb-api-java; commons-logging comes with libpdfbox2-java).
PREFLIGHT_JARS = {
    "preflight.jar": "libpdfbox2-java",
    "pdfbox2.jar": "libpdfbox2-java",
    "fontbox2.jar": "libpdfbox2-java",
    "xmpbox.jar": "libpdfbox2-java",
    "commons-logging.jar": "libcommons-logging-java",
    "javax.activation.jar": "libactivation-java",
    "jaxb-api.jar": "libjaxb-api-java",
}
PREFLIGHT_CLASS = "org.apache.pdfbox.preflight.Validator_A1b"
# PDFBox scans the system fonts (seconds) and caches the result under $HOME, which the test
# suite points at a fresh folder per test; a cache beside the system temp folder, chosen when
# this module is imported, is reused by every call. One per pytest-xdist worker: two Java
# processes writing one cache file at once could leave it half-written for a third.
_FONT_CACHE = (Path(tempfile.gettempdir())
               / f"barnahus-pdfbox-fontcache-{os.getuid()}{os.environ.get('PYTEST_XDIST_WORKER', '')}")


def _need(program: str, package: str) -> str:
    found = shutil.which(program)
    if not found:
        pytest.fail(f"'{program}' is not installed: install the Debian package {package}.")
    return found


def preflight_command(path: Path | str) -> list[str]:
    java = _need("java", "default-jre-headless (or openjdk-17-jre-headless)")
    missing = sorted({pkg for jar, pkg in PREFLIGHT_JARS.items() if not (JAVA_DIR / jar).exists()})
    if missing:
        pytest.fail("PDFBox Preflight is incomplete: install the Debian package(s) "
                    + ", ".join(missing) + ".")
    classpath = ":".join(str(JAVA_DIR / jar) for jar in PREFLIGHT_JARS)
    _FONT_CACHE.mkdir(parents=True, exist_ok=True)
    return [java, "-Djava.awt.headless=true", f"-Dpdfbox.fontcache={_FONT_CACHE}",
            "-cp", classpath, PREFLIGHT_CLASS, str(path)]


def preflight(path: Path | str) -> tuple[bool, str]:
    """(valid PDF/A-1b?, Preflight's report). Valid only when Preflight says so in words as
    well as by its exit code, so a crash that exits 0 does not pass."""
    done = subprocess.run(preflight_command(path), capture_output=True, text=True, timeout=300)
    output = (done.stdout + done.stderr).strip()
    ok = done.returncode == 0 and "is a valid PDF/A-1b file" in output
    return ok, output


def pdf_text(path: Path | str, raw: bool = False) -> str:
    """The text of a PDF in reading layout; pages are separated by form feeds. raw: in content
    stream order instead, where a text a table cell wrapped stays in one piece (the layout mode
    interleaves it with the next column's)."""
    exe = _need("pdftotext", "poppler-utils")
    done = subprocess.run([exe, "-raw" if raw else "-layout", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                          timeout=120)
    if done.returncode != 0:
        pytest.fail(f"pdftotext failed on {path}: {done.stderr.decode(errors='replace')}")
    return done.stdout.decode("utf-8")


def pdf_pages_text(path: Path | str, raw: bool = False) -> list[str]:
    """pdf_text split into pages (without the empty piece after the last form feed)."""
    pages = pdf_text(path, raw).split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def libreoffice_to_pdf(docx_path: Path | str, outdir: Path | str) -> Path:
    """Convert with LibreOffice headless. A private user profile per call, so parallel runs
    (and a LibreOffice the developer has open) do not clash."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        pytest.fail("LibreOffice is not installed: install the Debian package libreoffice-writer-nogui.")
    docx_path, outdir = Path(docx_path), Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        env = dict(os.environ, HOME=profile)  # LibreOffice also writes under $HOME
        done = subprocess.run(
            [exe, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
             "--nolockcheck", "--convert-to", "pdf", "--outdir", str(outdir), str(docx_path)],
            capture_output=True, text=True, timeout=300, env=env)
    result = outdir / (docx_path.stem + ".pdf")
    if done.returncode != 0 or not result.exists():
        pytest.fail(f"LibreOffice could not convert {docx_path.name} (exit {done.returncode}):\n"
                    f"{done.stdout}\n{done.stderr}")
    return result
