"""The first steps of a reader who uses pip and JupyterLab instead of make: `pip install -r requirements.txt`
in a fresh virtual environment gives a working collection.

The fresh install takes about a minute and needs the package registry, so it runs where
KARABAKH_FRESH_VENV=1 is set (CI sets it) and is skipped, saying why, elsewhere."""

import asyncio
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from conftest import ROOT
from karabakh_figures.data.paths import FIGURES_DIR_VARIABLE

FRESH_VENV_VARIABLE = "KARABAKH_FRESH_VENV"


def test_the_package_finds_the_data_whatever_the_working_folder(tmp_path):
    for folder in (tmp_path, ROOT / "notebooks"):
        shown = subprocess.run(
            [sys.executable, "-c", "from karabakh_figures import load; print(len(load('territories')))"],
            cwd=folder, capture_output=True, text=True, check=True).stdout
        assert shown.strip() == "9", folder


def test_requirements_install_the_package_itself():
    lines = [line.strip() for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()]
    assert "-e ." in lines, "pip install -r requirements.txt must install karabakh_figures (editable)"


@pytest.fixture(scope="module")
def fresh_venv(tmp_path_factory):
    if not os.environ.get(FRESH_VENV_VARIABLE):
        pytest.skip(f"set {FRESH_VENV_VARIABLE}=1 to install requirements.txt into a fresh venv (about a minute)")
    venv = tmp_path_factory.mktemp("newcomer") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(venv / "bin" / "pip"), "install", "--quiet", "-r", "requirements.txt"], cwd=ROOT,
                   check=True, capture_output=True)
    return venv


def test_a_notebook_runs_after_pip_install_alone(fresh_venv, tmp_path):
    environment = {**os.environ, "KARABAKH_FIGURES_DIR": str(tmp_path / "figures"), "PYTHONHASHSEED": "0"}
    # From another folder, as a reader's JupyterLab might be started anywhere.
    subprocess.run([str(fresh_venv / "bin" / "jupyter"), "nbconvert", "--to", "notebook", "--execute",
                    "--output-dir", str(tmp_path), str(ROOT / "notebooks" / "02-khojaly-casualties.ipynb")],
                   cwd=tmp_path, env=environment, check=True, capture_output=True)
    executed = json.loads((tmp_path / "02-khojaly-casualties.ipynb").read_text(encoding="utf-8"))
    outputs = [output for cell in executed["cells"] for output in cell.get("outputs", [])]
    assert not [output for output in outputs if output["output_type"] == "error"]
    assert any("613" in "".join(output.get("data", {}).get("text/markdown", "")) for output in outputs)
    assert (tmp_path / "figures" / "02-killed-by-group.png").is_file()


def test_jupyterlab_serves_with_a_kernel_of_the_fresh_environment(fresh_venv, tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [str(fresh_venv / "bin" / "jupyter"), "lab", "--no-browser", f"--port={port}", "--ip=127.0.0.1",
         "--IdentityProvider.token=newcomer", f"--ServerApp.root_dir={ROOT}", "--ServerApp.port_retries=0",
         "--allow-root"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path)})
    try:
        base = f"http://127.0.0.1:{port}"
        specs = _get_json(f"{base}/api/kernelspecs?token=newcomer", deadline=time.monotonic() + 60)
        argv = specs["kernelspecs"][specs["default"]]["spec"]["argv"]
        # "python" is the server's own interpreter (jupyter_client substitutes sys.executable for it).
        assert argv[0] == "python" or argv[0].startswith(str(fresh_venv)), f"a kernel from elsewhere: {argv}"
        started = urllib.request.urlopen(urllib.request.Request(
            f"{base}/api/kernels?token=newcomer", data=b"{}", method="POST"), timeout=30)
        kernel = json.loads(started.read())
        code = "import sys\nfrom karabakh_figures import load\nprint(sys.prefix, len(load('territories')))"
        url = f"ws://127.0.0.1:{port}/api/kernels/{kernel['id']}/channels?token=newcomer"
        # In a thread of its own: another test in this worker (the browser's) may have left an event loop running.
        with ThreadPoolExecutor(max_workers=1) as thread:
            printed = thread.submit(asyncio.run, _run_in_kernel(url, code)).result()
        assert printed.split() == [str(fresh_venv), "9"], printed
        with urllib.request.urlopen(f"{base}/lab/tree/notebooks/00-overview.ipynb?token=newcomer") as page:
            assert page.status == 200 and b"JupyterLab" in page.read()
        contents = _get_json(f"{base}/api/contents/notebooks?token=newcomer", deadline=time.monotonic() + 5)
        listed = {item["name"] for item in contents["content"] if item["name"].endswith(".ipynb")}
        assert listed == {path.name for path in (ROOT / "notebooks").glob("*.ipynb")}
    finally:
        server.terminate()
        server.wait(timeout=30)


async def _run_in_kernel(url: str, code: str) -> str:
    """Run `code` in a kernel through the server's websocket, as JupyterLab does; return what it printed."""
    from tornado.websocket import websocket_connect

    connection = await websocket_connect(url)
    request = {"header": {"msg_id": uuid.uuid4().hex, "msg_type": "execute_request", "session": uuid.uuid4().hex,
                          "username": "newcomer", "version": "5.3", "date": ""},
               "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
               "content": {"code": code, "silent": False, "store_history": False, "user_expressions": {},
                           "allow_stdin": False, "stop_on_error": True}}
    await connection.write_message(json.dumps(request))
    printed = []
    while True:
        message = json.loads(await asyncio.wait_for(connection.read_message(), timeout=60))
        if message["parent_header"].get("msg_id") != request["header"]["msg_id"]:
            continue
        if message["msg_type"] == "stream":
            printed.append(message["content"]["text"])
        if message["msg_type"] == "error":
            raise AssertionError("\n".join(message["content"]["traceback"]))
        if message["msg_type"] == "status" and message["content"]["execution_state"] == "idle":
            connection.close()
            return "".join(printed)


def _get_json(url: str, deadline: float) -> dict:
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return json.loads(response.read())
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def test_the_quick_start_shows_what_the_overview_shows_and_both_ways_in():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick_start = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    quoted = [line[2:] for line in quick_start.splitlines() if line.startswith("> ")]
    overview = json.loads((ROOT / "notebooks" / "00-overview.ipynb").read_text(encoding="utf-8"))
    shown = "".join("".join(output.get("data", {}).get("text/plain", "")) for cell in overview["cells"]
                    for output in cell.get("outputs", []))
    assert quoted and all(line in shown for line in quoted), quoted
    for command in ("make lab", ".venv/bin/pip install -r requirements.txt", ".venv/bin/jupyter lab"):
        assert command in quick_start, command


def test_the_readmes_usage_examples_run_from_a_scratch_folder(tmp_path):
    """Each Python example under "Using the package" runs as written, in a folder outside the collection, and the
    chart it exports lands in the folder it names."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Using the package", 1)[1].split("\n## ", 1)[0]
    examples = re.findall(r"```python\n(.*?)```", section, re.S)
    assert len(examples) >= 2
    environment = {name: value for name, value in os.environ.items() if name != FIGURES_DIR_VARIABLE}
    printed = subprocess.run([sys.executable, "-c", "\n".join(examples)], cwd=tmp_path, env=environment,
                             capture_output=True, text=True, check=True).stdout
    assert "1992    6240" in printed and "1993    8153" in printed
    assert sorted(path.name for path in (tmp_path / "my-figures").iterdir()) == [
        "my-areas-narrow.png", "my-areas.csv", "my-areas.json", "my-areas.png", "my-areas.svg"]
