<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>App</name>
    <message>
        <location filename="../../desktop_app/ui/app.py" line="117"/>
        <source>Cannot open the database</source>
        <translation>Không mở được cơ sở dữ liệu</translation>
    </message>
</context>
<context>
    <name>BackupFlow</name>
    <message>
        <location filename="../../desktop_app/ui/backup_flow.py" line="28"/>
        <source>Choose the folder for the backup</source>
        <translation>Chọn thư mục để lưu bản sao lưu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_flow.py" line="40"/>
        <source>Backed up to %1.</source>
        <translation>Đã sao lưu vào %1.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_flow.py" line="41"/>
        <source>Backup</source>
        <translation>Sao lưu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_flow.py" line="42"/>
        <source>The data was backed up to:
%1</source>
        <translation>Dữ liệu đã được sao lưu vào:
%1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_flow.py" line="44"/>
        <source>Backing up the data…</source>
        <translation>Đang sao lưu dữ liệu…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_flow.py" line="61"/>
        <location filename="../../desktop_app/ui/backup_flow.py" line="71"/>
        <location filename="../../desktop_app/ui/backup_flow.py" line="87"/>
        <source>Restore</source>
        <translation>Khôi phục</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_flow.py" line="61"/>
        <source>Wait until the work in progress is finished.</source>
        <translation>Hãy chờ công việc đang chạy hoàn tất.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_flow.py" line="68"/>
        <source>Replace the current data with the backup «%1»?

The current data is backed up first (in the «backups» folder beside the data), so nothing is lost.</source>
        <translation>Thay dữ liệu hiện tại bằng bản sao lưu «%1»?

Dữ liệu hiện tại sẽ được sao lưu trước (vào thư mục «backups» cạnh tệp dữ liệu), nên không mất gì.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_flow.py" line="84"/>
        <source>The data was restored from «%1».</source>
        <translation>Đã khôi phục dữ liệu từ «%1».</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_flow.py" line="86"/>
        <source>The data as it was before is kept in «%1».</source>
        <translation>Dữ liệu trước khi khôi phục được giữ ở «%1».</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <location filename="../../desktop_app/ui/bar_chart.py" line="76"/>
        <source>Assessments by group</source>
        <translation>Đánh giá theo nhóm</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bar_chart.py" line="189"/>
        <source>No items</source>
        <translation>Không có chỉ tiêu</translation>
    </message>
</context>
<context>
    <name>CountsModel</name>
    <message>
        <location filename="../../desktop_app/ui/dashboard.py" line="42"/>
        <source>No.</source>
        <translation>Stt</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard.py" line="42"/>
        <source>Area</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard.py" line="43"/>
        <source>Implementing unit</source>
        <translation>Đơn vị triển khai</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard.py" line="44"/>
        <source>Total</source>
        <translation>Tổng</translation>
    </message>
</context>
<context>
    <name>DashboardWidget</name>
    <message>
        <location filename="../../desktop_app/ui/dashboard.py" line="249"/>
        <source>By area</source>
        <translation>Theo lĩnh vực</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard.py" line="252"/>
        <source>By implementing unit</source>
        <translation>Theo đơn vị triển khai</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard.py" line="304"/>
        <source>Situation on %1</source>
        <translation>Tình hình đến ngày %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard.py" line="305"/>
        <source>All items: %1</source>
        <translation>Tất cả: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard.py" line="313"/>
        <source>Overdue: %1</source>
        <translation>Quá hạn: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard.py" line="314"/>
        <source>Due in the next 30 days: %1</source>
        <translation>Đến hạn trong 30 ngày tới: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard.py" line="316"/>
        <source>Show these items in the items table</source>
        <translation>Xem các chỉ tiêu này trong bảng</translation>
    </message>
</context>
<context>
    <name>DeadlineModel</name>
    <message>
        <location filename="../../desktop_app/ui/dashboard.py" line="46"/>
        <source>No.</source>
        <translation>Stt</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard.py" line="47"/>
        <source>Indicator / task</source>
        <translation>Chỉ tiêu/nhiệm vụ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard.py" line="48"/>
        <source>Due</source>
        <translation>Hạn</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard.py" line="49"/>
        <source>Monitoring unit</source>
        <translation>Đơn vị theo dõi</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard.py" line="50"/>
        <source>Assessment</source>
        <translation>Đánh giá</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="13"/>
        <source>&amp;Yes</source>
        <translation>&amp;Có</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="14"/>
        <source>&amp;No</source>
        <translation>&amp;Không</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="24"/>
        <location filename="../../desktop_app/ui/dialogs.py" line="48"/>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="45"/>
        <source>Copy details</source>
        <translation>Sao chép chi tiết</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="59"/>
        <source>An unexpected error occurred: %1</source>
        <translation>Đã xảy ra lỗi không mong đợi: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="61"/>
        <source>The last action may not have been completed; data saved before it is not lost. The program keeps running.</source>
        <translation>Thao tác vừa rồi có thể chưa hoàn tất; dữ liệu đã lưu trước đó không bị mất. Chương trình vẫn tiếp tục chạy.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="63"/>
        <source>The details were written to %1.</source>
        <translation>Chi tiết đã được ghi vào %1.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="64"/>
        <source>Unexpected error</source>
        <translation>Lỗi không mong đợi</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="73"/>
        <source>Look in:</source>
        <translation>Thư mục:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="74"/>
        <source>File name:</source>
        <translation>Tên tệp:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="75"/>
        <source>Files of type:</source>
        <translation>Loại tệp:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="76"/>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="77"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../desktop_app/ui/filter_bar.py" line="13"/>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/filter_bar.py" line="14"/>
        <source>Due within 7 days</source>
        <translation>Đến hạn trong 7 ngày</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/filter_bar.py" line="15"/>
        <source>Due within 30 days</source>
        <translation>Đến hạn trong 30 ngày</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/filter_bar.py" line="16"/>
        <source>Due this quarter</source>
        <translation>Đến hạn trong quý này</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/filter_bar.py" line="19"/>
        <source>Indicators</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/filter_bar.py" line="20"/>
        <source>Tasks</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/filter_bar.py" line="21"/>
        <source>Documents</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/filter_bar.py" line="39"/>
        <source>Search text and units (accents optional)…</source>
        <translation>Tìm trong nội dung và đơn vị (gõ không dấu cũng được)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/filter_bar.py" line="41"/>
        <location filename="../../desktop_app/ui/filter_bar.py" line="67"/>
        <source>All units</source>
        <translation>Mọi đơn vị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/filter_bar.py" line="42"/>
        <source>All assessments</source>
        <translation>Mọi đánh giá</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/filter_bar.py" line="43"/>
        <source>Any deadline</source>
        <translation>Mọi thời hạn</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/filter_bar.py" line="44"/>
        <source>All kinds</source>
        <translation>Mọi loại</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/filter_bar.py" line="45"/>
        <source>Clear filters</source>
        <translation>Bỏ lọc</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <location filename="../../desktop_app/ui/import_flow.py" line="31"/>
        <source>Import plan appendix</source>
        <translation>Nhập phụ lục kế hoạch</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_flow.py" line="38"/>
        <source>Reading {name}…</source>
        <translation>Đang đọc {name}…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_flow.py" line="48"/>
        <location filename="../../desktop_app/ui/import_flow.py" line="62"/>
        <source>File already imported</source>
        <translation>Tệp đã được nhập</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_flow.py" line="49"/>
        <source>This file was already imported.</source>
        <translation>Tệp này đã được nhập trước đây.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_flow.py" line="50"/>
        <location filename="../../desktop_app/ui/import_flow.py" line="63"/>
        <source>Import it again as a second copy of the plan?</source>
        <translation>Vẫn nhập lại thành một bản thứ hai của kế hoạch?</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_flow.py" line="54"/>
        <location filename="../../desktop_app/ui/import_flow.py" line="68"/>
        <source>Importing {name}…</source>
        <translation>Đang nhập {name}…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_flow.py" line="75"/>
        <source>Clipboard is empty</source>
        <translation>Khay nhớ tạm trống</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_flow.py" line="76"/>
        <source>Copy the appendix table in Word or Excel first, then paste it here.</source>
        <translation>Hãy sao chép bảng phụ lục trong Word hoặc Excel trước, rồi dán vào đây.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_flow.py" line="78"/>
        <source>Reading the clipboard…</source>
        <translation>Đang đọc khay nhớ tạm…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_flow.py" line="90"/>
        <source>Welcome</source>
        <translation>Chào mừng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_flow.py" line="91"/>
        <source>The database has no plan yet.

Load the sample plan of commune Nam Hồng to try the program? You can import your own appendix at any time with File → Import appendix… (Ctrl+O).</source>
        <translation>Cơ sở dữ liệu chưa có kế hoạch nào.

Nạp kế hoạch mẫu của xã Nam Hồng để dùng thử chương trình? Bạn có thể nhập phụ lục của xã mình bất cứ lúc nào bằng Tệp → Nhập phụ lục… (Ctrl+O).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_flow.py" line="111"/>
        <source>Cannot do this</source>
        <translation>Không thực hiện được</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../desktop_app/ui/import_preview.py" line="39"/>
        <source>Import preview — {name}</source>
        <translation>Xem trước khi nhập — {name}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_preview.py" line="45"/>
        <source>No.</source>
        <translation>Stt</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_preview.py" line="45"/>
        <source>Indicator / task</source>
        <translation>Chỉ tiêu/nhiệm vụ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_preview.py" line="45"/>
        <source>Target</source>
        <translation>Mục tiêu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_preview.py" line="45"/>
        <source>Deadline</source>
        <translation>Thời hạn</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_preview.py" line="46"/>
        <source>Monitoring unit</source>
        <translation>Đơn vị theo dõi</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_preview.py" line="46"/>
        <source>Implementing units</source>
        <translation>Đơn vị triển khai</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_preview.py" line="46"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_preview.py" line="67"/>
        <source>&amp;Import</source>
        <translation>&amp;Nhập</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_preview.py" line="68"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_preview.py" line="71"/>
        <source>Double-click a cell (or press F2) to correct it before importing.</source>
        <translation>Nháy đúp vào một ô (hoặc nhấn F2) để sửa trước khi nhập.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_preview.py" line="83"/>
        <source>Commune: {commune} — plan number: {number} — date: {date} — year: {year}. {sections} sections, {groups} groups, {items} indicators and tasks. Nothing is written until you press Import.</source>
        <translation>Xã: {commune} — số kế hoạch: {number} — ngày: {date} — năm: {year}. {sections} mục, {groups} nhóm, {items} chỉ tiêu, nhiệm vụ. Chưa có gì được ghi cho đến khi bạn bấm Nhập.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_preview.py" line="91"/>
        <source>This file was already imported (plan #{id}); importing it again creates a second copy.</source>
        <translation>Tệp này đã được nhập (kế hoạch #{id}); nhập lại sẽ tạo bản thứ hai.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_preview.py" line="117"/>
        <source>Warnings to check ({n}):</source>
        <translation>Các cảnh báo cần kiểm tra ({n}):</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <location filename="../../desktop_app/ui/import_report.py" line="22"/>
        <source>Import finished</source>
        <translation>Đã nhập xong</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_report.py" line="26"/>
        <source>Imported the plan of commune {commune} ({number}): {sections} sections, {groups} groups, {items} indicators and tasks.</source>
        <translation>Đã nhập kế hoạch của xã {commune} ({number}): {sections} mục, {groups} nhóm, {items} chỉ tiêu, nhiệm vụ.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_report.py" line="30"/>
        <source>no number</source>
        <translation>chưa có số</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_report.py" line="42"/>
        <source>Warnings to check ({n}):</source>
        <translation>Các cảnh báo cần kiểm tra ({n}):</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_report.py" line="47"/>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
</context>
<context>
    <name>ItemForm</name>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="86"/>
        <source>Indicator</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="86"/>
        <source>Task</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="87"/>
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="94"/>
        <source>Op.</source>
        <translation>So sánh</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="94"/>
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="94"/>
        <source>Unit</source>
        <translation>Đơn vị đo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="94"/>
        <source>Counted noun</source>
        <translation>Danh từ đếm</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="94"/>
        <source>Subject</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="98"/>
        <source>Add target</source>
        <translation>Thêm mục tiêu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="98"/>
        <source>Remove target</source>
        <translation>Bỏ mục tiêu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="102"/>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="102"/>
        <source>Ongoing</source>
        <translation>Thường xuyên</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="102"/>
        <source>Other (text)</source>
        <translation>Khác (ghi chữ)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="117"/>
        <source>Names separated by ;</source>
        <translation>Các tên cách nhau bằng dấu ;</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="127"/>
        <source>No.</source>
        <translation>Stt</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="128"/>
        <source>Text</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="130"/>
        <source>Targets</source>
        <translation>Mục tiêu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="140"/>
        <source>Deadline</source>
        <translation>Thời hạn</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="141"/>
        <source>Monitoring unit</source>
        <translation>Đơn vị theo dõi</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="142"/>
        <source>Implementing units</source>
        <translation>Đơn vị triển khai</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="129"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="195"/>
        <source>index</source>
        <translation>chỉ số</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="195"/>
        <source>count</source>
        <translation>số lượng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="196"/>
        <source>none</source>
        <translation>không đơn vị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="228"/>
        <source>Target {n}: “{text}” is not a number.</source>
        <translation>Mục tiêu {n}: «{text}» không phải là một số.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="273"/>
        <source>Edit item {n}</source>
        <translation>Sửa chỉ tiêu {n}</translation>
    </message>
</context>
<context>
    <name>ItemHistoryView</name>
    <message>
        <location filename="../../desktop_app/ui/item_history.py" line="95"/>
        <source>Period</source>
        <translation>Kỳ báo cáo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_history.py" line="95"/>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_history.py" line="95"/>
        <source>Value / status</source>
        <translation>Giá trị / trạng thái</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_history.py" line="96"/>
        <source>Result narrative</source>
        <translation>Nội dung kết quả</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_history.py" line="96"/>
        <source>Reported by</source>
        <translation>Người báo cáo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_history.py" line="96"/>
        <source>Reported at</source>
        <translation>Thời điểm báo cáo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_history.py" line="97"/>
        <source>Evidence</source>
        <translation>Minh chứng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_history.py" line="107"/>
        <source>Attach evidence…</source>
        <translation>Đính kèm minh chứng…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_history.py" line="109"/>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_history.py" line="112"/>
        <source>Evidence of the selected report:</source>
        <translation>Minh chứng của báo cáo đang chọn:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_history.py" line="162"/>
        <source>Attach evidence</source>
        <translation>Đính kèm minh chứng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_history.py" line="162"/>
        <source>All files (*)</source>
        <translation>Tất cả tệp (*)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_history.py" line="174"/>
        <source>Cannot attach the file</source>
        <translation>Không đính kèm được tệp</translation>
    </message>
</context>
<context>
    <name>ItemsModel</name>
    <message>
        <location filename="../../desktop_app/ui/items_model.py" line="33"/>
        <source>No.</source>
        <translation>Stt</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/items_model.py" line="34"/>
        <source>Indicator / task</source>
        <translation>Chỉ tiêu/nhiệm vụ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/items_model.py" line="35"/>
        <source>Target</source>
        <translation>Mục tiêu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/items_model.py" line="36"/>
        <source>Monitoring unit</source>
        <translation>Đơn vị theo dõi</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/items_model.py" line="37"/>
        <source>Implementing units</source>
        <translation>Đơn vị triển khai</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/items_model.py" line="38"/>
        <source>Deadline</source>
        <translation>Thời hạn</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/items_model.py" line="39"/>
        <source>Latest result</source>
        <translation>Kết quả mới nhất</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/items_model.py" line="40"/>
        <source>Assessment</source>
        <translation>Đánh giá</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/items_model.py" line="41"/>
        <source>Last update</source>
        <translation>Cập nhật</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop_app/ui/import_flow.py" line="19"/>
        <location filename="../../desktop_app/ui/main_window.py" line="57"/>
        <source>Appendix (*.docx *.xlsx *.txt *.md *.tsv *.csv);;All files (*)</source>
        <translation>Phụ lục (*.docx *.xlsx *.txt *.md *.tsv *.csv);;Tất cả tệp (*)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="67"/>
        <location filename="../../desktop_app/ui/startup.py" line="78"/>
        <source>Commune digital transformation plan tracker</source>
        <translation>Theo dõi Kế hoạch chuyển đổi số cấp xã</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="133"/>
        <source>Indicators and tasks</source>
        <translation>Chỉ tiêu, nhiệm vụ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="134"/>
        <source>Enter results</source>
        <translation>Nhập kết quả</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="122"/>
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="123"/>
        <source>History</source>
        <translation>Lịch sử</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="138"/>
        <source>Dashboard</source>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="162"/>
        <source>&amp;Import appendix…</source>
        <translation>&amp;Nhập phụ lục…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="163"/>
        <source>&amp;Paste appendix from clipboard</source>
        <translation>&amp;Dán phụ lục từ khay nhớ tạm</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="164"/>
        <source>Load the &amp;sample plan</source>
        <translation>Nạp kế hoạch &amp;mẫu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="165"/>
        <source>E&amp;xit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="166"/>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="171"/>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="173"/>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="175"/>
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="184"/>
        <source>&amp;Add item after this one</source>
        <translation>&amp;Thêm chỉ tiêu sau dòng này</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="185"/>
        <source>&amp;Delete item…</source>
        <translation>&amp;Xóa chỉ tiêu…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="187"/>
        <source>Move item &amp;up</source>
        <translation>Chuyển chỉ tiêu &amp;lên</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="188"/>
        <source>Move item do&amp;wn</source>
        <translation>Chuyển chỉ tiêu &amp;xuống</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="192"/>
        <source>&amp;Plan information…</source>
        <translation>&amp;Thông tin kế hoạch…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="193"/>
        <source>&amp;Rename section or group…</source>
        <translation>Đổi tên &amp;mục hoặc nhóm…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="195"/>
        <source>Move section or group up</source>
        <translation>Chuyển mục/nhóm lên</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="197"/>
        <source>Move section or group down</source>
        <translation>Chuyển mục/nhóm xuống</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="202"/>
        <source>&amp;Units…</source>
        <translation>Đơn &amp;vị…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="204"/>
        <source>Undo &amp;history…</source>
        <translation>&amp;Lịch sử thao tác…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="206"/>
        <source>&amp;Export report…</source>
        <translation>&amp;Xuất báo cáo…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="207"/>
        <source>Print pre&amp;view…</source>
        <translation>&amp;Xem trước khi in…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="208"/>
        <source>&amp;Print…</source>
        <translation>&amp;In…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="209"/>
        <source>&amp;Reports</source>
        <translation>&amp;Báo cáo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="214"/>
        <source>&amp;Back up now…</source>
        <translation>&amp;Sao lưu ngay…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="215"/>
        <source>&amp;Restore…</source>
        <translation>&amp;Khôi phục…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="216"/>
        <source>&amp;Backup</source>
        <translation>Sao &amp;lưu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="219"/>
        <source>&amp;Settings</source>
        <translation>&amp;Cài đặt</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="220"/>
        <source>&amp;Report header and recipients…</source>
        <translation>&amp;Tiêu đề báo cáo và nơi nhận…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="223"/>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="233"/>
        <source>Main toolbar</source>
        <translation>Thanh công cụ chính</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="284"/>
        <source>No plan yet. Use File → Import appendix… (Ctrl+O).</source>
        <translation>Chưa có kế hoạch nào. Dùng Tệp → Nhập phụ lục… (Ctrl+O).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="318"/>
        <source>{n} indicators and tasks</source>
        <translation>{n} chỉ tiêu, nhiệm vụ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="349"/>
        <source>Undo history</source>
        <translation>Lịch sử thao tác</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="351"/>
        <source>&lt;start of the session&gt;</source>
        <translation>&lt;đầu phiên làm việc&gt;</translation>
    </message>
</context>
<context>
    <name>PlanHeaderDialog</name>
    <message>
        <location filename="../../desktop_app/ui/structure_actions.py" line="55"/>
        <source>Plan information</source>
        <translation>Thông tin kế hoạch</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/structure_actions.py" line="57"/>
        <source>No date yet</source>
        <translation>Chưa có ngày</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/structure_actions.py" line="70"/>
        <source>Commune</source>
        <translation>Xã</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/structure_actions.py" line="71"/>
        <source>Plan number</source>
        <translation>Số kế hoạch</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/structure_actions.py" line="72"/>
        <source>Plan date</source>
        <translation>Ngày ban hành</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/structure_actions.py" line="74"/>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/structure_actions.py" line="76"/>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/structure_actions.py" line="77"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>PlanTree</name>
    <message>
        <location filename="../../desktop_app/ui/plan_tree.py" line="35"/>
        <source>Plans</source>
        <translation>Kế hoạch</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/plan_tree.py" line="37"/>
        <source>no number</source>
        <translation>chưa có số</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/plan_tree.py" line="38"/>
        <source>Commune {commune} — {year} ({number})</source>
        <translation>Xã {commune} — năm {year} ({number})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/plan_tree.py" line="41"/>
        <source>{n} indicators and tasks</source>
        <translation>{n} chỉ tiêu, nhiệm vụ</translation>
    </message>
</context>
<context>
    <name>ProgressGridModel</name>
    <message>
        <location filename="../../desktop_app/ui/progress_grid_model.py" line="41"/>
        <source>No.</source>
        <translation>Stt</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/progress_grid_model.py" line="42"/>
        <source>Indicator / task</source>
        <translation>Chỉ tiêu/nhiệm vụ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/progress_grid_model.py" line="43"/>
        <source>Target</source>
        <translation>Mục tiêu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/progress_grid_model.py" line="44"/>
        <source>Value / status</source>
        <translation>Giá trị / trạng thái</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/progress_grid_model.py" line="45"/>
        <source>Result narrative</source>
        <translation>Nội dung kết quả</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/progress_grid_model.py" line="46"/>
        <source>Evidence</source>
        <translation>Minh chứng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/progress_grid_model.py" line="47"/>
        <source>Document no.</source>
        <translation>Số văn bản</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/progress_grid_model.py" line="48"/>
        <source>Issued on</source>
        <translation>Ngày ban hành</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/progress_grid_model.py" line="49"/>
        <source>Assessment</source>
        <translation>Đánh giá</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/progress_grid_model.py" line="156"/>
        <source>Reporting unit: %1</source>
        <translation>Đơn vị báo cáo: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/progress_grid_model.py" line="159"/>
        <source>Deadline: %1</source>
        <translation>Thời hạn: %1</translation>
    </message>
</context>
<context>
    <name>ProgressGridWidget</name>
    <message>
        <location filename="../../desktop_app/ui/progress_grid_model.py" line="51"/>
        <source>Monthly</source>
        <translation>Tháng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/progress_grid_model.py" line="52"/>
        <source>Quarterly</source>
        <translation>Quý</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/progress_grid_model.py" line="53"/>
        <source>Six-monthly</source>
        <translation>6 tháng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/progress_grid_model.py" line="54"/>
        <source>Yearly</source>
        <translation>Năm</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/progress_grid_model.py" line="55"/>
        <source>Calendar periods</source>
        <translation>Theo lịch</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/progress_grid_model.py" line="56"/>
        <source>Decree 09/2019 windows</source>
        <translation>Theo Nghị định 09/2019</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/progress_grid.py" line="225"/>
        <source>Reporting:</source>
        <translation>Kỳ báo cáo:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/progress_grid.py" line="226"/>
        <source>Period:</source>
        <translation>Kỳ:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/progress_grid.py" line="226"/>
        <source>Implementing unit:</source>
        <translation>Đơn vị triển khai:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/progress_grid.py" line="252"/>
        <source>All units</source>
        <translation>Mọi đơn vị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/progress_grid.py" line="351"/>
        <source>This plan has no year, so it has no reporting periods yet.</source>
        <translation>Kế hoạch chưa có năm nên chưa có kỳ báo cáo.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/progress_grid.py" line="357"/>
        <source>Saved %1: %2</source>
        <translation>Đã lưu %1: %2</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../desktop_app/ui/report_dialog.py" line="54"/>
        <source>Print a report</source>
        <translation>In báo cáo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_dialog.py" line="54"/>
        <source>Export a report</source>
        <translation>Xuất báo cáo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_dialog.py" line="57"/>
        <source>Progress report (PDF)</source>
        <translation>Báo cáo kết quả thực hiện (PDF)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_dialog.py" line="58"/>
        <source>Progress report, editable (Word)</source>
        <translation>Báo cáo kết quả thực hiện, sửa được (Word)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_dialog.py" line="59"/>
        <source>One unit&apos;s report (PDF)</source>
        <translation>Báo cáo theo đơn vị (PDF)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_dialog.py" line="60"/>
        <source>One unit&apos;s report, editable (Word)</source>
        <translation>Báo cáo theo đơn vị, sửa được (Word)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_dialog.py" line="61"/>
        <source>Plan appendix for meetings (PDF)</source>
        <translation>Phụ lục kế hoạch để họp (PDF)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_dialog.py" line="62"/>
        <source>Plan appendix for meetings (Word)</source>
        <translation>Phụ lục kế hoạch để họp (Word)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_dialog.py" line="63"/>
        <source>Excel workbook: appendix with every period&apos;s results</source>
        <translation>Bảng Excel: phụ lục kèm kết quả các kỳ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_dialog.py" line="64"/>
        <source>CSV data for pivot tables</source>
        <translation>Dữ liệu CSV để lập bảng tổng hợp</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_dialog.py" line="72"/>
        <source>(no number)</source>
        <translation>(chưa có số)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_dialog.py" line="80"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Chọn…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_dialog.py" line="82"/>
        <source>&amp;Open the file when it is ready</source>
        <translation>&amp;Mở tệp khi đã xong</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_dialog.py" line="88"/>
        <source>&amp;Report:</source>
        <translation>&amp;Báo cáo:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_dialog.py" line="89"/>
        <source>P&amp;lan:</source>
        <translation>&amp;Kế hoạch:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_dialog.py" line="90"/>
        <source>&amp;Period:</source>
        <translation>Kỳ &amp;báo cáo:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_dialog.py" line="91"/>
        <source>&amp;Unit:</source>
        <translation>Đơn &amp;vị:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_dialog.py" line="96"/>
        <source>&amp;Folder:</source>
        <translation>&amp;Thư mục:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_dialog.py" line="99"/>
        <source>File &amp;name:</source>
        <translation>Tên &amp;tệp:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_dialog.py" line="102"/>
        <source>&amp;Print…</source>
        <translation>&amp;In…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_dialog.py" line="102"/>
        <source>&amp;Export</source>
        <translation>&amp;Xuất</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_dialog.py" line="104"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_dialog.py" line="134"/>
        <source>Everything reported up to today</source>
        <translation>Mọi kết quả đến hôm nay</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_dialog.py" line="166"/>
        <source>Choose the folder</source>
        <translation>Chọn thư mục</translation>
    </message>
</context>
<context>
    <name>ReportFlow</name>
    <message>
        <location filename="../../desktop_app/ui/report_flow.py" line="52"/>
        <source>Saved %1 (%2 items).</source>
        <translation>Đã lưu %1 (%2 chỉ tiêu/nhiệm vụ).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_flow.py" line="57"/>
        <source>Writing the report…</source>
        <translation>Đang ghi báo cáo…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_flow.py" line="70"/>
        <source>Preparing the pages…</source>
        <translation>Đang chuẩn bị các trang…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_flow.py" line="79"/>
        <source>Print preview</source>
        <translation>Xem trước khi in</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_flow.py" line="88"/>
        <source>Print</source>
        <translation>In</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_flow.py" line="94"/>
        <source>Report settings saved.</source>
        <translation>Đã lưu thiết lập báo cáo.</translation>
    </message>
</context>
<context>
    <name>ReportSettingsDialog</name>
    <message>
        <location filename="../../desktop_app/ui/report_settings_dialog.py" line="27"/>
        <source>Report header and recipients</source>
        <translation>Tiêu đề báo cáo và nơi nhận</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_settings_dialog.py" line="31"/>
        <source>From the plan: UBND XÃ &lt;commune&gt;</source>
        <translation>Theo kế hoạch: UBND XÃ &lt;tên xã&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_settings_dialog.py" line="33"/>
        <source>From the plan: the commune&apos;s name</source>
        <translation>Theo kế hoạch: tên xã</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_settings_dialog.py" line="37"/>
        <source>Left blank to be written by hand</source>
        <translation>Để trống để viết tay</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_settings_dialog.py" line="41"/>
        <source>&amp;Issuing body:</source>
        <translation>&amp;Cơ quan ban hành:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_settings_dialog.py" line="42"/>
        <source>&amp;Place before the date:</source>
        <translation>&amp;Địa danh trước ngày tháng:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_settings_dialog.py" line="43"/>
        <source>Signing &amp;on behalf of:</source>
        <translation>&amp;Thay mặt:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_settings_dialog.py" line="44"/>
        <source>Signer&apos;s &amp;title:</source>
        <translation>&amp;Chức vụ người ký:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_settings_dialog.py" line="45"/>
        <source>Signer&apos;s &amp;name:</source>
        <translation>&amp;Họ tên người ký:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_settings_dialog.py" line="46"/>
        <source>&amp;Recipients (one per line):</source>
        <translation>&amp;Nơi nhận (mỗi dòng một nơi):</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_settings_dialog.py" line="47"/>
        <source>These settings are kept in the database and used by every report.</source>
        <translation>Các thiết lập này được lưu trong cơ sở dữ liệu và dùng cho mọi báo cáo.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_settings_dialog.py" line="49"/>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_settings_dialog.py" line="50"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../desktop_app/ui/restore_dialog.py" line="33"/>
        <source>Restore from a backup</source>
        <translation>Khôi phục từ bản sao lưu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/restore_dialog.py" line="36"/>
        <source>Choose the backup to restore. The current data is backed up first, so this can be undone by restoring that copy.</source>
        <translation>Chọn bản sao lưu cần khôi phục. Dữ liệu hiện tại được sao lưu trước, nên có thể hoàn tác bằng cách khôi phục bản sao đó.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/restore_dialog.py" line="39"/>
        <source>Date</source>
        <translation>Ngày giờ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/restore_dialog.py" line="39"/>
        <source>Size</source>
        <translation>Dung lượng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/restore_dialog.py" line="39"/>
        <source>Plans</source>
        <translation>Số kế hoạch</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/restore_dialog.py" line="39"/>
        <source>Made</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/restore_dialog.py" line="50"/>
        <source>unreadable</source>
        <translation>không đọc được</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/restore_dialog.py" line="64"/>
        <source>No backup yet beside the database.</source>
        <translation>Chưa có bản sao lưu nào cạnh tệp dữ liệu.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/restore_dialog.py" line="68"/>
        <source>&amp;Restore</source>
        <translation>&amp;Khôi phục</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/restore_dialog.py" line="69"/>
        <source>&amp;Other file…</source>
        <translation>&amp;Tệp khác…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/restore_dialog.py" line="71"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/restore_dialog.py" line="89"/>
        <source>Choose a backup file</source>
        <translation>Chọn tệp sao lưu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/restore_dialog.py" line="90"/>
        <source>Database (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>Cơ sở dữ liệu (*.sqlite3 *.sqlite *.db);;Mọi tệp (*)</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../desktop_app/ui/startup.py" line="85"/>
        <source>Opening the data…</source>
        <translation>Đang mở dữ liệu…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/startup.py" line="129"/>
        <source>The data file is damaged</source>
        <translation>Tệp dữ liệu bị hỏng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/startup.py" line="133"/>
        <source>No intact backup was found beside it. Do not delete the file; ask for support.</source>
        <translation>Không tìm thấy bản sao lưu nguyên vẹn nào cạnh tệp. Đừng xóa tệp này; hãy liên hệ hỗ trợ kỹ thuật.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/startup.py" line="136"/>
        <source>Restore the newest intact backup, made %1 (%2 plans)? A copy of the damaged file is kept in the «backups» folder.</source>
        <translation>Khôi phục bản sao lưu nguyên vẹn mới nhất, lập lúc %1 (%2 kế hoạch)? Một bản sao của tệp bị hỏng được giữ trong thư mục «backups».</translation>
    </message>
</context>
<context>
    <name>StructureActions</name>
    <message>
        <location filename="../../desktop_app/ui/structure_actions.py" line="101"/>
        <source>Cannot do this</source>
        <translation>Không thực hiện được</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/structure_actions.py" line="115"/>
        <source>Edit plan information</source>
        <translation>Sửa thông tin kế hoạch</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/structure_actions.py" line="124"/>
        <source>Rename</source>
        <translation>Đổi tên</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/structure_actions.py" line="124"/>
        <source>New title:</source>
        <translation>Tên mới:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/structure_actions.py" line="131"/>
        <source>Rename “{old}”</source>
        <translation>Đổi tên «{old}»</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/structure_actions.py" line="142"/>
        <source>Move heading</source>
        <translation>Chuyển mục/nhóm</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/structure_actions.py" line="153"/>
        <location filename="../../desktop_app/ui/structure_actions.py" line="164"/>
        <source>Move item</source>
        <translation>Chuyển chỉ tiêu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/structure_actions.py" line="181"/>
        <source>Add item</source>
        <translation>Thêm chỉ tiêu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/structure_actions.py" line="189"/>
        <source>Delete item</source>
        <translation>Xóa chỉ tiêu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/structure_actions.py" line="190"/>
        <source>Delete “{label}” with its targets, units and reported results? You can undo it with Ctrl+Z.</source>
        <translation>Xóa «{label}» cùng các mục tiêu, đơn vị và kết quả đã báo cáo? Có thể hoàn tác bằng Ctrl+Z.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/structure_actions.py" line="202"/>
        <source>Delete item {label}</source>
        <translation>Xóa chỉ tiêu {label}</translation>
    </message>
</context>
<context>
    <name>UnitManager</name>
    <message>
        <location filename="../../desktop_app/ui/unit_manager.py" line="61"/>
        <source>Rename unit “{old}” to “{new}”</source>
        <translation>Đổi tên đơn vị «{old}» thành «{new}»</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/unit_manager.py" line="62"/>
        <source>Merge unit “{a}” into “{b}”</source>
        <translation>Gộp đơn vị «{a}» vào «{b}»</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/unit_manager.py" line="63"/>
        <source>Units</source>
        <translation>Đơn vị</translation>
    </message>
</context>
<context>
    <name>UnitManagerDialog</name>
    <message>
        <location filename="../../desktop_app/ui/unit_manager.py" line="216"/>
        <source>Units</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/unit_manager.py" line="220"/>
        <source>Search units…</source>
        <translation>Tìm đơn vị…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/unit_manager.py" line="238"/>
        <source>Rename…</source>
        <translation>Đổi tên…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/unit_manager.py" line="241"/>
        <source>Merge into…</source>
        <translation>Gộp vào…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/unit_manager.py" line="244"/>
        <location filename="../../desktop_app/ui/unit_manager.py" line="258"/>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/unit_manager.py" line="246"/>
        <location filename="../../desktop_app/ui/unit_manager.py" line="260"/>
        <source>Redo</source>
        <translation>Làm lại</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/unit_manager.py" line="263"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/unit_manager.py" line="358"/>
        <source>Rename unit</source>
        <translation>Đổi tên đơn vị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/unit_manager.py" line="358"/>
        <source>New name of “{name}”:</source>
        <translation>Tên mới của «{name}»:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/unit_manager.py" line="389"/>
        <location filename="../../desktop_app/ui/unit_manager.py" line="402"/>
        <source>Merge units</source>
        <translation>Gộp đơn vị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/unit_manager.py" line="389"/>
        <source>Keep which name? The other becomes a spelling of it:</source>
        <translation>Giữ tên nào? Tên còn lại trở thành một cách viết của nó:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/unit_manager.py" line="402"/>
        <source>Merge “{name}” into:</source>
        <translation>Gộp «{name}» vào:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/unit_manager.py" line="438"/>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/unit_manager.py" line="439"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>UnitsModel</name>
    <message>
        <location filename="../../desktop_app/ui/unit_manager.py" line="54"/>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/unit_manager.py" line="55"/>
        <source>Other spellings</source>
        <translation>Các cách viết khác</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/unit_manager.py" line="56"/>
        <source>Items</source>
        <translation>Số chỉ tiêu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/unit_manager.py" line="57"/>
        <source>Reports</source>
        <translation>Số báo cáo</translation>
    </message>
</context>
</TS>
