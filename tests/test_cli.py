"""The command-line contract: commands, flags, JSON fields and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.cli import main
from tests.conftest import MINH_TAN, NAM_HONG


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_then_show_json(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", str(db_path), "import", str(NAM_HONG))
    assert code == 0, err
    assert "Nam Hồng" in out and "55 chỉ tiêu/nhiệm vụ" in out
    code, out, _ = run(capsys, "--db", str(db_path), "show", "--json")
    assert code == 0
    data = json.loads(out)
    plan = data["plans"][0]
    assert {"id", "commune", "plan_number", "plan_date", "warnings", "items"} <= set(plan)
    item = plan["items"][2]
    assert item["number"] == "2.1" and item["section"] == "I" and item["group"] == "2"
    assert item["kind"] == "indicator"
    assert item["monitoring_units"] == ["Phòng Văn hóa - Xã hội"]
    assert item["deadline"] == {"raw": "Tháng 12/2026", "kind": "date", "due": "2026-12-31"}
    assert item["targets"][0]["op"] == ">" and item["targets"][0]["value"] == 70 and item["targets"][0]["unit"] == "%"
    assert item["targets"][0]["subject"] is None
    assert isinstance(item["note"], str)


def test_show_one_plan_and_unknown_plan(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "--db", str(db_path), "import", str(NAM_HONG))
    run(capsys, "--db", str(db_path), "import", str(MINH_TAN))
    code, out, _ = run(capsys, "--db", str(db_path), "show", "--json", "--plan", "2")
    assert code == 0
    plans = json.loads(out)["plans"]
    assert [p["commune"] for p in plans] == ["Minh Tân"]
    code, _, err = run(capsys, "--db", str(db_path), "show", "--json", "--plan", "99")
    assert code == 2 and "#99" in err


def test_reimport_refused_unless_again(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--db", str(db_path), "import", str(MINH_TAN))[0] == 0
    code, out, err = run(capsys, "--db", str(db_path), "import", str(MINH_TAN))
    assert code == 2 and "đã được nhập" in err and "--again" in err
    code, _, _ = run(capsys, "--db", str(db_path), "import", str(MINH_TAN), "--again")
    assert code == 0
    code, out, _ = run(capsys, "--db", str(db_path), "show", "--json")
    assert len(json.loads(out)["plans"]) == 2


def test_refused_file_exit_2_message_on_stderr(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "rong.docx"
    bad.write_bytes(b"")
    code, out, err = run(capsys, "--db", str(db_path), "import", str(bad))
    assert code == 2 and out == ""
    assert "rong.docx" in err and "rỗng" in err
    code, _, err = run(capsys, "--db", str(db_path), "import", str(tmp_path / "khong_co.xlsx"))
    assert code == 2 and "không tìm thấy tệp" in err


def test_units_json(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "--db", str(db_path), "import", str(NAM_HONG))
    code, out, _ = run(capsys, "--db", str(db_path), "units", "--json")
    assert code == 0
    units = {u["name"]: u for u in json.loads(out)["units"]}
    culture = units["Phòng Văn hóa - Xã hội"]
    assert culture["items"] == 25  # counted independently from the seed file
    assert "Phòng Văn hoá- Xã hội" in culture["aliases"]
    assert units["Công an xã"]["items"] == 8


def test_progress_record_and_list(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "--db", str(db_path), "import", str(NAM_HONG))
    plan = json.loads(run(capsys, "--db", str(db_path), "show", "--json")[1])["plans"][0]
    item = next(i for i in plan["items"] if i["number"] == "7.1")
    code, out, _ = run(capsys, "--db", str(db_path), "periods", "--plan", str(plan["id"]), "--json")
    assert code == 0
    labels = [p["label"] for p in json.loads(out)["periods"]]
    assert labels == ["Quý I/2026", "Quý II/2026", "Quý III/2026", "Quý IV/2026"]
    code, out, err = run(capsys, "--db", str(db_path), "progress", "add", "--item", str(item["id"]),
                         "--period", "Quý III/2026", "--unit", "Công an xã", "--numerator", "1450",
                         "--denominator", "2000", "--by", "Nguyễn Văn A", "--json")
    assert code == 0, err
    assert json.loads(out)["value"] == 72.5
    code, _, err = run(capsys, "--db", str(db_path), "progress", "add", "--item", str(item["id"]),
                       "--period", "Quý III/2026", "--value", "120")
    assert code == 2 and "từ 0 đến 100" in err
    code, out, _ = run(capsys, "--db", str(db_path), "progress", "list", "--plan", str(plan["id"]), "--json")
    reports = json.loads(out)["reports"]
    assert len(reports) == 1 and reports[0]["unit"] == "Công an xã" and reports[0]["reported_by"] == "Nguyễn Văn A"


def test_progress_document_number_and_date(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "--db", str(db_path), "import", str(NAM_HONG))
    plan = json.loads(run(capsys, "--db", str(db_path), "show", "--json")[1])["plans"][0]
    document = next(i for i in plan["items"] if i["section"] == "II" and i["number"] == "6")
    indicator = next(i for i in plan["items"] if i["section"] == "I" and i["number"] == "7.1")
    code, out, err = run(capsys, "--db", str(db_path), "progress", "add", "--item", str(document["id"]),
                         "--period", "Quý III/2026", "--status", "done", "--document-number", "125/QĐ-UBND",
                         "--document-date", "2026-09-05", "--json")
    assert code == 0, err
    report = json.loads(out)
    assert (report["document_number"], report["document_date"], report["status"]) == \
        ("125/QĐ-UBND", "2026-09-05", "done")
    code, out, err = run(capsys, "--db", str(db_path), "progress", "add", "--item", str(indicator["id"]),
                         "--period", "Quý III/2026", "--value", "72", "--document-number", "12/QĐ-UBND")
    assert code == 2 and out == "" and "không phải là văn bản" in err
    code, _, err = run(capsys, "--db", str(db_path), "progress", "add", "--item", str(document["id"]),
                       "--period", "Quý III/2026", "--status", "done", "--document-date", "05/09/2026")
    assert code == 2 and "YYYY-MM-DD" in err
    code, out, _ = run(capsys, "--db", str(db_path), "progress", "list", "--plan", str(plan["id"]), "--json")
    reports = json.loads(out)["reports"]
    assert len(reports) == 1 and reports[0]["document_number"] == "125/QĐ-UBND"


def test_module_entry_point_runs_as_a_program(db_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--db", str(db_path), "import", str(NAM_HONG)],
        capture_output=True, text=True, encoding="utf-8", timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Nam Hồng" in proc.stdout
