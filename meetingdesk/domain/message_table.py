"""Every message of the Qt-free layers: key → (Vietnamese, English) whole-sentence templates.

Keys are ``<area>.<what>``; placeholders are named (``{path}``, ``{count:,}``) and the same in
both languages; a Vietnamese sentence groups a number's thousands with dots (``{count!v}``:
"7.246"). Use them through :func:`meetingdesk.domain.messages.message` or an error class
(``NotFoundError("repository.not_found", what=message("tables.site"), record_id=7)``).
``tests/domain/test_messages.py`` checks that the table is complete, that every key used
exists and every entry is used.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "appearance.image_damaged": (
        "Ảnh {what} {name} bị hỏng hoặc không đọc được.",
        "The {what} image {name} is damaged or unreadable."),
    "appearance.image_not_png": (
        "Ảnh {what} {name} không phải tệp PNG.",
        "The {what} image {name} is not a PNG file."),
    "appearance.image_too_large": (
        "Ảnh {what} {name} quá lớn ({size_mb:.0f} MB; tối đa {limit_mb} MB).",
        "The {what} image {name} is too large ({size_mb:.0f} MB; at most {limit_mb} MB)."),
    "appearance.image_too_many_pixels": (
        "Ảnh {what} {name} quá lớn ({width}×{height} điểm ảnh).",
        "The {what} image {name} is too large ({width}×{height} pixels)."),
    "appearance.image_unreadable": (
        "Không đọc được ảnh {what} {path}: {reason}.",
        "Cannot read the {what} image {path}: {reason}."),
    "appearance.seal": (
        "con dấu",
        "seal"),
    "appearance.signature": (
        "chữ ký",
        "signature"),

    "backup.cannot_make": (
        "Không tạo được bản sao lưu {target}: {error}. Không có gì bị thay đổi.",
        "Cannot make the backup {target}: {error}. Nothing was changed."),
    "backup.cannot_write": (
        "Không tạo được bản sao lưu {target}: {reason}. Không có gì bị thay đổi.",
        "Cannot make the backup {target}: {reason}. Nothing was changed."),
    "backup.failed_integrity_check": (
        "Bản sao lưu không đạt kiểm tra toàn vẹn ({result}); chưa thay đổi gì.",
        "The backup failed its integrity check ({result}); nothing was changed."),

    "backups.backup_damaged": (
        "Bản sao lưu {name} bị hỏng: {problem}",
        "The backup {name} is damaged: {problem}"),
    "backups.damaged_file": (
        "Tệp {name} bị hỏng (SQLite báo: {problem}); không ghi gì vào tệp.",
        "{name} is damaged (SQLite reports: {problem}); nothing is written to it."),
    "backups.desk_id_unreadable": (
        "không đọc được mã của {name}, nên chỉ nhận bản sao lưu trong thư mục sao lưu của chính "
        "nó ({own_folder})",
        "the id of {name} cannot be read, so only a backup from its own backup folder "
        "({own_folder}) is accepted"),
    "backups.desk_still_open": (
        "{name} vẫn đang mở; hãy đóng nó trước",
        "{name} is still open; close it first"),
    "backups.not_restored": (
        "Không khôi phục bản sao lưu {name}: {why}. Không có gì bị thay đổi.",
        "The backup {name} was not restored: {why}. Nothing was changed."),
    "backups.other_desks_backup": (
        "đây là bản sao lưu của một tệp dữ liệu khác (mã {theirs}…), không phải của {name} (mã "
        "{mine}…)",
        "it is a backup of another desk (id {theirs}…), not of {name} (id {mine}…)"),
    "backups.unusable": (
        "bản sao lưu không dùng được ({error})",
        "the backup cannot be used ({error})"),

    "bulk.person_twice": (
        "Một người có hai lần trong thành phần cuộc họp.",
        "A person is twice on the meeting's list."),

    "certificates.expired": (
        "Chứng thư số của {name} đã hết hạn ngày {after:%d/%m/%Y}; không ký được.",
        "The certificate of {name} expired on {after:%Y-%m-%d}; cannot sign."),
    "certificates.not_for_signing": (
        "Chứng thư số của {name} không được dùng để ký số (thiếu mục đích digitalSignature).",
        "The certificate of {name} is not allowed to make digital signatures (no "
        "digitalSignature key usage)."),
    "certificates.not_yet_valid": (
        "Chứng thư số của {name} chỉ có hiệu lực từ ngày {before:%d/%m/%Y}; chưa ký được.",
        "The certificate of {name} is valid only from {before:%Y-%m-%d}; cannot sign yet."),

    "checkpoints.partner_none_matches": (
        "Không xác định được bàn làm việc đối tác “{text}” (không có); hãy dùng mã (replica) "
        "hoặc tên như trong danh sách đối tác.",
        "Cannot tell which partner desk “{text}” is (none matches); use its replica id or its "
        "name as listed among the partners."),
    "checkpoints.partner_several_match": (
        "Không xác định được bàn làm việc đối tác “{text}” (nhiều bàn khớp); hãy dùng mã "
        "(replica) hoặc tên như trong danh sách đối tác.",
        "Cannot tell which partner desk “{text}” is (several match); use its replica id or its "
        "name as listed among the partners."),

    "cli.backup_offer": (
        "{error} Bản sao lưu tốt gần nhất, lúc {when}, là {path}: khôi phục bằng Tệp → Khôi "
        "phục bản sao lưu… trong cửa sổ.",
        "{error} The newest good backup, of {when}, is {path}: restore it with File → Restore a "
        "backup… in the window."),
    "cli.cannot_read_or_write": (
        "Lỗi đọc/ghi tệp {path}: {reason}.",
        "Cannot read or write {path}: {reason}."),
    "cli.sqlite_error": (
        "Lỗi SQLite khi xử lý {path}: {error}; hãy chạy “meetingdesk check”.",
        "SQLite error while working on {path}: {error}; run “meetingdesk check”."),
    "cli.demo_made": (
        "Đã tạo hội nghị mẫu (mã {meeting_id}) trong {path}",
        "Made the demo conference (id {meeting_id}) in {path}"),
    "cli.dry_run": (
        "Chạy thử: chưa ghi gì.",
        "Dry run: nothing written."),
    "cli.gui_missing": (
        "giao diện đồ họa chưa có trong phiên bản này; hãy dùng các lệnh con "
        "(meetingdesk --help).",
        "the graphical interface is not in this build; use the subcommands "
        "(meetingdesk --help)."),
    "cli.minutes_docx_written": (
        "Đã ghi biên bản cuộc họp {meeting_id} ({profile}, {size!v} byte) vào {path}",
        "Wrote the minutes of meeting {meeting_id} ({profile}, {size:,} bytes) to {path}"),
    "cli.minutes_written": (
        "Đã ghi biên bản cuộc họp {meeting_id} ({version_kind} {version_id}, {profile}, "
        "{size!v} byte, sha256 {sha}…) vào {path}",
        "Wrote the minutes of meeting {meeting_id} ({version_kind} {version_id}, {profile}, "
        "{size:,} bytes, sha256 {sha}…) to {path}"),
    "cli.no_results": (
        "Không tìm thấy kết quả cho “{query}”.",
        "Nothing found for “{query}”."),
    "cli.nothing_new": (
        "không có gì mới",
        "nothing new"),
    "cli.package_written": (
        "Đã ghi gói {scope} ({counts}; thay đổi {since}→{upto}) vào {path}",
        "Wrote the package {scope} ({counts}; changes {since}→{upto}) to {path}"),
    "cli.rows_written": (
        "Đã ghi {count!v} dòng vào {path}",
        "Wrote {count:,} row(s) to {path}"),
    "cli.search_in_directory": (
        "danh mục",
        "directory"),
    "cli.search_in_meeting": (
        "cuộc họp {meeting_id} ({day})",
        "meeting {meeting_id} ({day})"),
    "cli.version": (
        "bản",
        "version"),
    "cli.version_final": (
        "bản chính thức",
        "final version"),
    "cli.version_final_kept": (
        "bản chính thức đã chốt",
        "final version, kept"),

    "cli_followup.date_format": (
        "ngày “{text}” không đúng dạng YYYY-MM-DD (ví dụ 2023-07-15)",
        "the date “{text}” is not in the form YYYY-MM-DD (for example 2023-07-15)"),
    "cli_followup.no_such_day": (
        "không có ngày “{text}” trong lịch",
        "there is no day “{text}” in the calendar"),
    "cli_followup.only_pdf_or_docx": (
        "Tệp {name}: chỉ ghi được .pdf hoặc .docx.",
        "{name}: only .pdf or .docx can be written."),
    "cli_followup.only_pdf_or_xlsx": (
        "Tệp {name}: chỉ ghi được .pdf hoặc .xlsx.",
        "{name}: only .pdf or .xlsx can be written."),

    "cli_followup.overdue_count": (
        "{count!v} quá hạn (tính đến ngày {day})",
        "Overdue: {count:,} (as of {day})"),
    "cli_followup.report_written": (
        "Đã ghi báo cáo từ ngày {start} đến ngày {end} ({size!v} byte) vào {path}",
        "Wrote the report from {start} to {end} ({size:,} bytes) to {path}"),
    "cli_followup.tasks_count": (
        "{count!v} nhiệm vụ (tính đến ngày {day})",
        "Tasks: {count:,} (as of {day})"),
    "cli_signing.cannot_read": (
        "Không đọc được tệp {path}: {reason}.",
        "Cannot read {path}: {reason}."),
    "cli_signing.missing_options": (
        "--p12 cần --password-env; --pkcs11-lib cần --token-label và --pin-env.",
        "--p12 needs --password-env; --pkcs11-lib needs --token-label and --pin-env."),
    "cli_signing.password": (
        "mật khẩu tệp .p12",
        ".p12 password"),
    "cli_signing.token_pin": (
        "mã PIN của token",
        "token PIN"),
    "cli_signing.signed": (
        "Đã ký số biên bản cuộc họp {meeting_id} (bản {version_id}, ký bởi {signer}, "
        "{size!v} byte); bản đã ký được lưu trong tệp dữ liệu và ghi vào {path}",
        "Signed the minutes of meeting {meeting_id} (version {version_id}, signed by {signer}, "
        "{size:,} bytes); the signed version is kept in the desk and written to {path}"),
    "cli_signing.too_large": (
        "Tệp {name} quá lớn.",
        "{name} is too large."),
    "cli_signing.variable_not_set": (
        "Biến môi trường {variable} (chứa {what}) chưa được đặt.",
        "The environment variable {variable} (holding the {what}) is not set."),

    "common.verbatim": (
        "{text}",
        "{text}"),

    "conflicts.no_such_field": (
        "Trường không có: {fields}.",
        "No such field: {fields}."),
    "conflicts.record_not_found": (
        "Không tìm thấy bản ghi xung đột này.",
        "This record in conflict was not found."),
    "conflicts.value_too_long": (
        "Giá trị quá dài.",
        "The value is too long."),

    "credentials.cannot_read": (
        "Không đọc được tệp chứng thư số {path}: {reason}.",
        "Cannot read the certificate file {path}: {reason}."),
    "credentials.signer_certificate_not_found": (
        "Không tìm thấy chứng thư số của người ký.",
        "The signer's certificate was not found."),
    "credentials.too_large": (
        "Tệp {name} quá lớn ({size!v} byte) để là tệp chứng thư số .p12.",
        "{name} is too large ({size:,} bytes) for a .p12 certificate file."),
    "credentials.wrong_password_or_file": (
        "Không mở được tệp chứng thư số {name}: sai mật khẩu hoặc tệp không phải PKCS#12.",
        "Cannot open the certificate file {name}: wrong password or not a PKCS#12 file."),

    "desk.bad_size": (
        "tệp bị hỏng (kích thước không hợp lệ)",
        "the file is damaged (invalid size)"),
    "desk.blank_sqlite_file": (
        "tệp SQLite trống, chưa phải tệp dữ liệu MeetingDesk",
        "a blank SQLite file, not yet a MeetingDesk desk"),
    "desk.cannot_enable_wal": (
        "không bật được chế độ WAL",
        "cannot enable WAL mode"),
    "desk.cannot_open": (
        "Không mở được tệp {path}: {why}. Tệp không bị thay đổi.",
        "Cannot open {path}: {why}. The file was not changed."),
    "desk.empty_file": (
        "tệp rỗng, không phải tệp dữ liệu MeetingDesk",
        "the file is empty, not a MeetingDesk desk file"),
    "desk.file_damaged": (
        "tệp bị hỏng ({error})",
        "the file is damaged ({error})"),
    "desk.foreign_objects": (
        "Không mở được tệp {path}: tệp chứa đối tượng không do MeetingDesk tạo hoặc đã bị sửa: "
        "{objects}. Tệp không bị thay đổi và không được dùng.",
        "Cannot open {path}: it holds schema objects MeetingDesk did not create, or altered "
        "ones: {objects}. The file was not changed and will not be used."),
    "desk.is_folder": (
        "đây là một thư mục",
        "it is a folder"),
    "desk.more_objects": (
        "{objects} (+{more})",
        "{objects} (+{more})"),
    "desk.new_file_exists": (
        "Tệp {name} đã có. Hãy chọn một tên khác, hoặc dùng Mở tệp dữ liệu.",
        "{name} already exists. Choose another name, or use Open desk."),
    "desk.newer_schema": (
        "Tệp {path} được tạo bởi phiên bản MeetingDesk mới hơn (lược đồ {version}, phiên bản "
        "này đọc tới {supported}). Hãy cập nhật MeetingDesk. Tệp không bị thay đổi.",
        "{path} was written by a newer MeetingDesk (schema {version}; this version reads up to "
        "{supported}). Please update MeetingDesk. The file was not changed."),
    "desk.not_a_desk": (
        "đây không phải tệp dữ liệu MeetingDesk",
        "this is not a MeetingDesk desk file"),
    "desk.other_programs_file": (
        "đây là tệp SQLite của chương trình khác, không phải của MeetingDesk",
        "this SQLite file belongs to another program, not to MeetingDesk"),
    "desk.read_only": (
        "Tệp {path} chỉ đọc (ổ chỉ đọc hoặc không có quyền ghi): xem, tìm, xuất và in được, "
        "nhưng không thay đổi được gì.",
        "{path} is read-only (a read-only medium or no permission to write): it can be browsed, "
        "searched, exported and printed, but not changed."),
    "desk.read_only_needs_upgrade": (
        "Tệp {path} chỉ đọc và dùng lược đồ cũ, cần nâng cấp: hãy chép nó vào một thư mục ghi "
        "được rồi mở bản chép. Tệp không bị thay đổi.",
        "{path} is read-only and uses an older schema that needs an upgrade: copy it to a "
        "writable folder and open the copy. The file was not changed."),
    "desk.sqlite_error": (
        "lỗi SQLite ({error})",
        "SQLite error ({error})"),
    "desk.truncated": (
        "tệp bị cắt cụt (thiếu dữ liệu ở cuối)",
        "the file is truncated (data missing at the end)"),
    "desk.unreadable": (
        "không đọc được ({reason})",
        "unreadable ({reason})"),
    "desk.uses_older_schema_open": (
        "Tệp {path} dùng lược đồ cũ; hãy mở nó bằng MeetingDesk để nâng cấp.",
        "{path} uses an older schema; open it in MeetingDesk to upgrade it."),

    "desk_checks.damaged": (
        "Tệp {path} bị hỏng (quick_check: {problem}); không ghi gì vào tệp. Hãy khôi phục bản "
        "sao lưu tốt gần nhất (Tệp ▸ Khôi phục bản sao lưu…).",
        "{path} is damaged (quick_check: {problem}); nothing is written to it. Restore the "
        "newest good backup (File ▸ Restore a backup…)."),
    "desk_checks.unchecked": (
        "Tệp {path} chưa được kiểm tra xong; không ghi gì vào tệp.",
        "The check of {path} did not finish; nothing is written to it."),

    "directory.no_such_site": (
        "Không có điểm cầu nào có mã hoặc tên “{site_code}”.",
        "No site has the code or name “{site_code}”."),
    "directory.person_in_a_meeting": (
        "Người này có tên trong thành phần một cuộc họp; hãy gỡ khỏi cuộc họp trước.",
        "This person attends a meeting; remove them from the meeting first."),
    "directory.site_code_already_used": (
        "Mã điểm cầu {code} đã được dùng cho điểm cầu khác.",
        "The site code {code} is already used by another site."),
    "directory.site_in_a_meeting": (
        "Điểm cầu này đang tham gia một cuộc họp; hãy gỡ nó khỏi cuộc họp trước.",
        "This site takes part in a meeting; remove it from the meeting first."),

    "documents.already_listed": (
        "Văn bản {reference} đã có trong danh mục.",
        "The document {reference} is already listed."),
    "documents.cannot_read": (
        "Không đọc được tệp {name}: {reason}.",
        "Cannot read {name}: {reason}."),
    "documents.cited_cannot_delete": (
        "Văn bản {reference} được trích dẫn trong {count} ghi chép; hãy sửa các ghi chép đó "
        "trước khi xóa.",
        "The document {reference} is cited in {count} note(s); edit those notes before deleting "
        "it."),
    "documents.file_too_large": (
        "Tệp {name} lớn quá 50 MB.",
        "The file {name} is larger than 50 MB."),
    "documents.no_attached_file": (
        "Văn bản này chưa có tệp đính kèm.",
        "This document has no attached file."),

    "encodings.bad_byte": (
        "tệp không phải {codec} (byte lỗi ở vị trí {start})",
        "the file is not {codec} (bad byte at {start})"),
    "encodings.binary_file": (
        "tệp có vẻ là tệp nhị phân, không phải văn bản",
        "it looks like a binary file, not text"),
    "encodings.not_utf8_nor_vietnamese": (
        "không phải UTF-8 và không giống văn bản tiếng Việt ở bảng mã cp1258, TCVN3 hay VNI",
        "it is not UTF-8 and does not read as Vietnamese in cp1258, TCVN3 or VNI"),
    "encodings.not_vietnamese": (
        "nội dung không đọc được ở bảng mã {codec}",
        "the text does not read as Vietnamese in {codec}"),
    "encodings.unreadable": (
        "Không đọc được bảng mã của tệp {name}: {detail}. Hãy lưu lại tệp dưới dạng UTF-8 hoặc "
        "chọn bảng mã (--encoding utf-8, utf-16, cp1258, tcvn3, vni).",
        "Cannot read the encoding of {name}: {detail}. Save the file as UTF-8 or choose its "
        "encoding (--encoding utf-8, utf-16, cp1258, tcvn3, vni)."),
    "encodings.unsupported": (
        "Bảng mã “{encoding}” không được hỗ trợ; hãy chọn một trong: utf-8, utf-16, cp1258, "
        "tcvn3, vni.",
        "The encoding “{encoding}” is not supported; choose one of: utf-8, utf-16, cp1258, "
        "tcvn3, vni."),

    "exchange_commands.checkpoint": (
        "{scope}: đã gửi tới {sent}, đã nhận tới {received}, đối tác xác nhận tới {acked} "
        "({updated_at})",
        "{scope}: sent up to {sent}, received up to {received}, partner acknowledged up to "
        "{acked} ({updated_at})"),
    "exchange_commands.no_partners": (
        "Chưa nhận gói nào từ bàn làm việc khác.",
        "No package received from another desk yet."),
    "exchange_commands.resolved": (
        "Đã giải quyết {label} — {field}: {value}.",
        "Resolved {label} — {field}: {value}."),
    "exchange_commands.whoami": (
        "Mã replica của bàn làm việc này: {replica}",
        "This desk's replica id: {replica}"),
    "exchange_commands.field_not_in_conflict": (
        "Trường “{field}” của bản ghi này không có xung đột.",
        "The field “{field}” of this record is not in conflict."),
    "exchange_commands.keep_or_take_only": (
        "Trường này chỉ chọn được giữa các bản (--keep/--take-other).",
        "This field can only take one of its values (--keep/--take-other)."),
    "exchange_commands.missing_options": (
        "Cần mã bản ghi, --field và một trong --keep / --take-other / --set.",
        "A record id, --field and one of --keep / --take-other / --set are needed."),
    "exchange_commands.not_a_number": (
        "“{text}” không phải số.",
        "“{text}” is not a number."),
    "exchange_commands.record_ambiguous": (
        "Không xác định được bản ghi xung đột “{record}”.",
        "Cannot tell which record in conflict “{record}” is."),

    "exchange_report.action_add": (
        "thêm",
        "add"),
    "exchange_report.action_skip": (
        "bỏ qua",
        "skip"),
    "exchange_report.action_update": (
        "cập nhật",
        "update"),
    "exchange_report.column": (
        "{field} ← cột {number} “{header}”",
        "{field} ← column {number} “{header}”"),
    "exchange_report.columns": (
        "Ghép cột: {columns}.",
        "Columns: {columns}."),
    "exchange_report.conflict_change": (
        "ở đây “{mine}” / bên kia “{theirs}”",
        "here “{mine}” / other side “{theirs}”"),
    "exchange_report.conflicts_count": (
        "{count} bản ghi có xung đột:",
        "Records in conflict: {count}"),
    "exchange_report.conflicts_kept": (
        "Xung đột: cả hai giá trị được giữ, bản thắng tạm thời giống nhau ở mọi bàn; hãy giải "
        "quyết (meetingdesk exchange conflicts).",
        "Conflicts: both values are kept, and the value shown meanwhile is the same on every "
        "desk; resolve them (meetingdesk exchange conflicts)."),
    "exchange_report.encoding": (
        "bảng mã {encoding}",
        "encoding {encoding}"),
    "exchange_report.file": (
        "Tệp {source}: {rows} dòng dữ liệu, {facts}.",
        "File {source}: {rows} data row(s), {facts}."),
    "exchange_report.header_line": (
        "tiêu đề ở dòng {line}",
        "headers on line {line}"),
    "exchange_report.imported": (
        "Đã nhập: thêm {added}, cập nhật {updated}, bỏ qua {skipped}; {sites} điểm cầu mới, "
        "{people} người vào thành phần cuộc họp. Bản sao lưu: {backup}.",
        "Imported: {added} added, {updated} updated, {skipped} skipped; {sites} new site(s), "
        "{people} person(s) added to the meeting's list. Backup: {backup}."),
    "exchange_report.no_conflicts": (
        "Không có xung đột.",
        "No conflicts."),
    "exchange_report.nothing_changed": (
        "Không có gì thay đổi: không ghi, không sao lưu.",
        "Nothing changed: nothing written, no backup."),
    "exchange_report.older_ignored": (
        "{count} bản ghi cũ hơn bản ở đây: bỏ qua, không thay đổi gì.",
        "{count} record(s) older than the ones here: ignored, nothing changed."),
    "exchange_report.other_value": (
        "bản kia",
        "other"),
    "exchange_report.outcome_changed": (
        "thay đổi",
        "changed"),
    "exchange_report.outcome_conflict": (
        "XUNG ĐỘT",
        "CONFLICT"),
    "exchange_report.outcome_deleted": (
        "xóa",
        "deleted"),
    "exchange_report.outcome_new": (
        "mới",
        "new"),
    "exchange_report.outcome_older": (
        "cũ hơn, bỏ qua",
        "older, ignored"),
    "exchange_report.outcome_unchanged": (
        "không đổi",
        "unchanged"),
    "exchange_report.package": (
        "Gói {scope} — “{title}”, từ {sender} (thay đổi {since}→{upto}).",
        "Package of {scope} — “{title}”, from {sender} (changes {since}→{upto})."),
    "exchange_report.plan": (
        "Sẽ thêm {add}, cập nhật {update}, bỏ qua {skip} dòng; {sites} điểm cầu mới.",
        "Will add {add}, update {update}, skip {skip} row(s); {sites} new site(s)."),
    "exchange_report.plan_with_meeting": (
        "Sẽ thêm {add}, cập nhật {update}, bỏ qua {skip} dòng; {sites} điểm cầu mới, {people} "
        "người vào thành phần cuộc họp, {meeting_sites} điểm cầu vào cuộc họp.",
        "Will add {add}, update {update}, skip {skip} row(s); {sites} new site(s), {people} "
        "person(s) to the meeting's list, {meeting_sites} site(s) to the meeting."),
    "exchange_report.row": (
        "  dòng {line}: {action} — {name} ({reason})",
        "  line {line}: {action} — {name} ({reason})"),
    "exchange_report.scope_meeting": (
        "cuộc họp",
        "the meeting"),
    "exchange_report.scope_site": (
        "phần của điểm cầu {name}",
        "the part of site {name}"),
    "exchange_report.sheet": (
        "trang “{sheet}”",
        "sheet “{sheet}”"),
    "exchange_report.shown_value": (
        "đang hiển thị",
        "shown"),
    "exchange_report.waiting": (
        "Vấn đề: {count} bản ghi tham chiếu tới bản ghi không có ở đây và trong gói; được giữ "
        "lại nhưng chưa hiện cho tới khi bản ghi đó đến.",
        "Problem: {count} record(s) refer to records neither here nor in the package; they "
        "are kept but not shown until those records arrive."),
    "exchange_report.waits_for": (
        "CHỜ: tham chiếu tới {targets} không có ở đây và trong gói",
        "WAITING: refers to {targets}, neither here nor in the package"),
    "exchange_report.written": (
        "Đã ghi vào dữ liệu.",
        "Written to the desk."),
    "exchange_report.written_with_backup": (
        "Đã ghi vào dữ liệu (bản sao lưu: {backup}).",
        "Written to the desk (backup: {backup})."),

    "expected_schema.changed": (
        "{kind} {name} (bị sửa)",
        "{kind} {name} (altered)"),
    "expected_schema.extra": (
        "{kind} {name} (lạ)",
        "{kind} {name} (unknown)"),
    "expected_schema.index": (
        "chỉ mục",
        "index"),
    "expected_schema.missing": (
        "{kind} {name} (bị thiếu)",
        "{kind} {name} (missing)"),
    "expected_schema.table": (
        "bảng",
        "table"),
    "expected_schema.trigger": (
        "trigger",
        "trigger"),
    "expected_schema.view": (
        "view",
        "view"),

    "export.unsupported_format": (
        "Không xuất được ra “{suffix}”: hãy dùng .xlsx hoặc .csv.",
        "Cannot export to “{suffix}”: use .xlsx or .csv."),

    "failures.busy": (
        "tệp đang bận; hãy thử lại",
        "the file is busy; try again"),
    "failures.busy_writing": (
        "tệp đang bận (một chương trình khác đang ghi); hãy thử lại",
        "the file is busy (another program is writing it); try again"),
    "failures.cannot_open": (
        "không mở được tệp hoặc tệp nhật ký bên cạnh nó",
        "the file or its journal beside it cannot be opened"),
    "failures.damaged": (
        "tệp bị hỏng; hãy chạy “meetingdesk check”",
        "the file is damaged; run “meetingdesk check”"),
    "failures.disk_full": (
        "ổ đĩa đã đầy",
        "the disk is full"),
    "failures.file_read_only": (
        "tệp chỉ đọc, không ghi được",
        "the file is read-only"),
    "failures.io_error": (
        "lỗi đọc/ghi ổ đĩa",
        "a disk read/write error"),
    "failures.locked": (
        "tệp đang bị khóa; hãy thử lại",
        "the file is locked; try again"),
    "failures.out_of_memory": (
        "không đủ bộ nhớ",
        "out of memory"),
    "failures.permission": (
        "không có quyền truy cập tệp",
        "access to the file is not permitted"),
    "failures.not_flushed": (
        "Không đưa được những thay đổi vừa rồi xuống ổ đĩa ({path}: {words}). Chúng đã nằm "
        "trong tệp nhật ký của tệp dữ liệu nhưng có thể mất nếu mất điện; từ giờ mỗi thay đổi "
        "chờ ổ đĩa ghi xong. Hãy kiểm tra ổ đĩa và sao lưu tệp dữ liệu.",
        "The latest changes could not be flushed to the disk ({path}: {words}). They are in "
        "the desk's log but could be lost in a power cut; from now on every change waits for "
        "the disk. Check the disk and back up the desk."),
    "failures.storage": (
        "Lỗi tệp dữ liệu {path}: {words}. Thao tác vừa rồi không được thực hiện; dữ liệu đã lưu "
        "trước đó vẫn nguyên vẹn.",
        "Desk file {path}: {words}. The last operation was not carried out; the data saved "
        "before it is intact."),

    "fields.agenda_item_title": (
        "nội dung mục chương trình",
        "agenda item title"),
    "fields.document_number": (
        "số, ký hiệu văn bản",
        "document number"),
    "fields.full_name": (
        "họ và tên",
        "full name"),
    "fields.issuer_name": (
        "tên cơ quan ban hành",
        "issuer's name"),
    "fields.meeting_title": (
        "tên cuộc họp",
        "meeting title"),
    "fields.note_text": (
        "nội dung ghi chép",
        "note text"),
    "fields.number_summoned": (
        "số đại biểu triệu tập",
        "number summoned"),
    "fields.planned_duration": (
        "thời lượng dự kiến",
        "planned duration"),
    "fields.present_count": (
        "số có mặt",
        "present count"),
    "fields.progress_text": (
        "nội dung tiến độ",
        "progress text"),
    "fields.reason_for_reopening": (
        "lý do mở lại",
        "reason for reopening"),
    "fields.signer": (
        "người ký",
        "signer"),
    "fields.site_name": (
        "tên điểm cầu",
        "site name"),
    "fields.task_description": (
        "nội dung nhiệm vụ",
        "task description"),

    "files.cannot_open": (
        "Không mở được tệp {path}: {reason}.",
        "Cannot open {path}: {reason}."),
    "files.cannot_write": (
        "Không ghi được tệp {path}: {words}. Không có tệp nào bị ghi dở.",
        "Cannot write {path}: {words}. No partial file was left."),
    "files.desk_open_not_readable": (
        "{path} là tệp dữ liệu đang mở, không đọc như tệp thường được.",
        "{path} is a desk file that is open; it cannot be read as an ordinary file."),
    "files.not_found": (
        "Không tìm thấy tệp {path}.",
        "File not found: {path}."),
    "files.target_is_database": (
        "{path} là một tệp dữ liệu (cơ sở dữ liệu SQLite); không ghi đè lên nó. Hãy chọn tên "
        "tệp khác.",
        "{path} is a data file (an SQLite database); it is not overwritten. Choose another file "
        "name."),

    "guards.a_field_too_long": (
        "Một trường dài quá {limit!v} ký tự (“{start}”); hãy rút gọn.",
        "A field is longer than {limit:,} characters (“{start}”); shorten it."),
    "guards.field_empty": (
        "Chưa nhập {field}.",
        "The {field} is empty."),
    "guards.field_too_long": (
        "{field!c} dài quá {limit} ký tự.",
        "The {field} is longer than {limit} characters."),
    "guards.minutes_final": (
        "Biên bản cuộc họp này đã được chốt; hãy mở lại cuộc họp trước khi sửa.",
        "The minutes of this meeting are final; reopen the meeting before editing it."),
    "guards.negative": (
        "{field!c} không được âm.",
        "The {field} cannot be negative."),
    "guards.order_mismatch": (
        "Danh sách sắp xếp không khớp với dữ liệu hiện có; hãy tải lại.",
        "The new order does not match the current list; reload it."),
    "guards.text_too_long": (
        "{field!c} dài quá {limit!v} ký tự.",
        "The {field} is longer than {limit:,} characters."),

    "headcounts.below_named_present": (
        "Điểm cầu {site} đã có {named} đại biểu có tên được điểm danh có mặt; số có mặt không "
        "thể ít hơn {named}.",
        "{named} named delegates are marked present at the site {site}; the present count "
        "cannot be lower than {named}."),

    "health.error": (
        "LỖI — {detail}",
        "ERROR — {detail}"),
    "health.file": (
        "tệp: {path}",
        "file: {path}"),
    "health.foreign_key_violations": (
        "LỖI — {count!v} vi phạm",
        "ERROR — {count:,} violations"),
    "health.foreign_object": (
        "đối tượng không do MeetingDesk tạo: {name}",
        "object not made by MeetingDesk: {name}"),
    "health.journal_read_only": (
        "journal_mode: không kiểm được (tệp chỉ đọc)",
        "journal_mode: cannot be checked (read-only file)"),
    "health.journal_not_wal": (
        "journal_mode: {mode} (cần WAL)",
        "journal_mode: {mode} (WAL needed)"),
    "health.result_bad": (
        "kết quả: CÓ LỖI",
        "result: ERRORS FOUND"),
    "health.result_foreign": (
        "kết quả: CÓ LỖI — {count} đối tượng lạ hoặc bị sửa; MeetingDesk không mở tệp này",
        "result: ERRORS FOUND — {count} foreign or altered objects; MeetingDesk does not open "
        "this file"),
    "health.result_good": (
        "kết quả: tốt",
        "result: good"),
    "health.schema": (
        "schema: {version} (phiên bản này: {supported})",
        "schema: {version} (this version: {supported})"),

    "history.undo_stale": (
        "Không hoàn tác được: dữ liệu đã thay đổi kể từ thao tác này ({error}).",
        "Cannot undo: the data changed since this action ({error})."),

    "importer.added_meeting": (
        "thêm vào cuộc họp",
        "added to the meeting"),
    "importer.already_unchanged": (
        "đã có, không thay đổi",
        "already there, unchanged"),
    "importer.ambiguous_name": (
        "có {count} người cùng tên trong danh bạ; hãy sửa tay",
        "{count} people share this name; edit by hand"),
    "importer.cell_too_long": (
        "có ô dài quá {limit!v} ký tự",
        "a cell is longer than {limit:,} characters"),
    "importer.known_person_added": (
        "đã có trong danh bạ; thêm vào thành phần cuộc họp",
        "already in the directory; added to the meeting"),
    "importer.new_person": (
        "người mới",
        "new person"),
    "importer.new_site": (
        "điểm cầu mới",
        "new site"),
    "importer.no_name": (
        "không có họ tên",
        "no name"),
    "importer.no_name_or_site_column": (
        "Không tìm thấy cột họ tên hay điểm cầu trong {name}; hãy chọn cột cho từng trường.",
        "No name or site column was found in {name}; choose the column of each field."),
    "importer.no_site_name": (
        "không có tên điểm cầu",
        "no site name"),
    "importer.same_line": (
        "trùng với dòng {line}",
        "same as line {line}"),
    "importer.stale_plan": (
        "Dữ liệu đã thay đổi từ lúc xem trước; hãy xem trước lần nhập này lần nữa.",
        "The desk changed since the preview; preview this import again."),
    "importer.update_fields": (
        "cập nhật {fields}",
        "update {fields}"),
    "importer.update_site": (
        "cập nhật điểm cầu",
        "update site"),

    "live.not_started": (
        "Cuộc họp chưa bắt đầu.",
        "The meeting has not started."),

    "lock.open_elsewhere": (
        "Tệp {name} đang được mở trong một cửa sổ MeetingDesk khác trên máy {host}. Hãy dùng "
        "cửa sổ đó, hoặc đóng nó trước.",
        "{name} is already open in another MeetingDesk window on the computer {host}. Use that "
        "window, or close it first."),
    "lock.open_here": (
        "Tệp {name} đang được mở trong một cửa sổ MeetingDesk khác. Hãy dùng cửa sổ đó, hoặc "
        "đóng nó trước.",
        "{name} is already open in another MeetingDesk window. Use that window, or close it "
        "first."),

    "manifest.acknowledgements": (
        "các xác nhận đã nhận",
        "acknowledgements"),
    "manifest.change_covered": (
        "điểm bắt đầu của các thay đổi",
        "first change covered"),
    "manifest.field_invalid": (
        "{what} (trường “{field}” của bản kê) không hợp lệ",
        "its {what} (the manifest field “{field}”) is invalid"),
    "manifest.format_version": (
        "phiên bản định dạng gói",
        "format version"),
    "manifest.last_change_covered": (
        "điểm kết thúc của các thay đổi",
        "last change covered"),
    "manifest.list_members": (
        "danh sách thành phần",
        "list of members"),
    "manifest.meeting_global_id": (
        "mã toàn cục của cuộc họp",
        "meeting's global id"),
    "manifest.meeting_planned_start": (
        "giờ bắt đầu cuộc họp",
        "meeting's planned start"),
    "manifest.nested_too_deeply": (
        "bản kê lồng nhau quá sâu",
        "its manifest is nested too deeply"),
    "manifest.newer_program": (
        "gói được tạo bởi phiên bản MeetingDesk mới hơn; hãy cập nhật",
        "it was made by a newer MeetingDesk; please update"),
    "manifest.no_meeting_title": (
        "bản kê không ghi rõ cuộc họp (tên cuộc họp)",
        "its manifest does not name the meeting (its title)"),
    "manifest.no_site": (
        "bản kê không ghi rõ điểm cầu (tên điểm cầu)",
        "its manifest does not name the site"),
    "manifest.not_a_package": (
        "đây không phải gói trao đổi MeetingDesk",
        "this is not a MeetingDesk exchange package"),
    "manifest.old_format": (
        "gói theo định dạng cũ (phiên bản {version}) không mang lịch sử sửa đổi nên có thể ghi "
        "đè dữ liệu mới hơn; hãy xuất lại gói từ bàn làm việc gửi sau khi cập nhật MeetingDesk",
        "it has the old format (version {version}), without revisions, and could overwrite "
        "newer data; export it again from the sending desk after updating MeetingDesk"),
    "manifest.package_refused": (
        "Gói {name} bị từ chối: {why}. Không có gì được ghi vào dữ liệu.",
        "The package {name} was refused: {why}. Nothing was written to the desk."),
    "manifest.receiving_desk": (
        "bàn làm việc nhận",
        "receiving desk"),
    "manifest.record_counts": (
        "số bản ghi theo loại",
        "record counts"),
    "manifest.record_list_invalid": (
        "danh sách bản ghi không hợp lệ",
        "its record list is invalid"),
    "manifest.record_list_too_large": (
        "danh sách bản ghi quá lớn ({size} MB; giới hạn {limit} MB)",
        "its record list is too large ({size} MB; the limit is {limit} MB)"),
    "manifest.records_nested_too_deeply": (
        "bản ghi lồng nhau quá sâu",
        "its records are nested too deeply"),
    "manifest.schema_version": (
        "phiên bản lược đồ dữ liệu",
        "schema version"),
    "manifest.scope": (
        "phạm vi gói",
        "scope"),
    "manifest.scope_key": (
        "mã phạm vi gói",
        "scope key"),
    "manifest.sending_desk_name": (
        "tên bàn làm việc gửi",
        "sending desk's name"),
    "manifest.sending_desk_replica_id": (
        "mã bàn làm việc gửi",
        "sending desk's replica id"),
    "manifest.site_code": (
        "mã điểm cầu",
        "site's code"),
    "manifest.site_global_id": (
        "mã toàn cục của điểm cầu",
        "site's global id"),
    "manifest.time_made": (
        "thời điểm tạo gói",
        "time it was made"),
    "manifest.too_large": (
        "bản kê quá lớn ({size!v} byte; giới hạn {limit!v})",
        "its manifest is too large ({size:,} bytes; the limit is {limit:,})"),
    "manifest.too_many_records": (
        "gói có {count!v} bản ghi, quá giới hạn {limit!v}",
        "it holds {count:,} records, above the limit of {limit:,}"),

    "mapping.contact": (
        "Người liên hệ",
        "Contact"),
    "mapping.contact_phone": (
        "Điện thoại liên hệ",
        "Contact phone"),
    "mapping.email": (
        "Email",
        "Email"),
    "mapping.former_names": (
        "Tên cũ",
        "Former names"),
    "mapping.full_name": (
        "Họ và tên",
        "Full name"),
    "mapping.no_such_column": (
        "Không có cột số {column}.",
        "There is no column {column}."),
    "mapping.number_summoned": (
        "Số đại biểu triệu tập",
        "Number summoned"),
    "mapping.organization": (
        "Đơn vị",
        "Organization"),
    "mapping.phone": (
        "Điện thoại",
        "Phone"),
    "mapping.precedence_rank": (
        "Thứ tự ưu tiên",
        "Precedence rank"),
    "mapping.read_expected_field_column": (
        "Không hiểu “{part}”: cần TRƯỜNG=CỘT với TRƯỜNG là một trong {fields} và CỘT là số thứ "
        "tự hoặc tiêu đề cột.",
        "Cannot read “{part}”: expected FIELD=COLUMN, FIELD one of {fields}, COLUMN a number or "
        "a header."),
    "mapping.reason": (
        "Lý do",
        "Reason"),
    "mapping.role": (
        "Vai trò",
        "Role"),
    "mapping.site": (
        "Điểm cầu",
        "Site"),
    "mapping.site_code": (
        "Mã điểm cầu",
        "Site code"),
    "mapping.status": (
        "Trạng thái",
        "Status"),
    "mapping.technician": (
        "Kỹ thuật viên",
        "Technician"),
    "mapping.technician_phone": (
        "Điện thoại kỹ thuật",
        "Technician phone"),
    "mapping.titles": (
        "Chức vụ",
        "Titles"),

    "meetings.end_time_before_start": (
        "Giờ kết thúc đứng trước giờ bắt đầu.",
        "The end time is before the start time."),
    "meetings.final_only_from_minutes_tab": (
        "Chỉ chốt biên bản chính thức được từ thẻ Biên bản (chọn một bản rồi “Chốt bản chính "
        "thức”).",
        "Minutes become final only from the Minutes tab (choose a version, then “Mark final”)."),

    "minutes_versions.already_final": (
        "Biên bản cuộc họp này đã được chốt bằng một bản khác.",
        "The minutes of this meeting are already final with another version."),
    "minutes_versions.altered_after_saved": (
        "{what} đã bị thay đổi sau khi lưu (mã kiểm tra không khớp).",
        "{what} was altered after it was saved (sha256 mismatch)."),
    "minutes_versions.cannot_make_final": (
        "Chưa chốt được biên bản: {problems}.",
        "The minutes cannot be made final: {problems}."),
    "minutes_versions.counts_exceed_summoned": (
        "số có mặt và vắng mặt vượt số triệu tập ở điểm cầu {sites}",
        "present and absent exceed the summoned count at the sites {sites}"),
    "minutes_versions.final_not_deletable": (
        "Không xóa được bản biên bản đã chốt chính thức.",
        "A final minutes version cannot be deleted."),
    "minutes_versions.no_final_version": (
        "Cuộc họp {meeting_id} chưa có bản biên bản đã chốt; hãy chốt biên bản trước khi ký số.",
        "Meeting {meeting_id} has no final minutes version; mark one final before signing."),
    "minutes_versions.no_issuer": (
        "chưa có cơ quan ban hành",
        "the meeting has no issuer"),
    "minutes_versions.no_number": (
        "chưa có số biên bản",
        "the minutes have no number"),
    "minutes_versions.nobody_signs_chair": (
        "chưa có người ký thay mặt chủ trì",
        "nobody signs for the chair"),
    "minutes_versions.nobody_signs_secretary": (
        "chưa có thư ký ký biên bản",
        "nobody signs as secretary"),
    "minutes_versions.not_ended": (
        "cuộc họp chưa kết thúc (chưa có giờ kết thúc thực tế)",
        "the meeting has not ended (no actual end time)"),
    "minutes_versions.not_final_nothing_to_reopen": (
        "Biên bản cuộc họp này chưa được chốt; không cần mở lại.",
        "The minutes of this meeting are not final; nothing to reopen."),
    "minutes_versions.only_final_signed": (
        "Chỉ bản biên bản đã chốt mới được ký số.",
        "Only a final minutes version can be signed."),
    "minutes_versions.only_latest_final": (
        "Chỉ bản biên bản mới nhất mới được chốt; hãy tạo lại biên bản.",
        "Only the latest minutes version can be made final; generate it again."),
    "minutes_versions.profile_not_issuers": (
        "thể thức {profile} khác thể thức của {issuer} ({issuers})",
        "the profile {profile} is not the one of {issuer} ({issuers})"),
    "minutes_versions.profile_party": (
        "Đảng (Hướng dẫn 36-HD/VPTW)",
        "party"),
    "minutes_versions.profile_state": (
        "Nhà nước (Nghị định 30/2020/NĐ-CP)",
        "state"),
    "minutes_versions.signed_copy_altered": (
        "Bản ký số của biên bản {version_id} đã bị thay đổi sau khi lưu (mã kiểm tra không khớp).",
        "The signed copy of minutes version {version_id} was altered after it was saved (sha256 "
        "mismatch)."),
    "minutes_versions.signed_copy_not_of_final": (
        "Bản ký số không phải là bản biên bản đã chốt cộng thêm chữ ký; không lưu.",
        "The signed copy is not the final minutes with a signature appended; not saved."),
    "minutes_versions.site_counts": (
        "{name} (triệu tập {summoned}, có mặt {present}, vắng {absent})",
        "{name} (summoned {summoned}, present {present}, absent {absent})"),
    "minutes_versions.sites_not_accounted": (
        "điểm cầu chưa báo cáo số có mặt: {sites}",
        "sites that have not reported their present count: {sites}"),
    "minutes_versions.version": (
        "Bản biên bản {version_id}",
        "Minutes version {version_id}"),

    "notes.agenda_item_of_another_meeting": (
        "Mục chương trình không thuộc cuộc họp này.",
        "The agenda item belongs to another meeting."),
    "notes.speaker_not_on_list": (
        "Người phát biểu không có trong thành phần cuộc họp này.",
        "The speaker is not on this meeting's list."),

    "notice_files.docx_written": (
        "Đã ghi thông báo kết luận của cuộc họp {meeting_id} ({profile}, {size!v} byte) "
        "vào {path}",
        "Wrote the conclusion notice of meeting {meeting_id} ({profile}, {size:,} bytes) "
        "to {path}"),
    "notice_files.pdf_written": (
        "Đã ghi thông báo kết luận của cuộc họp {meeting_id} ({version_kind} {version_id}, "
        "{profile}, {size!v} byte, sha256 {sha}…) vào {path}",
        "Wrote the conclusion notice of meeting {meeting_id} ({version_kind} {version_id}, "
        "{profile}, {size:,} bytes, sha256 {sha}…) to {path}"),
    "notice_files.version_new": (
        "bản mới",
        "new version"),

    "notice_versions.already_final": (
        "Thông báo kết luận đã được chốt bằng một bản khác.",
        "The conclusion notice is already final with another version."),
    "notice_versions.cannot_make_final": (
        "Chưa chốt được thông báo kết luận: {problems}.",
        "The conclusion notice cannot be made final: {problems}."),
    "notice_versions.no_date": (
        "cuộc họp chưa có ngày (chưa có giờ bắt đầu)",
        "the meeting has no date (no start time)"),
    "notice_versions.not_final_nothing_to_reopen": (
        "Thông báo kết luận chưa được chốt; không cần mở lại.",
        "The conclusion notice is not final; nothing to reopen."),
    "notice_versions.notice_final": (
        "Thông báo kết luận của cuộc họp này đã được chốt; hãy mở lại trước khi tạo bản mới.",
        "The conclusion notice of this meeting is final; reopen it before making a new version."),
    "notice_versions.nothing_concluded": (
        "chưa có kết luận, quyết định hay nhiệm vụ nào",
        "nothing is concluded yet: no conclusion, decision or task"),
    "notice_versions.only_latest_final": (
        "Chỉ bản thông báo mới nhất mới được chốt; hãy tạo lại thông báo.",
        "Only the latest notice version can be made final; generate it again."),
    "notice_versions.version": (
        "Bản thông báo {version_id}",
        "Notice version {version_id}"),

    "organization.default_not_removable": (
        "Không xóa được cơ quan ban hành mặc định; hãy chọn cơ quan mặc định khác trước.",
        "The default issuer cannot be removed; make another issuer the default first."),
    "organization.issuer_in_use": (
        "Không xóa được {name}: {used} cuộc họp đang dùng cơ quan này.",
        "{name} is the issuer of {used} meeting(s) and cannot be removed."),
    "organization.unnamed_issuer_in_use": (
        "Không xóa được cơ quan ban hành: {used} cuộc họp đang dùng cơ quan này.",
        "The issuer is the issuer of {used} meeting(s) and cannot be removed."),

    "packages.not_json": (
        "{member} không phải JSON hợp lệ",
        "{member} is not valid JSON"),
    "packages.record_twice": (
        "một bản ghi xuất hiện hai lần",
        "a record appears twice"),
    "packages.sha256_mismatch": (
        "mã băm sha256 của {member} không khớp (gói đã bị sửa hoặc hỏng)",
        "the sha256 of {member} does not match (tampered with or damaged)"),
    "packages.site_not_in_meeting": (
        "Điểm cầu {site} không tham gia cuộc họp này.",
        "The site {site} does not take part in this meeting."),
    "packages.unexpected_members": (
        "thành phần trong gói không đúng",
        "its members are not the expected ones"),

    "participation.person_already_listed": (
        "{full_name} đã có trong thành phần cuộc họp.",
        "{full_name} is already on this meeting's list."),
    "participation.site_already_listed": (
        "Điểm cầu {site} đã có trong cuộc họp này.",
        "The site {site} is already in this meeting."),

    "printing.not_started": (
        "Không bắt đầu in được.",
        "The printer could not be started."),
    "printing.refused": (
        "Máy in {printer} không nhận lệnh in: {reason}",
        "The printer {printer} refused the job: {reason}"),

    "reader.old_excel": (
        "Tệp {name} là tệp Excel cũ (.xls); hãy lưu lại dưới dạng .xlsx hoặc CSV.",
        "{name} is an old Excel file (.xls); save it as .xlsx or CSV."),

    "report.end_before_start": (
        "Ngày cuối kỳ trước ngày đầu kỳ.",
        "The end of the period is before its start."),

    "repository.link_gone": (
        "Không lưu được {what}: một mục liên kết với nó không còn tồn tại; hãy tải lại.",
        "The {what} was not saved: a record it refers to no longer exists; reload it."),
    "repository.not_found": (
        "Không tìm thấy {what} (mã {record_id}); có thể đã bị xóa.",
        "The {what} (id {record_id}) was not found; it may have been deleted."),

    "search.windowed": (
        "kết quả tốt nhất trong {count!v} ghi chép mới nhất",
        "best results among the {count:,} newest notes"),

    "session.sqlite_error": (
        "Không mở được tệp {path}: lỗi SQLite ({error}). Tệp không bị thay đổi.",
        "Cannot open {path}: SQLite error ({error}). The file was not changed."),

    "sign.chair": (
        "chủ tọa",
        "chair"),
    "sign.field_already_signed": (
        "Ô chữ ký của {role} đã được ký trong bản này.",
        "The {role}'s signature field is already signed in this copy."),
    "sign.no_signature_block": (
        "Biên bản này không có ô ký của {role}.",
        "These minutes have no signature block for the {role}."),
    "sign.no_signer_boxes": (
        "Bản biên bản này được tạo trước khi có chữ ký số nên không biết chỗ ký; hãy mở lại "
        "cuộc họp, tạo và chốt lại biên bản.",
        "This minutes version predates digital signing and does not say where to sign; reopen "
        "the meeting, generate and finalise the minutes again."),
    "sign.not_a_pdf": (
        "Tệp biên bản không đọc được như PDF.",
        "The minutes file cannot be read as a PDF."),
    "sign.secretary": (
        "thư ký",
        "secretary"),
    "sign.signing_failed": (
        "Không ký được: {error}.",
        "Signing failed: {error}."),
    "sign.timestamp_server_silent": (
        "Máy chủ dấu thời gian {url} không trả lời; chưa ký. Hãy kiểm tra mạng hoặc bỏ dấu thời "
        "gian.",
        "The timestamp server {url} did not answer; nothing signed. Check the network or sign "
        "without a timestamp."),

    "signing.cannot_read": (
        "Không đọc được tệp {path}: {reason}.",
        "Cannot read {path}: {reason}."),

    "sync.record_problem": (
        "{label} ({problem})",
        "{label} ({problem})"),
    "sync.site_code_taken_here": (
        "{label}: mã điểm cầu “{code}” đã có ở đây",
        "{label}: the site code “{code}” is taken here"),
    "sync.stale_plan": (
        "Dữ liệu đã thay đổi từ lúc xem trước; hãy xem trước gói này lần nữa.",
        "The desk changed since the preview; preview this package again."),

    "table.cell_too_long": (
        "một ô ở dòng {line} dài {count!v} ký tự (tối đa {limit!v})",
        "a cell on line {line} has {count:,} characters (at most {limit:,})"),
    "table.file_refused": (
        "Tệp {name} bị từ chối: {why}. Không có gì được ghi vào dữ liệu.",
        "{name} was refused: {why}. Nothing was written to the desk."),
    "table.too_many_columns": (
        "dòng {line} có {count!v} cột (tối đa {limit})",
        "line {line} has {count:,} columns (at most {limit})"),
    "table.too_many_data_rows": (
        "có hơn {limit!v} dòng dữ liệu",
        "it has more than {limit:,} data rows"),
    "table.too_many_rows": (
        "có hơn {limit!v} dòng",
        "it has more than {limit:,} rows"),

    "tables.agenda_item": (
        "mục chương trình",
        "agenda item"),
    "tables.attendance": (
        "người tham dự",
        "attendance"),
    "tables.connection_event": (
        "sự kiện kết nối",
        "connection event"),
    "tables.document": (
        "văn bản",
        "document"),
    "tables.event": (
        "sự kiện",
        "event"),
    "tables.issuer": (
        "cơ quan ban hành",
        "issuer"),
    "tables.meeting": (
        "cuộc họp",
        "meeting"),
    "tables.meeting_site": (
        "điểm cầu của cuộc họp",
        "meeting site"),
    "tables.minutes_version": (
        "bản biên bản",
        "minutes version"),
    "tables.note": (
        "ghi chép",
        "note"),
    "tables.note_draft": (
        "bản nháp ghi chép",
        "note draft"),
    "tables.note_revision": (
        "bản sửa ghi chép",
        "note revision"),
    "tables.notice_version": (
        "bản thông báo kết luận",
        "notice version"),
    "tables.person": (
        "đại biểu",
        "person"),
    "tables.progress_entry": (
        "tiến độ nhiệm vụ",
        "progress entry"),
    "tables.site": (
        "điểm cầu",
        "site"),
    "tables.task": (
        "nhiệm vụ",
        "task"),

    "task_state.assigned": (
        "Đã giao",
        "Assigned"),
    "task_state.cancelled": (
        "Hủy",
        "Cancelled"),
    "task_state.done": (
        "Hoàn thành",
        "Done"),
    "task_state.in_progress": (
        "Đang thực hiện",
        "In progress"),
    "task_state.overdue": (
        "Quá hạn",
        "Overdue"),

    "tasks.no_such_site": (
        "Không có điểm cầu “{site_code}”.",
        "There is no site “{site_code}”."),

    "textfile.invalid_byte": (
        "Tệp {name} có byte không hợp lệ với bảng mã {encoding} ở dòng {line}. Hãy chọn bảng mã "
        "khác (--encoding).",
        "{name} has a byte that is invalid in {encoding} at line {line}. Choose another "
        "encoding (--encoding)."),
    "textfile.malformed_line": (
        "Tệp {name} bị từ chối ở dòng {line}: {error} (ô quá lớn hoặc sai định dạng).",
        "{name} was refused at line {line}: {error} (a cell too large or malformed)."),
    "textfile.too_large": (
        "Tệp {name} quá lớn ({size:.0f} MB; tối đa {limit} MB).",
        "{name} is too large ({size:.0f} MB; at most {limit} MB)."),

    "token.cannot_open": (
        "Không mở được token “{label}”: {error_type}.",
        "Cannot open the token “{label}”: {error_type}."),
    "token.cannot_open_through": (
        "Không mở được token “{label}” qua {library}: {error}.",
        "Cannot open the token “{label}” through {library}: {error}."),
    "token.library_not_found": (
        "Không tìm thấy thư viện PKCS#11 của token: {library}.",
        "The token's PKCS#11 library was not found: {library}."),
    "token.locked": (
        "Token đã bị khóa vì nhập sai PIN nhiều lần.",
        "The token is locked after too many wrong PINs."),
    "token.no_signing_certificate": (
        "Token không có chứng thư số nào kèm khóa bí mật để ký.",
        "The token holds no certificate with a private key to sign with."),
    "token.not_found": (
        "Không thấy token có nhãn “{label}”; token đã được cắm chưa?",
        "No token labelled “{label}” was found; is it plugged in?"),
    "token.wrong_pin": (
        "Mã PIN của token không đúng.",
        "The token's PIN is wrong."),

    "undo.failed": (
        "Không hoàn tác được: dữ liệu đã thay đổi kể từ thao tác này ({problem}). Dữ liệu hiện "
        "có được giữ nguyên; lịch sử hoàn tác đã được xóa.",
        "Cannot undo: the data changed since this action ({problem}). The data was kept as it "
        "is; the undo history was cleared."),

    "verify.changed_after_signing": (
        "nội dung đã bị thay đổi sau khi ký",
        "changed after signing"),
    "verify.file_modified_after_signing": (
        "tệp đã bị sửa đổi sau khi ký",
        "the file was modified after signing"),
    "verify.no_signature": (
        "Tệp không có chữ ký số nào.",
        "The file has no digital signature."),
    "verify.not_a_pdf": (
        "Tệp không đọc được như PDF (bị cắt cụt hoặc hỏng).",
        "The file cannot be read as a PDF (truncated or damaged)."),
    "verify.not_a_root_certificate": (
        "Tệp {name} không phải chứng thư số gốc (PEM hoặc DER) đọc được.",
        "{name} is not a readable root certificate (PEM or DER)."),
    "verify.not_chained_to_trust_root": (
        "chứng thư số không thuộc gốc tin cậy đã thêm",
        "the certificate does not chain to a trust root that was added"),
    "verify.not_valid": (
        "KHÔNG HỢP LỆ — chữ ký của {signer}: {problem}.",
        "NOT VALID — the signature of {signer}: {problem}."),
    "verify.not_valid_no_trust_root": (
        "KHÔNG HỢP LỆ — chữ ký của {signer}: {problem}. Chưa thêm chứng thư gốc tin cậy nào.",
        "NOT VALID — the signature of {signer}: {problem}. No trust root has been added."),
    "verify.signature_damaged": (
        "Chữ ký “{field}” bị hỏng, không kiểm tra được.",
        "The signature “{field}” is damaged and cannot be checked."),
    "verify.signature_not_valid": (
        "chữ ký không hợp lệ",
        "the signature is not valid"),
    "verify.signed": (
        "Ký bởi {signer}{org}, thời gian ký {when}: {state}",
        "Signed by {signer}{org} at {when}: {state}"),
    "verify.timestamp_not_valid": (
        "dấu thời gian không hợp lệ hoặc không tin cậy",
        "the timestamp is not valid or not trusted"),
    "verify.unknown": (
        "không rõ",
        "unknown"),
    "verify.valid": (
        "HỢP LỆ — {count} chữ ký, nguyên vẹn, tin cậy, không sửa đổi sau khi ký.",
        "VALID — {count} signature(s), intact, trusted, not modified after signing."),
    "verify.valid_trusted": (
        "hợp lệ, tin cậy",
        "valid, trusted"),

    "when.bad_time": (
        "“{text}”: giờ từ 0 đến 23, phút từ 0 đến 59.",
        "“{text}”: hours run 0 to 23, minutes 0 to 59."),
    "when.date": (
        "ngày",
        "date"),
    "when.date_time": (
        "ngày giờ",
        "date and time"),
    "when.hint_date": (
        "hãy gõ ngày/tháng/năm, ví dụ 15/09/2025.",
        "type day/month/year, e.g. 15/09/2025."),
    "when.hint_date_time": (
        "hãy gõ ngày/tháng/năm giờ:phút, ví dụ 15/09/2025 14:00.",
        "type day/month/year hours:minutes, e.g. 15/09/2025 14:00."),
    "when.hint_example": (
        "hãy gõ ví dụ 15/09/2025 14:00.",
        "type e.g. 15/09/2025 14:00."),
    "when.hint_time": (
        "hãy gõ giờ:phút, ví dụ 14:00 hoặc 14h30.",
        "type hours:minutes, e.g. 14:00 or 14h30."),
    "when.no_such_day": (
        "“{text}”: tháng {month}/{year} không có ngày {day}.",
        "“{text}”: {month}/{year} has no day {day}."),
    "when.no_such_month": (
        "“{text}”: tháng {month} không có (tháng từ 1 đến 12).",
        "“{text}”: there is no month {month} (months run 1 to 12)."),
    "when.time": (
        "giờ",
        "time"),
    "when.unreadable": (
        "Không đọc được {what} “{text}”: {hint}",
        "Cannot read the {what} “{text}”: {hint}"),
    "when.year_out_of_range": (
        "“{text}”: năm {year} nằm ngoài khoảng 1900–2200.",
        "“{text}”: the year {year} is outside 1900–2200."),

    "wire.fields": (
        "các trường của {kind}",
        "the fields of a {kind}"),
    "wire.global_id": (
        "mã toàn cục",
        "its global id"),
    "wire.invalid_record": (
        "Gói trao đổi có bản ghi không hợp lệ: {what}.",
        "The exchange package holds an invalid record: {what}."),
    "wire.kind": (
        "loại “{kind}”",
        "kind “{kind}”"),
    "wire.not_an_object": (
        "không phải đối tượng",
        "not an object"),
    "wire.revisions": (
        "lịch sử sửa đổi của {kind}",
        "the revisions of a {kind}"),
    "wire.value": (
        "giá trị {name} của {kind}",
        "the value {name} of a {kind}"),

    "workbook.no_defusedxml": (
        "Không thể đọc XLSX an toàn: thiếu thư viện defusedxml (hoặc đã bị tắt).",
        "Cannot read XLSX safely: defusedxml is missing (or disabled)."),
    "workbook.no_sheet": (
        "Tệp {name} không có trang tính {error} hoặc thiếu một phần bắt buộc của XLSX.",
        "{name} has no sheet {error} or lacks a required XLSX part."),
    "workbook.not_xlsx": (
        "Tệp {name} không phải tệp XLSX đọc được ({error_type}: {error}).",
        "{name} is not a readable XLSX file ({error_type}: {error})."),
    "workbook.xml_entities": (
        "Tệp {name} bị từ chối vì lý do an toàn: XML có thực thể hoặc DTD ({error}). Không có "
        "gì được ghi vào dữ liệu.",
        "{name} was refused for safety: its XML has entities or a DTD ({error}). Nothing was "
        "written to the desk."),

    "zipguard.cannot_read": (
        "Không đọc được tệp {name} ({reason}).",
        "Cannot read {name} ({reason})."),
    "zipguard.damaged_member": (
        "Tệp {name} bị hỏng hoặc bị sửa (thành phần “{member}”: {error}). Không có gì được ghi "
        "vào dữ liệu.",
        "{name} is damaged or was tampered with (member “{member}”: {error}). Nothing was "
        "written to the desk."),
    "zipguard.expands_beyond": (
        "dữ liệu giải nén vượt quá {limit}",
        "it expands beyond {limit}"),
    "zipguard.holds_symbolic_link": (
        "có liên kết tượng trưng “{name}”",
        "it holds a symbolic link “{name}”"),
    "zipguard.is_folder": (
        "{path} là một thư mục, không phải tệp.",
        "{path} is a folder, not a file."),
    "zipguard.member_appears_twice": (
        "thành phần “{path}” bị lặp",
        "member “{path}” appears twice"),
    "zipguard.member_zip_bomb": (
        "thành phần “{member}” giãn nở quá {limit} lần (bom nén)",
        "member “{member}” expands more than {limit} times (a zip bomb)"),
    "zipguard.not_a_zip": (
        "Tệp {name} không phải tệp nén ZIP hợp lệ (XLSX hoặc gói trao đổi): {error}.",
        "{name} is not a valid ZIP archive (XLSX or exchange package): {error}."),
    "zipguard.refused_for_safety": (
        "Tệp {name} bị từ chối vì lý do an toàn: {why}. Không có gì được ghi vào dữ liệu.",
        "{name} was refused for safety: {why}. Nothing was written to the desk."),
    "zipguard.too_many_members": (
        "có {count!v} thành phần (tối đa {limit!v})",
        "it has {count:,} members (at most {limit:,})"),
    "zipguard.unsafe_member_path": (
        "đường dẫn không an toàn “{name}”",
        "unsafe member path “{name}”"),
    "zipguard.xml_bomb": (
        "“{member}” có khai báo DTD/thực thể XML (bom XML)",
        "“{member}” declares an XML DTD or entities (an XML bomb)"),
    "zipguard.zip_bomb": (
        "tệp giãn nở quá {limit} lần (bom nén)",
        "it expands more than {limit} times (a zip bomb)"),
}
