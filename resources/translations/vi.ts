<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>App</name>
    <message>
        <location filename="../../desktop_app/ui/app.py" line="83"/>
        <source>Cannot open the database</source>
        <translation>Không mở được cơ sở dữ liệu</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="12"/>
        <source>&amp;Yes</source>
        <translation>&amp;Có</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="13"/>
        <source>&amp;No</source>
        <translation>&amp;Không</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="23"/>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="45"/>
        <source>Look in:</source>
        <translation>Thư mục:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="46"/>
        <source>File name:</source>
        <translation>Tên tệp:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="47"/>
        <source>Files of type:</source>
        <translation>Loại tệp:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="48"/>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs.py" line="49"/>
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
        <location filename="../../desktop_app/ui/import_report.py" line="15"/>
        <source>Import finished</source>
        <translation>Đã nhập xong</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_report.py" line="19"/>
        <source>Imported the plan of commune {commune} ({number}): {sections} sections, {groups} groups, {items} indicators and tasks.</source>
        <translation>Đã nhập kế hoạch của xã {commune} ({number}): {sections} mục, {groups} nhóm, {items} chỉ tiêu, nhiệm vụ.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_report.py" line="23"/>
        <source>no number</source>
        <translation>chưa có số</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_report.py" line="35"/>
        <source>Warnings to check ({n}):</source>
        <translation>Các cảnh báo cần kiểm tra ({n}):</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_report.py" line="40"/>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
</context>
<context>
    <name>ItemForm</name>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="79"/>
        <source>Indicator</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="79"/>
        <source>Task</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="80"/>
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="87"/>
        <source>Op.</source>
        <translation>So sánh</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="87"/>
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="87"/>
        <source>Unit</source>
        <translation>Đơn vị đo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="87"/>
        <source>Counted noun</source>
        <translation>Danh từ đếm</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="87"/>
        <source>Subject</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="91"/>
        <source>Add target</source>
        <translation>Thêm mục tiêu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="91"/>
        <source>Remove target</source>
        <translation>Bỏ mục tiêu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="95"/>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="95"/>
        <source>Ongoing</source>
        <translation>Thường xuyên</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="95"/>
        <source>Other (text)</source>
        <translation>Khác (ghi chữ)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="108"/>
        <source>Names separated by ;</source>
        <translation>Các tên cách nhau bằng dấu ;</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="114"/>
        <source>No.</source>
        <translation>Stt</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="115"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="116"/>
        <source>Text</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="117"/>
        <source>Targets</source>
        <translation>Mục tiêu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="127"/>
        <source>Deadline</source>
        <translation>Thời hạn</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="128"/>
        <source>Monitoring unit</source>
        <translation>Đơn vị theo dõi</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="129"/>
        <source>Implementing units</source>
        <translation>Đơn vị triển khai</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="130"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="180"/>
        <source>index</source>
        <translation>chỉ số</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="180"/>
        <source>count</source>
        <translation>số lượng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="181"/>
        <source>none</source>
        <translation>không đơn vị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="213"/>
        <source>Target {n}: “{text}” is not a number.</source>
        <translation>Mục tiêu {n}: «{text}» không phải là một số.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_form.py" line="258"/>
        <source>Edit item {n}</source>
        <translation>Sửa chỉ tiêu {n}</translation>
    </message>
</context>
<context>
    <name>ItemHistoryView</name>
    <message>
        <location filename="../../desktop_app/ui/item_history.py" line="79"/>
        <source>Period</source>
        <translation>Kỳ báo cáo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_history.py" line="79"/>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_history.py" line="79"/>
        <source>Value / status</source>
        <translation>Giá trị / trạng thái</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_history.py" line="80"/>
        <source>Result narrative</source>
        <translation>Nội dung kết quả</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_history.py" line="80"/>
        <source>Reported by</source>
        <translation>Người báo cáo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/item_history.py" line="80"/>
        <source>Reported at</source>
        <translation>Thời điểm báo cáo</translation>
    </message>
</context>
<context>
    <name>ItemsModel</name>
    <message>
        <location filename="../../desktop_app/ui/items_model.py" line="23"/>
        <source>No.</source>
        <translation>Stt</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/items_model.py" line="24"/>
        <source>Indicator / task</source>
        <translation>Chỉ tiêu/nhiệm vụ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/items_model.py" line="25"/>
        <source>Target</source>
        <translation>Mục tiêu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/items_model.py" line="26"/>
        <source>Monitoring unit</source>
        <translation>Đơn vị theo dõi</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/items_model.py" line="27"/>
        <source>Implementing units</source>
        <translation>Đơn vị triển khai</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/items_model.py" line="28"/>
        <source>Deadline</source>
        <translation>Thời hạn</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/items_model.py" line="29"/>
        <source>Latest result</source>
        <translation>Kết quả mới nhất</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/items_model.py" line="30"/>
        <source>Assessment</source>
        <translation>Đánh giá</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/items_model.py" line="31"/>
        <source>Last update</source>
        <translation>Cập nhật</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="40"/>
        <source>Appendix (*.docx *.xlsx *.txt *.md *.tsv *.csv);;All files (*)</source>
        <translation>Phụ lục (*.docx *.xlsx *.txt *.md *.tsv *.csv);;Tất cả tệp (*)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="50"/>
        <source>Commune digital transformation plan tracker</source>
        <translation>Theo dõi Kế hoạch chuyển đổi số cấp xã</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="101"/>
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="102"/>
        <source>History</source>
        <translation>Lịch sử</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="122"/>
        <source>&amp;Import appendix…</source>
        <translation>&amp;Nhập phụ lục…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="123"/>
        <source>&amp;Paste appendix from clipboard</source>
        <translation>&amp;Dán phụ lục từ khay nhớ tạm</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="124"/>
        <source>Load the &amp;sample plan</source>
        <translation>Nạp kế hoạch &amp;mẫu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="125"/>
        <source>E&amp;xit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="126"/>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="131"/>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="133"/>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="135"/>
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="140"/>
        <source>&amp;Settings</source>
        <translation>&amp;Cài đặt</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="141"/>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="151"/>
        <source>Main toolbar</source>
        <translation>Thanh công cụ chính</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="170"/>
        <source>No plan yet. Use File → Import appendix… (Ctrl+O).</source>
        <translation>Chưa có kế hoạch nào. Dùng Tệp → Nhập phụ lục… (Ctrl+O).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="196"/>
        <source>{n} indicators and tasks</source>
        <translation>{n} chỉ tiêu, nhiệm vụ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="231"/>
        <source>Import plan appendix</source>
        <translation>Nhập phụ lục kế hoạch</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="238"/>
        <source>Reading {name}…</source>
        <translation>Đang đọc {name}…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="248"/>
        <location filename="../../desktop_app/ui/main_window.py" line="262"/>
        <source>File already imported</source>
        <translation>Tệp đã được nhập</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="249"/>
        <source>This file was already imported.</source>
        <translation>Tệp này đã được nhập trước đây.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="250"/>
        <location filename="../../desktop_app/ui/main_window.py" line="263"/>
        <source>Import it again as a second copy of the plan?</source>
        <translation>Vẫn nhập lại thành một bản thứ hai của kế hoạch?</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="254"/>
        <location filename="../../desktop_app/ui/main_window.py" line="268"/>
        <source>Importing {name}…</source>
        <translation>Đang nhập {name}…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="275"/>
        <source>Clipboard is empty</source>
        <translation>Khay nhớ tạm trống</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="276"/>
        <source>Copy the appendix table in Word or Excel first, then paste it here.</source>
        <translation>Hãy sao chép bảng phụ lục trong Word hoặc Excel trước, rồi dán vào đây.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="278"/>
        <source>Reading the clipboard…</source>
        <translation>Đang đọc khay nhớ tạm…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="290"/>
        <source>Welcome</source>
        <translation>Chào mừng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="291"/>
        <source>The database has no plan yet.

Load the sample plan of commune Nam Hồng to try the program? You can import your own appendix at any time with File → Import appendix… (Ctrl+O).</source>
        <translation>Cơ sở dữ liệu chưa có kế hoạch nào.

Nạp kế hoạch mẫu của xã Nam Hồng để dùng thử chương trình? Bạn có thể nhập phụ lục của xã mình bất cứ lúc nào bằng Tệp → Nhập phụ lục… (Ctrl+O).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="311"/>
        <source>Cannot do this</source>
        <translation>Không thực hiện được</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="313"/>
        <source>Unexpected error</source>
        <translation>Lỗi không mong đợi</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="314"/>
        <source>An unexpected error occurred; nothing was changed.</source>
        <translation>Đã xảy ra lỗi không mong đợi; dữ liệu không bị thay đổi.</translation>
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
        <location filename="../../desktop_app/ui/progress_grid.py" line="37"/>
        <source>No.</source>
        <translation>Stt</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/progress_grid.py" line="38"/>
        <source>Indicator / task</source>
        <translation>Chỉ tiêu/nhiệm vụ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/progress_grid.py" line="39"/>
        <source>Target</source>
        <translation>Mục tiêu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/progress_grid.py" line="40"/>
        <source>Value / status</source>
        <translation>Giá trị / trạng thái</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/progress_grid.py" line="41"/>
        <source>Result narrative</source>
        <translation>Nội dung kết quả</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/progress_grid.py" line="42"/>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/progress_grid.py" line="43"/>
        <source>Assessment</source>
        <translation>Đánh giá</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/progress_grid.py" line="128"/>
        <source>Reporting unit: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/progress_grid.py" line="131"/>
        <source>Deadline: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressGridWidget</name>
    <message>
        <location filename="../../desktop_app/ui/progress_grid.py" line="45"/>
        <source>Monthly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/progress_grid.py" line="46"/>
        <source>Quarterly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/progress_grid.py" line="47"/>
        <source>Six-monthly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/progress_grid.py" line="48"/>
        <source>Yearly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/progress_grid.py" line="49"/>
        <source>Calendar periods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/progress_grid.py" line="50"/>
        <source>Decree 09/2019 windows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/progress_grid.py" line="338"/>
        <source>Reporting:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/progress_grid.py" line="339"/>
        <source>Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/progress_grid.py" line="339"/>
        <source>Implementing unit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/progress_grid.py" line="365"/>
        <source>All units</source>
        <translation>Mọi đơn vị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/progress_grid.py" line="464"/>
        <source>This plan has no year, so it has no reporting periods yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/progress_grid.py" line="470"/>
        <source>Saved %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnitManagerDialog</name>
    <message>
        <location filename="../../desktop_app/ui/unit_manager.py" line="203"/>
        <source>Units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/unit_manager.py" line="207"/>
        <source>Search units…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/unit_manager.py" line="225"/>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/unit_manager.py" line="228"/>
        <source>Merge into…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/unit_manager.py" line="231"/>
        <location filename="../../desktop_app/ui/unit_manager.py" line="245"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/unit_manager.py" line="233"/>
        <location filename="../../desktop_app/ui/unit_manager.py" line="247"/>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/unit_manager.py" line="250"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/unit_manager.py" line="322"/>
        <source>Rename unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/unit_manager.py" line="322"/>
        <source>New name of “{name}”:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/unit_manager.py" line="353"/>
        <location filename="../../desktop_app/ui/unit_manager.py" line="366"/>
        <source>Merge units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/unit_manager.py" line="353"/>
        <source>Keep which name? The other becomes a spelling of it:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/unit_manager.py" line="366"/>
        <source>Merge “{name}” into:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/unit_manager.py" line="402"/>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/unit_manager.py" line="403"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>UnitsModel</name>
    <message>
        <location filename="../../desktop_app/ui/unit_manager.py" line="38"/>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/unit_manager.py" line="39"/>
        <source>Other spellings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/unit_manager.py" line="40"/>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/unit_manager.py" line="41"/>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
