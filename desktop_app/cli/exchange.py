"""Commands for data packages between installations: export-package, import-package, identity, and the versions
kept by merges (versions, restore-version)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop_app.cli.output import EXIT_OK, EXIT_REFUSED

KEY_PASSWORD_ENV = "CDS_KEY_PASSWORD"  # never an argument: the command line is visible to every user


def add_parsers(sub: Any) -> None:
    """Add the exchange commands to the CLI's subparsers."""
    from desktop_app.domain.merge import OURS, THEIRS

    p = sub.add_parser("export-package", help="ghi gói dữ liệu (.cdsx, có chữ ký) để gửi cho đơn vị khác qua USB")
    p.add_argument("out", type=Path, help="tệp gói, vd. E:/gui_xa.cdsx")
    p.add_argument("--plan", type=int, help="chỉ kế hoạch này")
    p.add_argument("--unit", help="chỉ phần của đơn vị này (chỉ tiêu được giao và kết quả của đơn vị)")
    p.add_argument("--since-last-to", metavar="NAME",
                   help="chỉ những gì thay đổi từ gói gửi lần trước cho đơn vị NAME (lần đầu: gửi tất cả)")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("import-package", help="nhập gói dữ liệu (.cdsx) nhận từ đơn vị khác")
    p.add_argument("file", type=Path)
    p.add_argument("--dry-run", action="store_true", help="chỉ xem trước: không ghi gì vào cơ sở dữ liệu")
    p.add_argument("--trust", action="store_true",
                   help="tin cậy khoá của người gửi chưa biết (sau khi đã so dấu vân tay với họ)")
    p.add_argument("--prefer", choices=[OURS, THEIRS], default=OURS,
                   help="với trường bị sửa khác nhau ở hai bên: giữ bản ở đây (ours, mặc định) hay lấy bản gửi đến")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("identity", help="tên và dấu vân tay khoá của máy này (để người nhận so khớp)")
    p.add_argument("--name", help="đặt tên hiển thị cho máy này, vd. «UBND xã Nam Hồng»")
    p.add_argument("--json", action="store_true")
    keys = p.add_subparsers(dest="key_action", metavar="ACTION")
    k = keys.add_parser("export-key", help="ghi khoá ký của máy này ra tệp, mã hoá bằng mật khẩu trong biến môi "
                                           f"trường {KEY_PASSWORD_ENV} (để chuyển sang máy mới)")
    k.add_argument("file", type=Path)
    k = keys.add_parser("import-key", help="nhận khoá ký đã xuất từ máy cũ (mật khẩu trong biến môi trường "
                                           f"{KEY_PASSWORD_ENV}) để máy này ký gói dữ liệu")
    k.add_argument("file", type=Path)
    p = sub.add_parser("versions", help="liệt kê các phiên bản được lưu khi hợp nhất gói dữ liệu (bị thay, "
                                        "không được chọn khi xung đột, bị xoá theo bên gửi)")
    p.add_argument("--item", type=int, help="chỉ của chỉ tiêu/nhiệm vụ này (id trong show --json) và các mục tiêu, "
                                            "thời hạn, phân công, kết quả của nó")
    p.add_argument("--all", action="store_true", help="kể cả các phiên bản đã khôi phục")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("restore-version", help="khôi phục một phiên bản đã lưu (số # trong lệnh versions); bản "
                                               "hiện tại được lưu lại nên có thể khôi phục ngược")
    p.add_argument("history_id", type=int, metavar="HISTORY_ID")


def _export(db: Any, args: argparse.Namespace) -> int:
    from desktop_app.services.exchange import export_package

    done = export_package(db, out=args.out, plan_id=args.plan, unit=args.unit, since_last_to=args.since_last_to)
    if args.json:
        print(json.dumps({"path": str(done.path), "sha256": done.sha256, "counts": done.counts,
                          "since": done.since.isoformat() if done.since else None, "to": done.to_name,
                          "missing_evidence": done.missing_evidence}, ensure_ascii=False, indent=2))
        return EXIT_OK
    scope = f"thay đổi từ {done.since:%d/%m/%Y %H:%M} (UTC)" if done.since else "toàn bộ"
    records = sum(v for k, v in done.counts.items() if k not in ("tombstones", "evidence"))
    print(f"Đã ghi {done.path} ({scope}): {records} bản ghi, {done.counts['tombstones']} bản ghi đã xoá, "
          f"{done.counts['evidence']} tệp minh chứng. SHA-256: {done.sha256}")
    if done.missing_evidence:
        print(f"Cảnh báo: thiếu {done.missing_evidence} tệp minh chứng trong thư mục minh chứng.", file=sys.stderr)
    return EXIT_OK


def _import(db: Any, args: argparse.Namespace) -> int:
    from desktop_app.services.exchange import UnknownSender, count_line, import_package

    try:
        outcome = import_package(db, path=args.file, trust=args.trust, dry_run=args.dry_run, prefer=args.prefer)
    except UnknownSender as exc:
        print(exc.full_message() + " Chạy lại với --trust sau khi đã so dấu vân tay.", file=sys.stderr)
        return EXIT_REFUSED
    if args.json:
        print(json.dumps(_outcome_json(outcome), ensure_ascii=False, indent=2))
        return EXIT_OK
    verb = "Xem trước (chưa ghi gì)" if outcome.dry_run else "Đã nhập"
    print(f"{verb} gói {outcome.file} từ «{outcome.sender_name}» (dấu vân tay {outcome.fingerprint}"
          f"{'' if outcome.sender_known else ', CHƯA ĐƯỢC TIN CẬY'}).")
    print(count_line(outcome.counts))
    for change in outcome.changes:
        if change.kind in ("new", "unchanged") and not change.detail:
            continue
        line = f"  [{change.kind}] {change.label}"
        if change.detail:
            line += f": {change.detail}"
        print(line)
        for c in change.conflicts:
            print(f"      {c.field}: ở đây «{c.ours}» / gửi đến «{c.theirs}»")
    if outcome.backup:
        print(f"Bản sao lưu trước khi nhập: {outcome.backup}")
    return EXIT_OK


def _outcome_json(outcome: Any) -> dict[str, Any]:
    return {
        "file": outcome.file, "sender": outcome.sender_name, "fingerprint": outcome.fingerprint,
        "sender_known": outcome.sender_known, "dry_run": outcome.dry_run, "counts": outcome.counts,
        "backup": str(outcome.backup) if outcome.backup else None,
        "changes": [
            {"table": c.table, "uuid": c.uuid, "label": c.label, "kind": c.kind, "detail": c.detail,
             "fields": list(c.fields),
             "conflicts": [{"field": x.field, "ours": x.ours, "theirs": x.theirs} for x in c.conflicts]}
            for c in outcome.changes
        ],
    }


def _identity(db: Any, args: argparse.Namespace) -> int:
    from desktop_app.services.identity import installation, set_installation_name

    if args.key_action:
        return _identity_key(db, args)
    me = set_installation_name(db, name=args.name) if args.name else installation(db)
    if args.json:
        print(json.dumps({"id": me.id, "name": me.name, "fingerprint": me.fingerprint}, ensure_ascii=False))
    else:
        print(f"{me.name}\nMã cài đặt: {me.id}\nDấu vân tay khoá: {me.fingerprint}")
    return EXIT_OK


def _identity_key(db: Any, args: argparse.Namespace) -> int:
    import os

    from desktop_app.errors import NotAllowed
    from desktop_app.services import identity

    password = os.environ.get(KEY_PASSWORD_ENV, "")
    if not password:
        raise NotAllowed("cli.key_password_missing", variable=KEY_PASSWORD_ENV)
    if args.key_action == "export-key":
        out = identity.export_key(db, out=args.file, password=password)
        print(f"Đã ghi khoá ký vào {out}. Giữ tệp và mật khẩu riêng nhau; ở máy mới chạy: identity import-key {out}")
        return EXIT_OK
    me = identity.import_key(db, file=args.file, password=password)
    print(f"Đã nhận khoá ký của {me.name} (dấu vân tay {me.fingerprint}): máy này ký được gói dữ liệu.")
    return EXIT_OK


def _versions(db: Any, args: argparse.Namespace) -> int:
    from desktop_app.services.versions import kept_versions

    found = kept_versions(db, item_id=args.item, include_restored=args.all)
    if args.json:
        print(json.dumps([_version_json(v) for v in found], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not found:
        print("Không có phiên bản nào được lưu khi hợp nhất" + (" chưa khôi phục." if not args.all else "."))
    for v in found:
        state = "" if v.exists else " [bản ghi không còn ở đây: khôi phục sẽ tạo lại]"
        if v.restored_at is not None:
            state += f" [đã khôi phục {v.restored_at:%d/%m/%Y %H:%M}]"
        print(f"#{v.id}  {v.at:%d/%m/%Y %H:%M}  {v.table_label} {v.record} — {v.reason_label} — {v.source}{state}")
        for f in v.fields:
            print(f"      {f.label}: hiện tại «{f.current}» → bản đã lưu «{f.kept}»")
    return EXIT_OK


def _version_json(v: Any) -> dict[str, Any]:
    return {
        "id": v.id, "at": v.at.isoformat(), "table": v.table, "table_label": v.table_label, "record": v.record,
        "reason": v.reason, "reason_label": v.reason_label, "source": v.source, "exists": v.exists,
        "restored_at": v.restored_at.isoformat() if v.restored_at else None, "item_id": v.item_id,
        "fields": [{"field": f.field, "label": f.label, "current": f.current, "kept": f.kept} for f in v.fields],
    }


def _restore_version(db: Any, args: argparse.Namespace) -> int:
    from desktop_app.errors import AppError
    from desktop_app.services.versions import restore_version

    try:
        restore_version(db, history_id=args.history_id)
    except AppError as exc:
        print(exc.full_message(), file=sys.stderr)
        return EXIT_REFUSED
    print(f"Đã khôi phục phiên bản #{args.history_id}; thay đổi sẽ được gửi đi trong gói dữ liệu sau. Bản bị thay "
          "(nếu bản ghi còn ở đây) được lưu lại: xem lệnh versions.")
    return EXIT_OK


COMMANDS: dict[str, Callable[[Any, argparse.Namespace], int]] = {
    "export-package": _export, "import-package": _import, "identity": _identity,
    "versions": _versions, "restore-version": _restore_version,
}
