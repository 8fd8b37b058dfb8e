<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name></name>
    <message>
        <location filename="../../desktop_app/ui/controllers/exchange.py" line="101"/>
        <source>the changes since the package sent to «%1» on %2</source>
        <translation>những thay đổi kể từ gói gửi cho «%1» lúc %2</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/exchange.py" line="104"/>
        <source>everything in the chosen scope</source>
        <translation>toàn bộ dữ liệu trong phạm vi đã chọn</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/exchange.py" line="105"/>
        <source>The data package was written to:</source>
        <translation>Đã ghi gói dữ liệu vào:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/exchange.py" line="106"/>
        <source>It holds %1: %2 records, %3 deletions, %4 evidence files.</source>
        <translation>Gói chứa %1: %2 bản ghi, %3 bản ghi đã xoá, %4 tệp minh chứng.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/exchange.py" line="109"/>
        <source>SHA-256: %1</source>
        <translation>Mã kiểm tra SHA-256: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/exchange.py" line="111"/>
        <source>Warning: %1 evidence files are missing from the evidence folder and were not included.</source>
        <translation>Cảnh báo: thiếu %1 tệp minh chứng trong thư mục minh chứng nên không đưa vào gói được.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/exchange.py" line="113"/>
        <source>Data package written to %1.</source>
        <translation>Đã ghi gói dữ liệu vào %1.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/exchange.py" line="114"/>
        <source>Send data package</source>
        <translation>Gửi gói dữ liệu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/exchange.py" line="162"/>
        <source>Imported the data package «%1» from «%2».</source>
        <translation>Đã nhập gói dữ liệu «%1» của «%2».</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/exchange.py" line="165"/>
        <source>For each conflict the version not chosen is kept in the record&apos;s history.</source>
        <translation>Với mỗi xung đột, bản không được chọn vẫn được lưu trong lịch sử của bản ghi.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/exchange.py" line="167"/>
        <source>The data as it was before is kept in «%1».</source>
        <translation>Dữ liệu trước khi nhập được giữ ở «%1».</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/exchange.py" line="169"/>
        <source>Import data package</source>
        <translation>Nhập gói dữ liệu</translation>
    </message>
</context>
<context>
    <name>AccountEditor</name>
    <message>
        <location filename="../../desktop_app/ui/dialogs/accounts.py" line="79"/>
        <source>Create the first administrator</source>
        <translation>Tạo tài khoản quản trị viên đầu tiên</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/accounts.py" line="80"/>
        <source>Edit account</source>
        <translation>Sửa tài khoản</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/accounts.py" line="80"/>
        <source>New account</source>
        <translation>Tài khoản mới</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/accounts.py" line="83"/>
        <source>Sign-in is turned on with this administrator account, which is signed in at once. Keep its password safe: only an administrator can turn sign-in off again.</source>
        <translation>Yêu cầu đăng nhập được bật cùng với tài khoản quản trị viên này, tài khoản được đăng nhập ngay. Hãy giữ kỹ mật khẩu: chỉ quản trị viên mới tắt được yêu cầu đăng nhập.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/accounts.py" line="41"/>
        <source>Administrator</source>
        <translation>Quản trị viên</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/accounts.py" line="42"/>
        <source>Unit officer</source>
        <translation>Cán bộ đơn vị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/accounts.py" line="98"/>
        <source>(none)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/accounts.py" line="104"/>
        <source>May sign in (not locked)</source>
        <translation>Được đăng nhập (không bị khóa)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/accounts.py" line="107"/>
        <source>&amp;Login:</source>
        <translation>&amp;Tên đăng nhập:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/accounts.py" line="107"/>
        <source>&amp;Full name:</source>
        <translation>&amp;Họ tên:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/accounts.py" line="108"/>
        <source>&amp;Role:</source>
        <translation>&amp;Vai trò:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/accounts.py" line="108"/>
        <source>&amp;Unit:</source>
        <translation>Đơn &amp;vị:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/accounts.py" line="110"/>
        <source>&amp;Password (at least 8 characters):</source>
        <translation>&amp;Mật khẩu (ít nhất 8 ký tự):</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/accounts.py" line="111"/>
        <source>Password &amp;again:</source>
        <translation>Nhập &amp;lại mật khẩu:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/accounts.py" line="121"/>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/accounts.py" line="136"/>
        <source>The two passwords are not the same.</source>
        <translation>Hai lần nhập mật khẩu không giống nhau.</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <location filename="../../desktop_app/ui/dialogs/accounts.py" line="57"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/accounts.py" line="202"/>
        <location filename="../../desktop_app/ui/dialogs/accounts.py" line="333"/>
        <location filename="../../desktop_app/ui/dialogs/accounts.py" line="354"/>
        <source>Accounts and sign-in</source>
        <translation>Tài khoản và đăng nhập</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/accounts.py" line="205"/>
        <source>When sign-in is required, everyone signs in when the program starts. An administrator edits the plan, units, merges and restores; a unit officer only records the results of their own unit&apos;s items. Passwords are stored only as scrypt hashes.</source>
        <translation>Khi yêu cầu đăng nhập, mọi người đăng nhập lúc mở chương trình. Quản trị viên sửa kế hoạch, đơn vị, hợp nhất và khôi phục dữ liệu; cán bộ đơn vị chỉ ghi kết quả các chỉ tiêu của đơn vị mình. Mật khẩu chỉ được lưu dưới dạng băm scrypt.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/accounts.py" line="210"/>
        <source>&amp;Require sign-in when the program starts</source>
        <translation>&amp;Yêu cầu đăng nhập khi mở chương trình</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/accounts.py" line="214"/>
        <source>Login</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/accounts.py" line="214"/>
        <source>Full name</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/accounts.py" line="214"/>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/accounts.py" line="215"/>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/accounts.py" line="215"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/accounts.py" line="215"/>
        <source>Last sign-in</source>
        <translation>Đăng nhập lần cuối</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/accounts.py" line="226"/>
        <source>&amp;Add…</source>
        <translation>&amp;Thêm…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/accounts.py" line="227"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Sửa…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/accounts.py" line="228"/>
        <source>Set &amp;password…</source>
        <translation>Đặt &amp;mật khẩu…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/accounts.py" line="229"/>
        <location filename="../../desktop_app/ui/dialogs/accounts.py" line="286"/>
        <source>&amp;Lock</source>
        <translation>&amp;Khóa</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/accounts.py" line="230"/>
        <source>Change &amp;my password…</source>
        <translation>Đổi mật khẩu của &amp;tôi…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/accounts.py" line="242"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/accounts.py" line="258"/>
        <source>Administrator</source>
        <translation>Quản trị viên</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/accounts.py" line="258"/>
        <source>Unit officer</source>
        <translation>Cán bộ đơn vị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/accounts.py" line="262"/>
        <source>Active</source>
        <translation>Đang hoạt động</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/accounts.py" line="262"/>
        <source>Locked</source>
        <translation>Đã khóa</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/accounts.py" line="272"/>
        <source>Signed in as %1.</source>
        <translation>Đang đăng nhập: %1.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/accounts.py" line="274"/>
        <source>Nobody is signed in.</source>
        <translation>Chưa ai đăng nhập.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/accounts.py" line="276"/>
        <source>Only an administrator can change accounts while sign-in is required.</source>
        <translation>Khi đang yêu cầu đăng nhập, chỉ quản trị viên được thay đổi tài khoản.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/accounts.py" line="286"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Mở khóa</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/accounts.py" line="343"/>
        <source>Sign in with an administrator account to require sign-in.</source>
        <translation>Hãy đăng nhập bằng tài khoản quản trị viên để bật yêu cầu đăng nhập.</translation>
    </message>
</context>
<context>
    <name>AccountsFlow</name>
    <message>
        <location filename="../../desktop_app/ui/controllers/accounts.py" line="20"/>
        <source>&amp;Accounts and sign-in…</source>
        <translation>&amp;Tài khoản và đăng nhập…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/accounts.py" line="21"/>
        <source>Sign &amp;out</source>
        <translation>Đăng &amp;xuất</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/accounts.py" line="36"/>
        <source>administrator</source>
        <translation>quản trị viên</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/accounts.py" line="36"/>
        <source>officer of %1</source>
        <translation>cán bộ %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/accounts.py" line="38"/>
        <source>Signed in: %1 (%2)</source>
        <translation>Đang đăng nhập: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/accounts.py" line="39"/>
        <source>Sign out</source>
        <translation>Đăng xuất</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/accounts.py" line="41"/>
        <source>Not signed in</source>
        <translation>Chưa đăng nhập</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/accounts.py" line="42"/>
        <source>Sign in…</source>
        <translation>Đăng nhập…</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../desktop_app/ui/app.py" line="98"/>
        <source>Cannot open the database</source>
        <translation>Không mở được cơ sở dữ liệu</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../../desktop_app/ui/widgets/audit_view.py" line="103"/>
        <source>Change history — %1</source>
        <translation>Lịch sử thay đổi — %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/audit_view.py" line="104"/>
        <source>Change log</source>
        <translation>Nhật ký thay đổi</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/audit_view.py" line="109"/>
        <source>Everyone</source>
        <translation>Tất cả mọi người</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/audit_view.py" line="113"/>
        <source>Everywhere</source>
        <translation>Mọi nơi</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/audit_view.py" line="118"/>
        <source>Stt, item text, unit or period…</source>
        <translation>Stt, nội dung chỉ tiêu, đơn vị hoặc kỳ…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/audit_view.py" line="120"/>
        <source>&amp;Person:</source>
        <translation>&amp;Người:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/audit_view.py" line="120"/>
        <source>Made &amp;at:</source>
        <translation>Nơ&amp;i thực hiện:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/audit_view.py" line="121"/>
        <source>&amp;From:</source>
        <translation>&amp;Từ ngày:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/audit_view.py" line="122"/>
        <source>&amp;To:</source>
        <translation>Đế&amp;n ngày:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/audit_view.py" line="122"/>
        <source>&amp;Record:</source>
        <translation>&amp;Bản ghi:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/audit_view.py" line="137"/>
        <source>Check &amp;integrity</source>
        <translation>&amp;Kiểm tra tính toàn vẹn</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/audit_view.py" line="138"/>
        <source>Check that no entry of the change log was changed or removed outside the program (each entry is chained to the one before it by a hash).</source>
        <translation>Kiểm tra để chắc rằng không mục nào của nhật ký thay đổi bị sửa hoặc xoá ngoài chương trình (mỗi mục được nối với mục trước nó bằng mã băm).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/audit_view.py" line="141"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/audit_view.py" line="163"/>
        <source>Integrity checked: all %1 entries match their chain.</source>
        <translation>Đã kiểm tra tính toàn vẹn: cả %1 mục đều khớp chuỗi băm.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/audit_view.py" line="166"/>
        <source>The change log is NOT intact: its newest entries, up to entry no. %1, were removed outside the program.</source>
        <translation>Nhật ký thay đổi KHÔNG toàn vẹn: các mục mới nhất, đến mục số %1, đã bị xoá ngoài chương trình.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/audit_view.py" line="170"/>
        <source>it has no hash: it was written outside the program</source>
        <translation>mục này không có mã băm: được ghi ngoài chương trình</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/audit_view.py" line="171"/>
        <source>it does not match its chain: it, or the entry before it, was changed or removed outside the program</source>
        <translation>mục này không khớp chuỗi băm: nó hoặc mục trước nó đã bị sửa hoặc xoá ngoài chương trình</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/audit_view.py" line="173"/>
        <source>The change log is NOT intact: entry no. %1 (%2, %3: «%4»): %5.</source>
        <translation>Nhật ký thay đổi KHÔNG toàn vẹn: mục số %1 (%2, %3: «%4»): %5.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/audit_view.py" line="203"/>
        <source>%1 change(s)</source>
        <translation>%1 thay đổi</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/audit_view.py" line="205"/>
        <source>(only the newest are shown: narrow the filters)</source>
        <translation>(chỉ hiện các thay đổi mới nhất: hãy thu hẹp bộ lọc)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/audit_view.py" line="271"/>
        <location filename="../../desktop_app/ui/widgets/audit_view.py" line="287"/>
        <source>Officer name</source>
        <translation>Tên cán bộ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/audit_view.py" line="272"/>
        <source>Your full name, recorded with every change you make (change log):</source>
        <translation>Họ và tên của anh/chị, được ghi cùng mỗi thay đổi (nhật ký thay đổi):</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/audit_view.py" line="274"/>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/audit_view.py" line="275"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>AuditFlow</name>
    <message>
        <location filename="../../desktop_app/ui/controllers/audit.py" line="15"/>
        <source>Change &amp;log…</source>
        <translation>&amp;Nhật ký thay đổi…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/audit.py" line="16"/>
        <source>&amp;Officer name…</source>
        <translation>&amp;Tên cán bộ…</translation>
    </message>
</context>
<context>
    <name>AuditTable</name>
    <message>
        <location filename="../../desktop_app/ui/widgets/audit_view.py" line="55"/>
        <source>Time</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/audit_view.py" line="55"/>
        <source>Person</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/audit_view.py" line="55"/>
        <source>Action</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/audit_view.py" line="55"/>
        <source>Record</source>
        <translation>Bản ghi</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/audit_view.py" line="56"/>
        <source>Changes (old → new)</source>
        <translation>Thay đổi (cũ → mới)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/audit_view.py" line="56"/>
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/audit_view.py" line="56"/>
        <source>Made at</source>
        <translation>Nơi thực hiện</translation>
    </message>
</context>
<context>
    <name>BackupFlow</name>
    <message>
        <location filename="../../desktop_app/ui/controllers/backup.py" line="29"/>
        <source>&amp;Back up now…</source>
        <translation>&amp;Sao lưu ngay…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/backup.py" line="30"/>
        <source>&amp;Restore…</source>
        <translation>&amp;Khôi phục…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/backup.py" line="35"/>
        <source>Choose the folder for the backup</source>
        <translation>Chọn thư mục để lưu bản sao lưu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/backup.py" line="47"/>
        <source>Backed up to %1.</source>
        <translation>Đã sao lưu vào %1.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/backup.py" line="48"/>
        <source>Backup</source>
        <translation>Sao lưu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/backup.py" line="49"/>
        <source>The data was backed up to:
%1</source>
        <translation>Dữ liệu đã được sao lưu vào:
%1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/backup.py" line="51"/>
        <source>Backing up the data…</source>
        <translation>Đang sao lưu dữ liệu…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/backup.py" line="66"/>
        <location filename="../../desktop_app/ui/controllers/backup.py" line="77"/>
        <location filename="../../desktop_app/ui/controllers/backup.py" line="92"/>
        <source>Restore</source>
        <translation>Khôi phục</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/backup.py" line="66"/>
        <source>Wait until the work in progress is finished.</source>
        <translation>Hãy chờ công việc đang chạy hoàn tất.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/backup.py" line="74"/>
        <source>Replace the current data with the backup «%1»?

The current data is backed up first (in the «backups» folder beside the data), so nothing is lost.</source>
        <translation>Thay dữ liệu hiện tại bằng bản sao lưu «%1»?

Dữ liệu hiện tại sẽ được sao lưu trước (vào thư mục «backups» cạnh tệp dữ liệu), nên không mất gì.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/backup.py" line="89"/>
        <source>The data was restored from «%1».</source>
        <translation>Đã khôi phục dữ liệu từ «%1».</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/backup.py" line="91"/>
        <source>The data as it was before is kept in «%1».</source>
        <translation>Dữ liệu trước khi khôi phục được giữ ở «%1».</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <location filename="../../desktop_app/ui/widgets/bar_chart.py" line="76"/>
        <source>Assessments by group</source>
        <translation>Đánh giá theo nhóm</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/bar_chart.py" line="189"/>
        <source>No items</source>
        <translation>Không có chỉ tiêu</translation>
    </message>
</context>
<context>
    <name>ColumnRoles</name>
    <message>
        <location filename="../../desktop_app/ui/widgets/column_roles.py" line="30"/>
        <source>No. (Stt)</source>
        <translation>Số thứ tự (Stt)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/column_roles.py" line="31"/>
        <source>Indicator / task text</source>
        <translation>Nội dung chỉ tiêu/nhiệm vụ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/column_roles.py" line="32"/>
        <source>Explanation, how computed</source>
        <translation>Giải thích, cách tính</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/column_roles.py" line="33"/>
        <source>Unit of measure</source>
        <translation>Đơn vị tính</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/column_roles.py" line="34"/>
        <source>Target value</source>
        <translation>Chỉ tiêu (giá trị)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/column_roles.py" line="35"/>
        <source>Product, result</source>
        <translation>Sản phẩm, kết quả</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/column_roles.py" line="36"/>
        <source>Monitoring unit</source>
        <translation>Đơn vị theo dõi</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/column_roles.py" line="37"/>
        <source>Lead unit</source>
        <translation>Đơn vị chủ trì</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/column_roles.py" line="38"/>
        <source>Coordinating units</source>
        <translation>Đơn vị phối hợp</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/column_roles.py" line="39"/>
        <source>Implementing units</source>
        <translation>Đơn vị thực hiện</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/column_roles.py" line="40"/>
        <source>Deadline</source>
        <translation>Thời hạn</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/column_roles.py" line="41"/>
        <source>Budget, funding source</source>
        <translation>Kinh phí, nguồn kinh phí</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/column_roles.py" line="42"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/column_roles.py" line="43"/>
        <source>Ignore</source>
        <translation>Bỏ qua</translation>
    </message>
</context>
<context>
    <name>ColumnRolesPanel</name>
    <message>
        <location filename="../../desktop_app/ui/widgets/column_roles.py" line="113"/>
        <source>Table {n}:</source>
        <translation>Bảng {n}:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/column_roles.py" line="119"/>
        <source>&amp;Use these columns</source>
        <translation>&amp;Dùng các cột này</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/column_roles.py" line="120"/>
        <source>Read the tables again with these roles; they are remembered for the next file with the same header once you import.</source>
        <translation>Đọc lại các bảng với vai trò cột này; khi nhập, lựa chọn được ghi nhớ cho tệp sau có cùng tiêu đề bảng.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/column_roles.py" line="130"/>
        <source>The program recognised the role of every column. Change one here if it is wrong, then press «Use these columns».</source>
        <translation>Chương trình đã nhận ra vai trò của mọi cột. Nếu có cột sai, hãy đổi ở đây rồi bấm «Dùng các cột này».</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/column_roles.py" line="132"/>
        <source>The program is not sure what some columns hold (marked ⚠). Choose the role of each column — «Ignore» leaves it out — then press «Use these columns». The choice is remembered for the next file with the same header.</source>
        <translation>Chương trình chưa chắc nội dung của một số cột (đánh dấu ⚠). Hãy chọn vai trò cho từng cột — «Bỏ qua» để không nhập cột đó — rồi bấm «Dùng các cột này». Lựa chọn được ghi nhớ cho tệp sau có cùng tiêu đề bảng.</translation>
    </message>
</context>
<context>
    <name>ComparisonModel</name>
    <message>
        <location filename="../../desktop_app/ui/models/province.py" line="45"/>
        <source>Commune</source>
        <translation>Xã</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/province.py" line="45"/>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/province.py" line="46"/>
        <source>Whole plan</source>
        <translation>Toàn kế hoạch</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/province.py" line="124"/>
        <source>%1: %2 of %3 completed</source>
        <translation>%1: đã đạt %2/%3</translation>
    </message>
</context>
<context>
    <name>CountsModel</name>
    <message>
        <location filename="../../desktop_app/ui/widgets/dashboard.py" line="44"/>
        <source>No.</source>
        <translation>Stt</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/dashboard.py" line="44"/>
        <source>Area</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/dashboard.py" line="45"/>
        <source>Implementing unit</source>
        <translation>Đơn vị triển khai</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/dashboard.py" line="46"/>
        <source>Total</source>
        <translation>Tổng</translation>
    </message>
</context>
<context>
    <name>DashboardWidget</name>
    <message>
        <location filename="../../desktop_app/ui/widgets/dashboard.py" line="251"/>
        <source>By area</source>
        <translation>Theo lĩnh vực</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/dashboard.py" line="254"/>
        <source>By implementing unit</source>
        <translation>Theo đơn vị triển khai</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/dashboard.py" line="306"/>
        <source>Situation on %1</source>
        <translation>Tình hình đến ngày %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/dashboard.py" line="307"/>
        <source>All items: %1</source>
        <translation>Tất cả: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/dashboard.py" line="315"/>
        <source>Overdue: %1</source>
        <translation>Quá hạn: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/dashboard.py" line="316"/>
        <source>Due in the next 30 days: %1</source>
        <translation>Đến hạn trong 30 ngày tới: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/dashboard.py" line="318"/>
        <source>Show these items in the items table</source>
        <translation>Xem các chỉ tiêu này trong bảng</translation>
    </message>
</context>
<context>
    <name>DeadlineModel</name>
    <message>
        <location filename="../../desktop_app/ui/widgets/dashboard.py" line="48"/>
        <source>No.</source>
        <translation>Stt</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/dashboard.py" line="49"/>
        <source>Indicator / task</source>
        <translation>Chỉ tiêu/nhiệm vụ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/dashboard.py" line="50"/>
        <source>Due</source>
        <translation>Hạn</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/dashboard.py" line="51"/>
        <source>Monitoring unit</source>
        <translation>Đơn vị theo dõi</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/dashboard.py" line="52"/>
        <source>Assessment</source>
        <translation>Đánh giá</translation>
    </message>
</context>
<context>
    <name>DestinationDialog</name>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_destination.py" line="53"/>
        <source>Write the data package</source>
        <translation>Ghi gói dữ liệu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_destination.py" line="56"/>
        <source>Choose where to write the data package: a USB stick, or another folder.</source>
        <translation>Chọn nơi ghi gói dữ liệu: một USB, hoặc thư mục khác.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_destination.py" line="60"/>
        <source>No USB stick found. Plug one in and press Refresh, or choose another folder.</source>
        <translation>Không thấy USB nào. Hãy cắm USB rồi bấm Làm mới, hoặc chọn thư mục khác.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_destination.py" line="65"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Làm mới</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_destination.py" line="66"/>
        <source>Choose another &amp;folder…</source>
        <translation>Chọn thư mục &amp;khác…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_destination.py" line="73"/>
        <source>File &amp;name:</source>
        <translation>&amp;Tên tệp:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_destination.py" line="76"/>
        <source>&amp;Write</source>
        <translation>&amp;Ghi</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_destination.py" line="77"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_destination.py" line="92"/>
        <source>%1 — %2 free of %3 — %4</source>
        <translation>%1 — còn trống %2 / %3 — %4</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_destination.py" line="98"/>
        <source>Last folder used — %1</source>
        <translation>Thư mục dùng lần trước — %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_destination.py" line="121"/>
        <source>Folder — %1</source>
        <translation>Thư mục — %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_destination.py" line="125"/>
        <source>Choose the folder for the data package</source>
        <translation>Chọn thư mục để ghi gói dữ liệu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_destination.py" line="143"/>
        <source>Replace the file?</source>
        <translation>Thay tệp cũ?</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_destination.py" line="144"/>
        <source>A file named «%1» is already there. Replace it with the new package?</source>
        <translation>Ở đó đã có tệp «%1». Thay tệp đó bằng gói mới?</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="13"/>
        <source>&amp;Yes</source>
        <translation>&amp;Có</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="14"/>
        <source>&amp;No</source>
        <translation>&amp;Không</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="24"/>
        <location filename="../../desktop_app/ui/messages.py" line="48"/>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="45"/>
        <source>Copy details</source>
        <translation>Sao chép chi tiết</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="60"/>
        <source>An unexpected error occurred: %1</source>
        <translation>Đã xảy ra lỗi không mong đợi: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="62"/>
        <source>The last action may not have been completed; data saved before it is not lost. The program keeps running.</source>
        <translation>Thao tác vừa rồi có thể chưa hoàn tất; dữ liệu đã lưu trước đó không bị mất. Chương trình vẫn tiếp tục chạy.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="64"/>
        <source>The details were written to %1.</source>
        <translation>Chi tiết đã được ghi vào %1.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="66"/>
        <source>The details could not be written to a log file: copy them with «Copy details» for support.</source>
        <translation>Không ghi được chi tiết vào tệp nhật ký: bấm «Sao chép chi tiết» để gửi cho bộ phận hỗ trợ.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="68"/>
        <source>Unexpected error</source>
        <translation>Lỗi không mong đợi</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="77"/>
        <source>Look in:</source>
        <translation>Thư mục:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="78"/>
        <source>File name:</source>
        <translation>Tên tệp:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="79"/>
        <source>Files of type:</source>
        <translation>Loại tệp:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="80"/>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="81"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>EditFlow</name>
    <message>
        <location filename="../../desktop_app/ui/controllers/editing.py" line="22"/>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/editing.py" line="24"/>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/editing.py" line="26"/>
        <source>&amp;Units…</source>
        <translation>Đơn &amp;vị…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/editing.py" line="27"/>
        <source>Undo &amp;history…</source>
        <translation>&amp;Lịch sử thao tác…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/editing.py" line="39"/>
        <source>Undo history</source>
        <translation>Lịch sử thao tác</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/editing.py" line="41"/>
        <source>&lt;start of the session&gt;</source>
        <translation>&lt;đầu phiên làm việc&gt;</translation>
    </message>
</context>
<context>
    <name>ExchangeFlow</name>
    <message>
        <location filename="../../desktop_app/ui/controllers/exchange.py" line="30"/>
        <source>Data package (*.cdsx);;All files (*)</source>
        <translation>Gói dữ liệu (*.cdsx);;Tất cả các tệp (*)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/exchange.py" line="45"/>
        <source>&amp;Send data package…</source>
        <translation>&amp;Gửi gói dữ liệu…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/exchange.py" line="47"/>
        <source>&amp;Import data package…</source>
        <translation>&amp;Nhập gói dữ liệu…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/exchange.py" line="49"/>
        <source>This computer&apos;s &amp;identity…</source>
        <translation>&amp;Danh tính máy này…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/exchange.py" line="50"/>
        <source>&amp;Province comparison…</source>
        <translation>&amp;So sánh cấp tỉnh…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/exchange.py" line="51"/>
        <source>Kept &amp;versions…</source>
        <translation>&amp;Phiên bản đã lưu khi hợp nhất…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/exchange.py" line="94"/>
        <source>Writing the data package…</source>
        <translation>Đang ghi gói dữ liệu…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/exchange.py" line="121"/>
        <source>Import data package</source>
        <translation>Nhập gói dữ liệu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/exchange.py" line="133"/>
        <source>Checking the data package %1…</source>
        <translation>Đang kiểm tra gói dữ liệu %1…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/exchange.py" line="145"/>
        <source>The data package was not imported.</source>
        <translation>Chưa nhập gói dữ liệu.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/exchange.py" line="156"/>
        <source>Importing the data package %1…</source>
        <translation>Đang nhập gói dữ liệu %1…</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../desktop_app/ui/widgets/filter_bar.py" line="14"/>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/filter_bar.py" line="15"/>
        <source>Due within 7 days</source>
        <translation>Đến hạn trong 7 ngày</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/filter_bar.py" line="16"/>
        <source>Due within 30 days</source>
        <translation>Đến hạn trong 30 ngày</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/filter_bar.py" line="17"/>
        <source>Due this quarter</source>
        <translation>Đến hạn trong quý này</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/filter_bar.py" line="20"/>
        <source>Indicators</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/filter_bar.py" line="21"/>
        <source>Tasks</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/filter_bar.py" line="22"/>
        <source>Documents</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/filter_bar.py" line="40"/>
        <source>Search text and units (accents optional)…</source>
        <translation>Tìm trong nội dung và đơn vị (gõ không dấu cũng được)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/filter_bar.py" line="42"/>
        <location filename="../../desktop_app/ui/widgets/filter_bar.py" line="68"/>
        <source>All units</source>
        <translation>Mọi đơn vị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/filter_bar.py" line="43"/>
        <source>All assessments</source>
        <translation>Mọi đánh giá</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/filter_bar.py" line="44"/>
        <source>Any deadline</source>
        <translation>Mọi thời hạn</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/filter_bar.py" line="45"/>
        <source>All kinds</source>
        <translation>Mọi loại</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/filter_bar.py" line="46"/>
        <source>Clear filters</source>
        <translation>Bỏ lọc</translation>
    </message>
</context>
<context>
    <name>FormFlow</name>
    <message>
        <location filename="../../desktop_app/ui/controllers/forms.py" line="36"/>
        <source>&amp;Make a reporting form for a unit…</source>
        <translation>&amp;Lập biểu mẫu báo cáo cho đơn vị…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/forms.py" line="37"/>
        <source>&amp;Read a filled reporting form…</source>
        <translation>&amp;Đọc biểu mẫu đơn vị đã điền…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/forms.py" line="54"/>
        <source>Form saved: %1</source>
        <translation>Đã lưu biểu mẫu: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/forms.py" line="55"/>
        <source>Reporting form</source>
        <translation>Biểu mẫu báo cáo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/forms.py" line="56"/>
        <source>The form for %1 (%2 items) was saved to:
%3</source>
        <translation>Biểu mẫu của %1 (%2 chỉ tiêu/nhiệm vụ) đã được lưu vào:
%3</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/forms.py" line="59"/>
        <source>Writing the form…</source>
        <translation>Đang ghi biểu mẫu…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/forms.py" line="66"/>
        <source>Read a filled reporting form</source>
        <translation>Đọc biểu mẫu báo cáo đã điền</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/forms.py" line="67"/>
        <source>Excel form (*.xlsx);;All files (*)</source>
        <translation>Biểu mẫu Excel (*.xlsx);;Mọi tệp (*)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/forms.py" line="72"/>
        <source>Reading %1…</source>
        <translation>Đang đọc %1…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/forms.py" line="83"/>
        <source>%1 reports recorded from the form of %2.</source>
        <translation>Đã ghi %1 báo cáo từ biểu mẫu của %2.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/forms.py" line="86"/>
        <source>Recording the form&apos;s results…</source>
        <translation>Đang ghi kết quả từ biểu mẫu…</translation>
    </message>
</context>
<context>
    <name>FormPreviewDialog</name>
    <message>
        <location filename="../../desktop_app/ui/dialogs/forms.py" line="154"/>
        <source>Filled reporting form</source>
        <translation>Biểu mẫu báo cáo đã điền</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/forms.py" line="157"/>
        <source>Unit: %1
Period: %2
Plan: %3</source>
        <translation>Đơn vị: %1
Kỳ báo cáo: %2
Kế hoạch: %3</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/forms.py" line="161"/>
        <source>New values: %1, changed: %2, unchanged: %3.</source>
        <translation>Giá trị mới: %1, thay đổi: %2, không đổi: %3.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/forms.py" line="167"/>
        <source>Stt</source>
        <translation>Stt</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/forms.py" line="167"/>
        <source>Indicator / task</source>
        <translation>Chỉ tiêu/nhiệm vụ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/forms.py" line="167"/>
        <source>Field</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/forms.py" line="168"/>
        <source>Before</source>
        <translation>Trước</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/forms.py" line="168"/>
        <source>After</source>
        <translation>Sau</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/forms.py" line="168"/>
        <source>Change</source>
        <translation>Thay đổi</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/forms.py" line="169"/>
        <source>new</source>
        <translation>mới</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/forms.py" line="169"/>
        <source>changed</source>
        <translation>thay đổi</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/forms.py" line="169"/>
        <source>unchanged</source>
        <translation>không đổi</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/forms.py" line="188"/>
        <source>The form changes nothing: every value is already recorded.</source>
        <translation>Biểu mẫu không thay đổi gì: mọi giá trị đã được ghi.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/forms.py" line="190"/>
        <source>&amp;Apply</source>
        <translation>&amp;Ghi vào dữ liệu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/forms.py" line="192"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <location filename="../../desktop_app/ui/dialogs/identity.py" line="62"/>
        <source>This computer&apos;s identity for data packages</source>
        <translation>Danh tính của máy này khi trao đổi gói dữ liệu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/identity.py" line="66"/>
        <source>Other offices see this name on the packages you send. Before they trust your first package they should compare the key fingerprint with you, e.g. by phone.</source>
        <translation>Các đơn vị khác thấy tên này trên các gói bạn gửi. Trước khi tin cậy gói đầu tiên của bạn, họ nên so dấu vân tay khoá với bạn, ví dụ qua điện thoại.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/identity.py" line="74"/>
        <source>&amp;Save name</source>
        <translation>&amp;Lưu tên</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/identity.py" line="78"/>
        <source>&amp;Name:</source>
        <translation>&amp;Tên:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/identity.py" line="87"/>
        <source>Installation id:</source>
        <translation>Mã cài đặt:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/identity.py" line="88"/>
        <source>Key fingerprint:</source>
        <translation>Dấu vân tay khoá:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/identity.py" line="90"/>
        <source>Trusted senders</source>
        <translation>Các đơn vị gửi đã tin cậy</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/identity.py" line="94"/>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/identity.py" line="94"/>
        <source>Key fingerprint</source>
        <translation>Dấu vân tay khoá</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/identity.py" line="94"/>
        <source>Trusted on</source>
        <translation>Ngày tin cậy</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/identity.py" line="94"/>
        <source>Last package</source>
        <translation>Gói gần nhất</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/identity.py" line="104"/>
        <source>&amp;Forget this sender…</source>
        <translation>&amp;Bỏ tin cậy đơn vị này…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/identity.py" line="114"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/identity.py" line="157"/>
        <source>Stop trusting «%1»? Its next package will ask you to compare its key fingerprint again.</source>
        <translation>Bỏ tin cậy «%1»? Khi nhận gói tiếp theo của đơn vị này, chương trình sẽ yêu cầu so lại dấu vân tay khoá.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/identity.py" line="159"/>
        <source>Forget sender</source>
        <translation>Bỏ tin cậy đơn vị gửi</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <location filename="../../desktop_app/ui/controllers/importing.py" line="20"/>
        <source>Appendix (*.docx *.xlsx *.txt *.md *.tsv *.csv);;All files (*)</source>
        <translation>Phụ lục (*.docx *.xlsx *.txt *.md *.tsv *.csv);;Tất cả tệp (*)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/importing.py" line="29"/>
        <source>&amp;Import appendix…</source>
        <translation>&amp;Nhập phụ lục…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/importing.py" line="31"/>
        <source>&amp;Paste appendix from clipboard</source>
        <translation>&amp;Dán phụ lục từ khay nhớ tạm</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/importing.py" line="33"/>
        <source>Load the &amp;sample plan</source>
        <translation>Nạp kế hoạch &amp;mẫu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/importing.py" line="38"/>
        <source>Import plan appendix</source>
        <translation>Nhập phụ lục kế hoạch</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/importing.py" line="47"/>
        <source>Reading {name}…</source>
        <translation>Đang đọc {name}…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/importing.py" line="57"/>
        <location filename="../../desktop_app/ui/controllers/importing.py" line="70"/>
        <source>File already imported</source>
        <translation>Tệp đã được nhập</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/importing.py" line="58"/>
        <source>This file was already imported.</source>
        <translation>Tệp này đã được nhập trước đây.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/importing.py" line="59"/>
        <location filename="../../desktop_app/ui/controllers/importing.py" line="71"/>
        <source>Import it again as a second copy of the plan?</source>
        <translation>Vẫn nhập lại thành một bản thứ hai của kế hoạch?</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/importing.py" line="63"/>
        <location filename="../../desktop_app/ui/controllers/importing.py" line="76"/>
        <source>Importing {name}…</source>
        <translation>Đang nhập {name}…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/importing.py" line="83"/>
        <source>Clipboard is empty</source>
        <translation>Khay nhớ tạm trống</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/importing.py" line="84"/>
        <source>Copy the appendix table in Word or Excel first, then paste it here.</source>
        <translation>Hãy sao chép bảng phụ lục trong Word hoặc Excel trước, rồi dán vào đây.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/importing.py" line="86"/>
        <source>Reading the clipboard…</source>
        <translation>Đang đọc khay nhớ tạm…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/importing.py" line="98"/>
        <source>Welcome</source>
        <translation>Chào mừng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/importing.py" line="99"/>
        <source>The database has no plan yet.

Load the sample plan of commune Nam Hồng to try the program? You can import your own appendix at any time with File → Import appendix… (Ctrl+O).</source>
        <translation>Cơ sở dữ liệu chưa có kế hoạch nào.

Nạp kế hoạch mẫu của xã Nam Hồng để dùng thử chương trình? Bạn có thể nhập phụ lục của xã mình bất cứ lúc nào bằng Tệp → Nhập phụ lục… (Ctrl+O).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="95"/>
        <source>Cannot do this</source>
        <translation>Không thực hiện được</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../desktop_app/ui/dialogs/import_preview.py" line="50"/>
        <source>Import preview — {name}</source>
        <translation>Xem trước khi nhập — {name}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/import_preview.py" line="57"/>
        <source>No.</source>
        <translation>Stt</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/import_preview.py" line="57"/>
        <source>Indicator / task</source>
        <translation>Chỉ tiêu/nhiệm vụ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/import_preview.py" line="57"/>
        <source>Target</source>
        <translation>Mục tiêu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/import_preview.py" line="57"/>
        <source>Deadline</source>
        <translation>Thời hạn</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/import_preview.py" line="58"/>
        <source>Monitoring unit</source>
        <translation>Đơn vị theo dõi</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/import_preview.py" line="58"/>
        <source>Implementing units</source>
        <translation>Đơn vị triển khai</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/import_preview.py" line="58"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/import_preview.py" line="59"/>
        <source>Coordinating units</source>
        <translation>Đơn vị phối hợp</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/import_preview.py" line="59"/>
        <source>Unit of measure</source>
        <translation>Đơn vị tính</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/import_preview.py" line="59"/>
        <source>Target as written</source>
        <translation>Chỉ tiêu (nguyên văn)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/import_preview.py" line="60"/>
        <source>Product</source>
        <translation>Sản phẩm</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/import_preview.py" line="60"/>
        <source>Budget</source>
        <translation>Kinh phí</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/import_preview.py" line="60"/>
        <source>Explanation</source>
        <translation>Giải thích</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/import_preview.py" line="81"/>
        <source>&amp;Import</source>
        <translation>&amp;Nhập</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/import_preview.py" line="82"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/import_preview.py" line="85"/>
        <source>Double-click a cell (or press F2) to correct it before importing.</source>
        <translation>Nháy đúp vào một ô (hoặc nhấn F2) để sửa trước khi nhập.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/import_preview.py" line="93"/>
        <source>&amp;Contents</source>
        <translation>&amp;Nội dung</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/import_preview.py" line="94"/>
        <source>Co&amp;lumns of the table</source>
        <translation>&amp;Cột của bảng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/import_preview.py" line="110"/>
        <source>Check the columns of the table first.</source>
        <translation>Hãy kiểm tra các cột của bảng trước.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/import_preview.py" line="123"/>
        <source>Commune: {commune} — plan number: {number} — date: {date} — year: {year}. {sections} sections, {groups} groups, {items} indicators and tasks. Nothing is written until you press Import.</source>
        <translation>Xã: {commune} — số kế hoạch: {number} — ngày: {date} — năm: {year}. {sections} mục, {groups} nhóm, {items} chỉ tiêu, nhiệm vụ. Chưa có gì được ghi cho đến khi bạn bấm Nhập.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/import_preview.py" line="130"/>
        <source>Issued by: {issuer}.</source>
        <translation>Cơ quan ban hành: {issuer}.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/import_preview.py" line="134"/>
        <source>This file was already imported (plan #{id}); importing it again creates a second copy.</source>
        <translation>Tệp này đã được nhập (kế hoạch #{id}); nhập lại sẽ tạo bản thứ hai.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/import_preview.py" line="164"/>
        <source>Warnings to check ({n}):</source>
        <translation>Các cảnh báo cần kiểm tra ({n}):</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <location filename="../../desktop_app/ui/dialogs/import_report.py" line="22"/>
        <source>Import finished</source>
        <translation>Đã nhập xong</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/import_report.py" line="26"/>
        <source>Imported the plan of commune {commune} ({number}): {sections} sections, {groups} groups, {items} indicators and tasks.</source>
        <translation>Đã nhập kế hoạch của xã {commune} ({number}): {sections} mục, {groups} nhóm, {items} chỉ tiêu, nhiệm vụ.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/import_report.py" line="30"/>
        <source>no number</source>
        <translation>chưa có số</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/import_report.py" line="42"/>
        <source>Warnings to check ({n}):</source>
        <translation>Các cảnh báo cần kiểm tra ({n}):</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/import_report.py" line="47"/>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
</context>
<context>
    <name>IndicatorsModel</name>
    <message>
        <location filename="../../desktop_app/ui/models/province.py" line="174"/>
        <source>Exceeded</source>
        <translation>Vượt</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/province.py" line="175"/>
        <source>Met</source>
        <translation>Đạt</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/province.py" line="176"/>
        <source>Not met</source>
        <translation>Chưa đạt</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/province.py" line="177"/>
        <source>Not reported</source>
        <translation>Chưa báo cáo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/province.py" line="179"/>
        <source>Indicator</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/province.py" line="180"/>
        <source>Area</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/province.py" line="181"/>
        <source>Communes</source>
        <translation>Số xã</translation>
    </message>
</context>
<context>
    <name>ItemAuditView</name>
    <message>
        <location filename="../../desktop_app/ui/widgets/audit_view.py" line="223"/>
        <source>&amp;Kept versions…</source>
        <translation>&amp;Phiên bản đã lưu…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/audit_view.py" line="224"/>
        <source>Versions of this item replaced or not chosen when data packages were merged; one can be restored.</source>
        <translation>Các phiên bản của chỉ tiêu này bị thay thế hoặc không được chọn khi hợp nhất gói dữ liệu; có thể khôi phục một phiên bản.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/audit_view.py" line="252"/>
        <source>%1 change(s)</source>
        <translation>%1 thay đổi</translation>
    </message>
</context>
<context>
    <name>ItemForm</name>
    <message>
        <location filename="../../desktop_app/ui/widgets/item_form.py" line="53"/>
        <source>Indicator</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/item_form.py" line="54"/>
        <source>Task</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/item_form.py" line="55"/>
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/item_form.py" line="121"/>
        <source>Op.</source>
        <translation>So sánh</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/item_form.py" line="121"/>
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/item_form.py" line="121"/>
        <source>Unit</source>
        <translation>Đơn vị đo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/item_form.py" line="121"/>
        <source>Counted noun</source>
        <translation>Danh từ đếm</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/item_form.py" line="121"/>
        <source>Subject</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/item_form.py" line="125"/>
        <source>Add target</source>
        <translation>Thêm mục tiêu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/item_form.py" line="125"/>
        <source>Remove target</source>
        <translation>Bỏ mục tiêu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/item_form.py" line="58"/>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/item_form.py" line="59"/>
        <source>Ongoing</source>
        <translation>Thường xuyên</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/item_form.py" line="60"/>
        <source>Every year</source>
        <translation>Hằng năm</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/item_form.py" line="61"/>
        <source>Other (text)</source>
        <translation>Khác (ghi chữ)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/item_form.py" line="141"/>
        <source>%, people, households…</source>
        <translation>%, người, hộ…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/item_form.py" line="142"/>
        <source>Target as written</source>
        <translation>Chỉ tiêu (nguyên văn)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/item_form.py" line="143"/>
        <source>More &amp;details</source>
        <translation>Chi &amp;tiết khác</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/item_form.py" line="145"/>
        <source>Coordinating units, explanation, unit of measure, product and budget</source>
        <translation>Đơn vị phối hợp, giải thích, đơn vị tính, sản phẩm và kinh phí</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/item_form.py" line="153"/>
        <source>Names separated by ;</source>
        <translation>Các tên cách nhau bằng dấu ;</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/item_form.py" line="157"/>
        <source>&amp;Reload the saved version</source>
        <translation>&amp;Tải lại bản đã lưu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/item_form.py" line="158"/>
        <source>Show the item as it was saved elsewhere (what you typed is dropped)</source>
        <translation>Hiện chỉ tiêu như đã được lưu ở nơi khác (những gì bạn vừa gõ sẽ bị bỏ)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/item_form.py" line="167"/>
        <source>No.</source>
        <translation>Stt</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/item_form.py" line="168"/>
        <source>Text</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/item_form.py" line="170"/>
        <source>Targets</source>
        <translation>Mục tiêu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/item_form.py" line="180"/>
        <source>Deadline</source>
        <translation>Thời hạn</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/item_form.py" line="181"/>
        <source>Monitoring unit</source>
        <translation>Đơn vị theo dõi</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/item_form.py" line="182"/>
        <source>Implementing units</source>
        <translation>Đơn vị triển khai</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/item_form.py" line="169"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/item_form.py" line="188"/>
        <source>Coordinating units</source>
        <translation>Đơn vị phối hợp</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/item_form.py" line="189"/>
        <source>Explanation</source>
        <translation>Giải thích</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/item_form.py" line="190"/>
        <source>Unit / target</source>
        <translation>Đơn vị tính / chỉ tiêu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/item_form.py" line="191"/>
        <source>Product</source>
        <translation>Sản phẩm</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/item_form.py" line="192"/>
        <source>Budget</source>
        <translation>Kinh phí</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/item_form.py" line="65"/>
        <source>index</source>
        <translation>chỉ số</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/item_form.py" line="66"/>
        <source>count</source>
        <translation>số lượng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/item_form.py" line="67"/>
        <source>none</source>
        <translation>không đơn vị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/item_form.py" line="294"/>
        <source>Target {n}: “{text}” is not a number.</source>
        <translation>Mục tiêu {n}: «{text}» không phải là một số.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/item_form.py" line="347"/>
        <source>Edit item {n}</source>
        <translation>Sửa chỉ tiêu {n}</translation>
    </message>
</context>
<context>
    <name>ItemHistoryView</name>
    <message>
        <location filename="../../desktop_app/ui/widgets/item_history.py" line="98"/>
        <source>Period</source>
        <translation>Kỳ báo cáo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/item_history.py" line="98"/>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/item_history.py" line="98"/>
        <source>Value / status</source>
        <translation>Giá trị / trạng thái</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/item_history.py" line="99"/>
        <source>Result narrative</source>
        <translation>Nội dung kết quả</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/item_history.py" line="99"/>
        <source>Reported by</source>
        <translation>Người báo cáo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/item_history.py" line="99"/>
        <source>Reported at</source>
        <translation>Thời điểm báo cáo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/item_history.py" line="100"/>
        <source>Evidence</source>
        <translation>Minh chứng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/item_history.py" line="110"/>
        <source>Attach evidence…</source>
        <translation>Đính kèm minh chứng…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/item_history.py" line="112"/>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/item_history.py" line="115"/>
        <source>Evidence of the selected report:</source>
        <translation>Minh chứng của báo cáo đang chọn:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/item_history.py" line="165"/>
        <source>Attach evidence</source>
        <translation>Đính kèm minh chứng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/item_history.py" line="165"/>
        <source>All files (*)</source>
        <translation>Tất cả tệp (*)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/item_history.py" line="177"/>
        <source>Cannot attach the file</source>
        <translation>Không đính kèm được tệp</translation>
    </message>
</context>
<context>
    <name>ItemsModel</name>
    <message>
        <location filename="../../desktop_app/ui/models/items.py" line="36"/>
        <source>No.</source>
        <translation>Stt</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/items.py" line="37"/>
        <source>Indicator / task</source>
        <translation>Chỉ tiêu/nhiệm vụ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/items.py" line="38"/>
        <source>Target</source>
        <translation>Mục tiêu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/items.py" line="39"/>
        <source>Monitoring unit</source>
        <translation>Đơn vị theo dõi</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/items.py" line="40"/>
        <source>Implementing units</source>
        <translation>Đơn vị triển khai</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/items.py" line="41"/>
        <source>Deadline</source>
        <translation>Thời hạn</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/items.py" line="42"/>
        <source>Latest result</source>
        <translation>Kết quả mới nhất</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/items.py" line="43"/>
        <source>Assessment</source>
        <translation>Đánh giá</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/items.py" line="44"/>
        <source>Last update</source>
        <translation>Cập nhật</translation>
    </message>
</context>
<context>
    <name>LiveRefresh</name>
    <message>
        <location filename="../../desktop_app/ui/change_watcher.py" line="122"/>
        <source>&amp;Reload data</source>
        <translation>Tải &amp;lại dữ liệu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/change_watcher.py" line="128"/>
        <source>Data was just changed in another window — press F5 to reload.</source>
        <translation>Dữ liệu vừa được thay đổi ở cửa sổ khác — bấm F5 để tải lại.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/change_watcher.py" line="169"/>
        <source>Data reloaded.</source>
        <translation>Đã tải lại dữ liệu.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="38"/>
        <location filename="../../desktop_app/ui/startup.py" line="85"/>
        <source>Commune digital transformation plan tracker</source>
        <translation>Theo dõi Kế hoạch chuyển đổi số cấp xã</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="56"/>
        <source>E&amp;xit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="77"/>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="80"/>
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="84"/>
        <source>&amp;Reports</source>
        <translation>&amp;Báo cáo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="85"/>
        <source>&amp;Backup</source>
        <translation>Sao &amp;lưu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="86"/>
        <source>E&amp;xchange</source>
        <translation>&amp;Trao đổi</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="89"/>
        <source>&amp;Settings</source>
        <translation>&amp;Cài đặt</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="92"/>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="102"/>
        <source>Main toolbar</source>
        <translation>Thanh công cụ chính</translation>
    </message>
</context>
<context>
    <name>MakeFormDialog</name>
    <message>
        <location filename="../../desktop_app/ui/dialogs/forms.py" line="68"/>
        <source>Make a reporting form for a unit</source>
        <translation>Tạo biểu mẫu báo cáo cho đơn vị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/forms.py" line="71"/>
        <source>(no number)</source>
        <translation>(chưa có số)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/forms.py" line="78"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Chọn…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/forms.py" line="83"/>
        <source>The unit fills the yellow cells in Excel and sends the file back; read it with File → Read a filled reporting form…</source>
        <translation>Đơn vị điền vào các ô nền vàng trong Excel rồi gửi lại tệp; đọc tệp bằng Tệp → Đọc biểu mẫu báo cáo đã điền…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/forms.py" line="85"/>
        <source>P&amp;lan:</source>
        <translation>&amp;Kế hoạch:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/forms.py" line="86"/>
        <source>&amp;Unit:</source>
        <translation>Đơn &amp;vị:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/forms.py" line="87"/>
        <source>&amp;Period:</source>
        <translation>Kỳ &amp;báo cáo:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/forms.py" line="91"/>
        <source>&amp;Folder:</source>
        <translation>&amp;Thư mục:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/forms.py" line="94"/>
        <source>File &amp;name:</source>
        <translation>Tên &amp;tệp:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/forms.py" line="96"/>
        <source>&amp;Make the form</source>
        <translation>&amp;Tạo biểu mẫu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/forms.py" line="97"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/forms.py" line="131"/>
        <source>Choose the folder</source>
        <translation>Chọn thư mục</translation>
    </message>
</context>
<context>
    <name>MatchDialog</name>
    <message>
        <location filename="../../desktop_app/ui/widgets/province_view.py" line="55"/>
        <source>Match indicators by hand</source>
        <translation>Khớp chỉ tiêu thủ công</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/province_view.py" line="59"/>
        <source>Indicator:</source>
        <translation>Chỉ tiêu:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/province_view.py" line="60"/>
        <source>Is the same as:</source>
        <translation>Là cùng chỉ tiêu với:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/province_view.py" line="62"/>
        <source>Match</source>
        <translation>Khớp</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/province_view.py" line="63"/>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/province_view.py" line="67"/>
        <source>The two wordings will count as one indicator in every plan, from now on.</source>
        <translation>Từ nay, hai cách ghi này được tính là một chỉ tiêu trong mọi kế hoạch.</translation>
    </message>
</context>
<context>
    <name>PackageExportDialog</name>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_export.py" line="33"/>
        <source>Send a data package</source>
        <translation>Gửi gói dữ liệu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_export.py" line="36"/>
        <source>The package is a signed file (.cdsx) to carry on a USB stick to another office, which imports it with File → Import data package…</source>
        <translation>Gói dữ liệu là một tệp có chữ ký (.cdsx), chép vào USB mang sang đơn vị khác; đơn vị đó nhập bằng Tệp → Nhập gói dữ liệu…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_export.py" line="42"/>
        <source>All plans</source>
        <translation>Tất cả kế hoạch</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_export.py" line="43"/>
        <source>no number</source>
        <translation>không số</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_export.py" line="49"/>
        <source>&amp;Plans:</source>
        <translation>&amp;Kế hoạch:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_export.py" line="51"/>
        <source>Every unit</source>
        <translation>Tất cả đơn vị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_export.py" line="54"/>
        <source>Only the indicators assigned to this unit and the results it reported.</source>
        <translation>Chỉ các chỉ tiêu, nhiệm vụ giao cho đơn vị này và kết quả đơn vị đã báo cáo.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_export.py" line="55"/>
        <source>&amp;Unit:</source>
        <translation>Đơn &amp;vị:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_export.py" line="56"/>
        <source>Only what changed since the last package sent to:</source>
        <translation>Chỉ gửi những gì thay đổi kể từ gói gửi lần trước cho:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_export.py" line="63"/>
        <source>Name of the receiving office</source>
        <translation>Tên đơn vị nhận</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_export.py" line="69"/>
        <source>&amp;Recipient:</source>
        <translation>Đơn vị &amp;nhận:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_export.py" line="71"/>
        <source>The first package for a recipient holds everything; later ones only the changes, so they stay small.</source>
        <translation>Gói đầu tiên gửi cho một đơn vị chứa toàn bộ dữ liệu; các gói sau chỉ chứa phần thay đổi nên nhỏ gọn.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_export.py" line="76"/>
        <source>&amp;Next…</source>
        <translation>&amp;Tiếp…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_export.py" line="77"/>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
</context>
<context>
    <name>PackagePreviewDialog</name>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="36"/>
        <source>New</source>
        <translation>Mới</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="37"/>
        <source>Updated</source>
        <translation>Cập nhật</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="38"/>
        <source>Conflict</source>
        <translation>Xung đột</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="39"/>
        <source>Refused</source>
        <translation>Bị từ chối</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="40"/>
        <source>Unchanged</source>
        <translation>Không đổi</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="43"/>
        <source>Text</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="44"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="45"/>
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="46"/>
        <source>Numerator</source>
        <translation>Tử số</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="47"/>
        <source>Denominator</source>
        <translation>Mẫu số</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="48"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="49"/>
        <source>Result achieved</source>
        <translation>Kết quả thực hiện</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="50"/>
        <source>Evidence</source>
        <translation>Minh chứng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="51"/>
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="52"/>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="53"/>
        <source>Original wording</source>
        <translation>Nguyên văn</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="54"/>
        <source>Due date</source>
        <translation>Hạn</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="55"/>
        <source>Period name</source>
        <translation>Tên kỳ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="56"/>
        <source>Commune</source>
        <translation>Xã</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="57"/>
        <source>Plan number</source>
        <translation>Số kế hoạch</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="58"/>
        <source>Plan date</source>
        <translation>Ngày kế hoạch</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="59"/>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="60"/>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="61"/>
        <source>Number</source>
        <translation>Số thứ tự</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="62"/>
        <source>Position</source>
        <translation>Vị trí</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="63"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="64"/>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="65"/>
        <source>Unit of measure</source>
        <translation>Đơn vị tính</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="66"/>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="67"/>
        <source>Subject</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="68"/>
        <source>Start</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="69"/>
        <source>End</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="70"/>
        <source>Document number</source>
        <translation>Số văn bản</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="71"/>
        <source>Document date</source>
        <translation>Ngày văn bản</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="72"/>
        <source>Deletion (another office&apos;s record)</source>
        <translation>Xoá (bản ghi của đơn vị khác)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="73"/>
        <source>Reported on</source>
        <translation>Ngày báo cáo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="74"/>
        <source>Reported by</source>
        <translation>Người báo cáo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="75"/>
        <source>File name</source>
        <translation>Tên tệp</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="76"/>
        <source>Section</source>
        <translation>Phần</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="77"/>
        <source>Group</source>
        <translation>Nhóm</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="78"/>
        <source>Period</source>
        <translation>Kỳ báo cáo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="113"/>
        <source>Data package «%1»</source>
        <translation>Gói dữ liệu «%1»</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="121"/>
        <source>Records (%1)</source>
        <translation>Bản ghi (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="127"/>
        <source>Conflicts (%1)</source>
        <translation>Xung đột (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="133"/>
        <source>&amp;Apply</source>
        <translation>&amp;Nhập</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="134"/>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="138"/>
        <source>Nothing changes: this data is already here.</source>
        <translation>Không có gì thay đổi: dữ liệu này đã có ở đây.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="141"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="151"/>
        <source>Sent by:</source>
        <translation>Đơn vị gửi:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="155"/>
        <source>Key fingerprint:</source>
        <translation>Dấu vân tay khoá:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="157"/>
        <source>Trusted (its key was confirmed before)</source>
        <translation>Đã tin cậy (khoá đã được xác nhận trước đây)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="159"/>
        <source>New sender: its key will be trusted when you apply this package</source>
        <translation>Đơn vị gửi mới: khoá của đơn vị này sẽ được tin cậy khi bạn nhập gói</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="162"/>
        <source>Trust:</source>
        <translation>Tin cậy:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="163"/>
        <source>Made on:</source>
        <translation>Ngày tạo gói:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="175"/>
        <source>All</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="179"/>
        <source>&amp;Show:</source>
        <translation>&amp;Hiện:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="187"/>
        <source>What happens</source>
        <translation>Xử lý</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="187"/>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="245"/>
        <source>Record</source>
        <translation>Bản ghi</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="187"/>
        <source>Detail</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="187"/>
        <source>Changed fields</source>
        <translation>Trường thay đổi</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="239"/>
        <source>Both sides changed these fields. Choose for each which version to keep. The version not chosen is kept in the record&apos;s history and can be restored later.</source>
        <translation>Cả hai bên đều đã sửa các trường dưới đây. Hãy chọn giữ bản nào cho từng trường. Bản không được chọn vẫn được lưu trong lịch sử của bản ghi và có thể khôi phục lại sau.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="245"/>
        <source>Field</source>
        <translation>Trường</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="245"/>
        <source>Here</source>
        <translation>Bản ở đây</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="245"/>
        <source>Sent here</source>
        <translation>Bản gửi đến</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="245"/>
        <source>Keep</source>
        <translation>Giữ bản</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="260"/>
        <source>Keep the version here</source>
        <translation>Giữ bản ở đây</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="261"/>
        <source>Take the version sent</source>
        <translation>Lấy bản gửi đến</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="280"/>
        <source>Keep all &amp;here</source>
        <translation>Giữ tất cả bản ở đâ&amp;y</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_preview.py" line="281"/>
        <source>Take all &amp;sent</source>
        <translation>Lấy tất cả bản &amp;gửi đến</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../desktop_app/ui/dialogs/accounts.py" line="158"/>
        <source>Set the password of «%1»</source>
        <translation>Đặt mật khẩu cho «%1»</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/accounts.py" line="159"/>
        <source>Change my password</source>
        <translation>Đổi mật khẩu của tôi</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/accounts.py" line="163"/>
        <source>&amp;Current password:</source>
        <translation>Mật khẩu &amp;hiện tại:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/accounts.py" line="164"/>
        <source>&amp;New password (at least 8 characters):</source>
        <translation>Mật khẩu &amp;mới (ít nhất 8 ký tự):</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/accounts.py" line="165"/>
        <source>Password &amp;again:</source>
        <translation>Nhập &amp;lại mật khẩu:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/accounts.py" line="173"/>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/accounts.py" line="178"/>
        <source>The two passwords are not the same.</source>
        <translation>Hai lần nhập mật khẩu không giống nhau.</translation>
    </message>
</context>
<context>
    <name>PlanBrowser</name>
    <message>
        <location filename="../../desktop_app/ui/widgets/plan_browser.py" line="78"/>
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/plan_browser.py" line="79"/>
        <source>History</source>
        <translation>Lịch sử</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/plan_browser.py" line="80"/>
        <source>Changes</source>
        <translation>Thay đổi</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/plan_browser.py" line="93"/>
        <source>Indicators and tasks</source>
        <translation>Chỉ tiêu, nhiệm vụ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/plan_browser.py" line="94"/>
        <source>Enter results</source>
        <translation>Nhập kết quả</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/plan_browser.py" line="95"/>
        <source>Dashboard</source>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/plan_browser.py" line="183"/>
        <source>No plan yet. Use File → Import appendix… (Ctrl+O).</source>
        <translation>Chưa có kế hoạch nào. Dùng Tệp → Nhập phụ lục… (Ctrl+O).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/plan_browser.py" line="253"/>
        <source>{n} indicators and tasks</source>
        <translation>{n} chỉ tiêu, nhiệm vụ</translation>
    </message>
</context>
<context>
    <name>PlanHeaderDialog</name>
    <message>
        <location filename="../../desktop_app/ui/controllers/structure.py" line="64"/>
        <source>Plan information</source>
        <translation>Thông tin kế hoạch</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/structure.py" line="66"/>
        <source>No date yet</source>
        <translation>Chưa có ngày</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/structure.py" line="79"/>
        <source>Commune</source>
        <translation>Xã</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/structure.py" line="80"/>
        <source>Plan number</source>
        <translation>Số kế hoạch</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/structure.py" line="81"/>
        <source>Plan date</source>
        <translation>Ngày ban hành</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/structure.py" line="83"/>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/structure.py" line="85"/>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/structure.py" line="86"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>PlanReadOnlyWindow</name>
    <message>
        <location filename="../../desktop_app/ui/widgets/plan_readonly.py" line="32"/>
        <source>%1 (read-only)</source>
        <translation>%1 (chỉ xem)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/plan_readonly.py" line="35"/>
        <source>Search indicators and tasks…</source>
        <translation>Tìm chỉ tiêu, nhiệm vụ…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/plan_readonly.py" line="62"/>
        <source>%1 indicators and tasks</source>
        <translation>%1 chỉ tiêu, nhiệm vụ</translation>
    </message>
</context>
<context>
    <name>PlanTree</name>
    <message>
        <location filename="../../desktop_app/ui/models/plan_tree.py" line="35"/>
        <source>Plans</source>
        <translation>Kế hoạch</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/plan_tree.py" line="37"/>
        <source>no number</source>
        <translation>chưa có số</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/plan_tree.py" line="38"/>
        <source>Commune {commune} — {year} ({number})</source>
        <translation>Xã {commune} — năm {year} ({number})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/plan_tree.py" line="41"/>
        <source>{n} indicators and tasks</source>
        <translation>{n} chỉ tiêu, nhiệm vụ</translation>
    </message>
</context>
<context>
    <name>ProgressGridModel</name>
    <message>
        <location filename="../../desktop_app/ui/models/progress_grid.py" line="44"/>
        <source>No.</source>
        <translation>Stt</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/progress_grid.py" line="45"/>
        <source>Indicator / task</source>
        <translation>Chỉ tiêu/nhiệm vụ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/progress_grid.py" line="46"/>
        <source>Target</source>
        <translation>Mục tiêu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/progress_grid.py" line="47"/>
        <source>Value / status</source>
        <translation>Giá trị / trạng thái</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/progress_grid.py" line="48"/>
        <source>Result narrative</source>
        <translation>Nội dung kết quả</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/progress_grid.py" line="49"/>
        <source>Evidence</source>
        <translation>Minh chứng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/progress_grid.py" line="50"/>
        <source>Document no.</source>
        <translation>Số văn bản</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/progress_grid.py" line="51"/>
        <source>Issued on</source>
        <translation>Ngày ban hành</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/progress_grid.py" line="52"/>
        <source>Assessment</source>
        <translation>Đánh giá</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/progress_grid.py" line="164"/>
        <source>Reporting unit: %1</source>
        <translation>Đơn vị báo cáo: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/progress_grid.py" line="167"/>
        <source>Deadline: %1</source>
        <translation>Thời hạn: %1</translation>
    </message>
</context>
<context>
    <name>ProgressGridWidget</name>
    <message>
        <location filename="../../desktop_app/ui/models/progress_grid.py" line="56"/>
        <source>Monthly</source>
        <translation>Tháng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/progress_grid.py" line="57"/>
        <source>Quarterly</source>
        <translation>Quý</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/progress_grid.py" line="58"/>
        <source>Six-monthly</source>
        <translation>6 tháng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/progress_grid.py" line="59"/>
        <source>Yearly</source>
        <translation>Năm</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/progress_grid.py" line="62"/>
        <source>Calendar periods</source>
        <translation>Theo lịch</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/models/progress_grid.py" line="63"/>
        <source>Decree 09/2019 windows</source>
        <translation>Theo Nghị định 09/2019</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/progress_grid.py" line="227"/>
        <source>Reporting:</source>
        <translation>Kỳ báo cáo:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/progress_grid.py" line="228"/>
        <source>Period:</source>
        <translation>Kỳ:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/progress_grid.py" line="228"/>
        <source>Implementing unit:</source>
        <translation>Đơn vị triển khai:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/progress_grid.py" line="254"/>
        <source>All units</source>
        <translation>Mọi đơn vị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/progress_grid.py" line="353"/>
        <source>This plan has no year, so it has no reporting periods yet.</source>
        <translation>Kế hoạch chưa có năm nên chưa có kỳ báo cáo.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/progress_grid.py" line="359"/>
        <source>Saved %1: %2</source>
        <translation>Đã lưu %1: %2</translation>
    </message>
</context>
<context>
    <name>ProvinceView</name>
    <message>
        <location filename="../../desktop_app/ui/widgets/province_view.py" line="105"/>
        <source>Filter communes…</source>
        <translation>Lọc theo tên xã…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/province_view.py" line="109"/>
        <source>All communes</source>
        <translation>Tất cả các xã</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/province_view.py" line="109"/>
        <source>With a red area</source>
        <translation>Có lĩnh vực màu đỏ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/province_view.py" line="110"/>
        <source>All areas green</source>
        <translation>Mọi lĩnh vực màu xanh</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/province_view.py" line="113"/>
        <source>Import packages from a folder…</source>
        <translation>Nhập các gói dữ liệu từ thư mục…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/province_view.py" line="115"/>
        <source>Export to Excel…</source>
        <translation>Xuất ra Excel…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/province_view.py" line="117"/>
        <source>Export to PDF…</source>
        <translation>Xuất ra PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/province_view.py" line="120"/>
        <source>Year:</source>
        <translation>Năm:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/province_view.py" line="122"/>
        <source>Commune&apos;s change &amp;log…</source>
        <translation>Nhật ký &amp;thay đổi của xã…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/province_view.py" line="123"/>
        <source>Who changed what in the chosen commune&apos;s plan, as its packages tell it</source>
        <translation>Ai đã thay đổi gì trong kế hoạch của xã đang chọn, theo các gói dữ liệu xã gửi lên</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/province_view.py" line="142"/>
        <source>Match by hand…</source>
        <translation>Khớp thủ công…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/province_view.py" line="144"/>
        <location filename="../../desktop_app/ui/widgets/province_view.py" line="331"/>
        <location filename="../../desktop_app/ui/widgets/province_view.py" line="336"/>
        <source>Forget hand match</source>
        <translation>Bỏ khớp thủ công</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/province_view.py" line="149"/>
        <source>Indicators found in at least two plans (same wording, or matched by hand).</source>
        <translation>Các chỉ tiêu có trong ít nhất hai kế hoạch (cùng cách ghi, hoặc đã khớp thủ công).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/province_view.py" line="158"/>
        <source>Communes</source>
        <translation>Các xã</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/province_view.py" line="159"/>
        <source>Indicators</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/province_view.py" line="185"/>
        <source>All years</source>
        <translation>Tất cả các năm</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/province_view.py" line="197"/>
        <source>%1 communes; %2 indicators matched across plans.</source>
        <translation>%1 xã; %2 chỉ tiêu khớp giữa các kế hoạch.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/province_view.py" line="229"/>
        <source>Province comparison</source>
        <translation>So sánh các xã</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/province_view.py" line="237"/>
        <source>Choose the folder of the packages</source>
        <translation>Chọn thư mục chứa các gói dữ liệu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/province_view.py" line="251"/>
        <location filename="../../desktop_app/ui/widgets/province_view.py" line="252"/>
        <source>Import packages</source>
        <translation>Nhập gói dữ liệu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/province_view.py" line="253"/>
        <source>%1 packages come from communes whose key is not trusted yet (their fingerprints are listed above). Trust these senders and import their packages? Answer yes only if you have compared the fingerprints with the communes.</source>
        <translation>%1 gói đến từ các xã có khóa chưa được tin cậy (dấu vân tay đã liệt kê ở trên). Tin cậy các đơn vị gửi này và nhập gói của họ? Chỉ chọn «Có» khi đã so dấu vân tay với các xã.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/province_view.py" line="258"/>
        <source>Importing the packages…</source>
        <translation>Đang nhập các gói dữ liệu…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/province_view.py" line="268"/>
        <source>The folder holds no data package (.cdsx).</source>
        <translation>Thư mục không có gói dữ liệu nào (.cdsx).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/province_view.py" line="269"/>
        <source>%1 of %2 packages imported.</source>
        <translation>Đã nhập %1/%2 gói.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/province_view.py" line="272"/>
        <source>Skipped:</source>
        <translation>Bỏ qua:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/province_view.py" line="281"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Sổ tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/province_view.py" line="281"/>
        <source>PDF document (*.pdf)</source>
        <translation>Tài liệu PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/province_view.py" line="282"/>
        <source>Export the comparison</source>
        <translation>Xuất bảng so sánh</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/province_view.py" line="295"/>
        <source>Saved %1.</source>
        <translation>Đã lưu %1.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/province_view.py" line="297"/>
        <source>Exporting the comparison…</source>
        <translation>Đang xuất bảng so sánh…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/province_view.py" line="331"/>
        <source>Select an indicator first.</source>
        <translation>Hãy chọn một chỉ tiêu trước.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/province_view.py" line="337"/>
        <source>This indicator was matched by its wording, not by hand.</source>
        <translation>Chỉ tiêu này được khớp theo cách ghi, không phải khớp thủ công.</translation>
    </message>
</context>
<context>
    <name>ProvinceWindow</name>
    <message>
        <location filename="../../desktop_app/ui/widgets/province_view.py" line="349"/>
        <source>Province comparison</source>
        <translation>So sánh các xã</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../desktop_app/ui/dialogs/report.py" line="57"/>
        <source>Print a report</source>
        <translation>In báo cáo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/report.py" line="57"/>
        <source>Export a report</source>
        <translation>Xuất báo cáo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/report.py" line="60"/>
        <source>Progress report (PDF)</source>
        <translation>Báo cáo kết quả thực hiện (PDF)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/report.py" line="61"/>
        <source>Progress report, editable (Word)</source>
        <translation>Báo cáo kết quả thực hiện, sửa được (Word)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/report.py" line="62"/>
        <source>One unit&apos;s report (PDF)</source>
        <translation>Báo cáo theo đơn vị (PDF)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/report.py" line="63"/>
        <source>One unit&apos;s report, editable (Word)</source>
        <translation>Báo cáo theo đơn vị, sửa được (Word)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/report.py" line="64"/>
        <source>Plan appendix for meetings (PDF)</source>
        <translation>Phụ lục kế hoạch để họp (PDF)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/report.py" line="65"/>
        <source>Plan appendix for meetings (Word)</source>
        <translation>Phụ lục kế hoạch để họp (Word)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/report.py" line="66"/>
        <source>Excel workbook: appendix with every period&apos;s results</source>
        <translation>Bảng Excel: phụ lục kèm kết quả các kỳ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/report.py" line="67"/>
        <source>CSV data for pivot tables</source>
        <translation>Dữ liệu CSV để lập bảng tổng hợp</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/report.py" line="75"/>
        <source>(no number)</source>
        <translation>(chưa có số)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/report.py" line="83"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Chọn…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/report.py" line="85"/>
        <source>&amp;Open the file when it is ready</source>
        <translation>&amp;Mở tệp khi đã xong</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/report.py" line="91"/>
        <source>&amp;Report:</source>
        <translation>&amp;Báo cáo:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/report.py" line="92"/>
        <source>P&amp;lan:</source>
        <translation>&amp;Kế hoạch:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/report.py" line="93"/>
        <source>&amp;Period:</source>
        <translation>Kỳ &amp;báo cáo:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/report.py" line="94"/>
        <source>&amp;Unit:</source>
        <translation>Đơn &amp;vị:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/report.py" line="99"/>
        <source>&amp;Folder:</source>
        <translation>&amp;Thư mục:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/report.py" line="102"/>
        <source>File &amp;name:</source>
        <translation>Tên &amp;tệp:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/report.py" line="105"/>
        <source>&amp;Print…</source>
        <translation>&amp;In…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/report.py" line="105"/>
        <source>&amp;Export</source>
        <translation>&amp;Xuất</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/report.py" line="107"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/report.py" line="137"/>
        <source>Everything reported up to today</source>
        <translation>Mọi kết quả đến hôm nay</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/report.py" line="169"/>
        <source>Choose the folder</source>
        <translation>Chọn thư mục</translation>
    </message>
</context>
<context>
    <name>ReportFlow</name>
    <message>
        <location filename="../../desktop_app/ui/controllers/reports.py" line="30"/>
        <source>&amp;Export report…</source>
        <translation>&amp;Xuất báo cáo…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/reports.py" line="31"/>
        <source>Print pre&amp;view…</source>
        <translation>&amp;Xem trước khi in…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/reports.py" line="32"/>
        <source>&amp;Print…</source>
        <translation>&amp;In…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/reports.py" line="33"/>
        <source>&amp;Report header and recipients…</source>
        <translation>&amp;Tiêu đề báo cáo và nơi nhận…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/reports.py" line="56"/>
        <source>Saved %1 (%2 items).</source>
        <translation>Đã lưu %1 (%2 chỉ tiêu/nhiệm vụ).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/reports.py" line="61"/>
        <source>Writing the report…</source>
        <translation>Đang ghi báo cáo…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/reports.py" line="74"/>
        <source>Preparing the pages…</source>
        <translation>Đang chuẩn bị các trang…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/reports.py" line="82"/>
        <source>Print preview</source>
        <translation>Xem trước khi in</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/reports.py" line="91"/>
        <source>Print</source>
        <translation>In</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/reports.py" line="97"/>
        <source>Report settings saved.</source>
        <translation>Đã lưu thiết lập báo cáo.</translation>
    </message>
</context>
<context>
    <name>ReportSettingsDialog</name>
    <message>
        <location filename="../../desktop_app/ui/dialogs/report_settings.py" line="31"/>
        <source>Report header and recipients</source>
        <translation>Tiêu đề báo cáo và nơi nhận</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/report_settings.py" line="35"/>
        <source>From the plan: UBND XÃ &lt;commune&gt;</source>
        <translation>Theo kế hoạch: UBND XÃ &lt;tên xã&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/report_settings.py" line="37"/>
        <source>From the plan: the commune&apos;s name</source>
        <translation>Theo kế hoạch: tên xã</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/report_settings.py" line="41"/>
        <source>Left blank to be written by hand</source>
        <translation>Để trống để viết tay</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/report_settings.py" line="45"/>
        <source>&amp;Issuing body:</source>
        <translation>&amp;Cơ quan ban hành:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/report_settings.py" line="46"/>
        <source>&amp;Place before the date:</source>
        <translation>&amp;Địa danh trước ngày tháng:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/report_settings.py" line="47"/>
        <source>Signing &amp;on behalf of:</source>
        <translation>&amp;Thay mặt:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/report_settings.py" line="48"/>
        <source>Signer&apos;s &amp;title:</source>
        <translation>&amp;Chức vụ người ký:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/report_settings.py" line="49"/>
        <source>Signer&apos;s &amp;name:</source>
        <translation>&amp;Họ tên người ký:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/report_settings.py" line="50"/>
        <source>&amp;Recipients (one per line):</source>
        <translation>&amp;Nơi nhận (mỗi dòng một nơi):</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/report_settings.py" line="51"/>
        <source>These settings are kept in the database and used by every report.</source>
        <translation>Các thiết lập này được lưu trong cơ sở dữ liệu và dùng cho mọi báo cáo.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/report_settings.py" line="53"/>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/report_settings.py" line="54"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../desktop_app/ui/dialogs/restore.py" line="33"/>
        <source>Restore from a backup</source>
        <translation>Khôi phục từ bản sao lưu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/restore.py" line="36"/>
        <source>Choose the backup to restore. The current data is backed up first, so this can be undone by restoring that copy.</source>
        <translation>Chọn bản sao lưu cần khôi phục. Dữ liệu hiện tại được sao lưu trước, nên có thể hoàn tác bằng cách khôi phục bản sao đó.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/restore.py" line="39"/>
        <source>Date</source>
        <translation>Ngày giờ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/restore.py" line="39"/>
        <source>Size</source>
        <translation>Dung lượng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/restore.py" line="39"/>
        <source>Plans</source>
        <translation>Số kế hoạch</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/restore.py" line="39"/>
        <source>Made</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/restore.py" line="50"/>
        <source>unreadable</source>
        <translation>không đọc được</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/restore.py" line="64"/>
        <source>No backup yet beside the database.</source>
        <translation>Chưa có bản sao lưu nào cạnh tệp dữ liệu.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/restore.py" line="68"/>
        <source>&amp;Restore</source>
        <translation>&amp;Khôi phục</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/restore.py" line="69"/>
        <source>&amp;Other file…</source>
        <translation>&amp;Tệp khác…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/restore.py" line="71"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/restore.py" line="89"/>
        <source>Choose a backup file</source>
        <translation>Chọn tệp sao lưu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/restore.py" line="90"/>
        <source>Database (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>Cơ sở dữ liệu (*.sqlite3 *.sqlite *.db);;Mọi tệp (*)</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../desktop_app/ui/dialogs/sign_in.py" line="46"/>
        <source>Sign in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/sign_in.py" line="49"/>
        <source>This data requires signing in. Enter your login and password.</source>
        <translation>Dữ liệu này yêu cầu đăng nhập. Hãy nhập tên đăng nhập và mật khẩu.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/sign_in.py" line="58"/>
        <source>&amp;Login:</source>
        <translation>&amp;Tên đăng nhập:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/sign_in.py" line="58"/>
        <source>&amp;Password:</source>
        <translation>&amp;Mật khẩu:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/sign_in.py" line="70"/>
        <source>&amp;Sign in</source>
        <translation>Đăng &amp;nhập</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/sign_in.py" line="72"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/sign_in.py" line="91"/>
        <source>Enter your login and password.</source>
        <translation>Hãy nhập tên đăng nhập và mật khẩu.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/sign_in.py" line="121"/>
        <source>Wrong login or password %1 times in a row. Wait %2 seconds, then try again.</source>
        <translation>Sai tên đăng nhập hoặc mật khẩu %1 lần liên tiếp. Hãy đợi %2 giây rồi thử lại.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/sign_in.py" line="134"/>
        <source>You can try again now.</source>
        <translation>Bây giờ có thể thử lại.</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../desktop_app/ui/startup.py" line="92"/>
        <source>Opening the data…</source>
        <translation>Đang mở dữ liệu…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/startup.py" line="132"/>
        <source>The data file is missing</source>
        <translation>Không tìm thấy tệp dữ liệu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/startup.py" line="133"/>
        <source>The data file is damaged</source>
        <translation>Tệp dữ liệu bị hỏng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/startup.py" line="137"/>
        <source>No intact backup was found. Start with an empty data file?</source>
        <translation>Không tìm thấy bản sao lưu nguyên vẹn nào. Bắt đầu với một tệp dữ liệu trống?</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/startup.py" line="145"/>
        <source>No intact backup was found beside it. Do not delete the file; ask for support.</source>
        <translation>Không tìm thấy bản sao lưu nguyên vẹn nào cạnh tệp. Đừng xóa tệp này; hãy liên hệ hỗ trợ kỹ thuật.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/startup.py" line="149"/>
        <source>Restore the newest intact backup, made %1 (%2 plans)?</source>
        <translation>Khôi phục bản sao lưu nguyên vẹn mới nhất, tạo lúc %1 (%2 kế hoạch)?</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/startup.py" line="152"/>
        <source>Restore the newest intact backup, made %1 (%2 plans)? A copy of the damaged file is kept in the «backups» folder.</source>
        <translation>Khôi phục bản sao lưu nguyên vẹn mới nhất, lập lúc %1 (%2 kế hoạch)? Một bản sao của tệp bị hỏng được giữ trong thư mục «backups».</translation>
    </message>
</context>
<context>
    <name>StructureActions</name>
    <message>
        <location filename="../../desktop_app/ui/controllers/structure.py" line="106"/>
        <source>&amp;Add item after this one</source>
        <translation>&amp;Thêm chỉ tiêu sau dòng này</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/structure.py" line="108"/>
        <source>&amp;Delete item…</source>
        <translation>&amp;Xóa chỉ tiêu…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/structure.py" line="110"/>
        <source>Move item &amp;up</source>
        <translation>Chuyển chỉ tiêu &amp;lên</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/structure.py" line="112"/>
        <source>Move item do&amp;wn</source>
        <translation>Chuyển chỉ tiêu &amp;xuống</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/structure.py" line="114"/>
        <source>&amp;Plan information…</source>
        <translation>&amp;Thông tin kế hoạch…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/structure.py" line="115"/>
        <source>&amp;Rename section or group…</source>
        <translation>Đổi tên &amp;mục hoặc nhóm…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/structure.py" line="117"/>
        <source>Move section or group up</source>
        <translation>Chuyển mục/nhóm lên</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/structure.py" line="119"/>
        <source>Move section or group down</source>
        <translation>Chuyển mục/nhóm xuống</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/structure.py" line="140"/>
        <source>Cannot do this</source>
        <translation>Không thực hiện được</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/structure.py" line="195"/>
        <source>Edit plan information</source>
        <translation>Sửa thông tin kế hoạch</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/structure.py" line="205"/>
        <source>Rename</source>
        <translation>Đổi tên</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/structure.py" line="205"/>
        <source>New title:</source>
        <translation>Tên mới:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/structure.py" line="212"/>
        <source>Rename “{old}”</source>
        <translation>Đổi tên «{old}»</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/structure.py" line="225"/>
        <source>Move heading</source>
        <translation>Chuyển mục/nhóm</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/structure.py" line="238"/>
        <location filename="../../desktop_app/ui/controllers/structure.py" line="250"/>
        <source>Move item</source>
        <translation>Chuyển chỉ tiêu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/structure.py" line="267"/>
        <source>Add item</source>
        <translation>Thêm chỉ tiêu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/structure.py" line="275"/>
        <source>Delete item</source>
        <translation>Xóa chỉ tiêu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/structure.py" line="276"/>
        <source>Delete “{label}” with its targets, units and reported results? You can undo it with Ctrl+Z.</source>
        <translation>Xóa «{label}» cùng các mục tiêu, đơn vị và kết quả đã báo cáo? Có thể hoàn tác bằng Ctrl+Z.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/controllers/structure.py" line="288"/>
        <source>Delete item {label}</source>
        <translation>Xóa chỉ tiêu {label}</translation>
    </message>
</context>
<context>
    <name>TableRoles</name>
    <message>
        <location filename="../../desktop_app/ui/widgets/column_roles.py" line="57"/>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/column_roles.py" line="57"/>
        <source>Header</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/column_roles.py" line="70"/>
        <source>The program is not sure of this column: check its role.</source>
        <translation>Chương trình chưa chắc về cột này: hãy kiểm tra vai trò của nó.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/column_roles.py" line="71"/>
        <source>Role of column {n}</source>
        <translation>Vai trò của cột {n}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets/column_roles.py" line="75"/>
        <source>(empty)</source>
        <translation>(trống)</translation>
    </message>
</context>
<context>
    <name>TrustSenderDialog</name>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_destination.py" line="155"/>
        <source>A new sender</source>
        <translation>Đơn vị gửi mới</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_destination.py" line="157"/>
        <source>This data package comes from «%1», whose key this computer has not seen before.</source>
        <translation>Gói dữ liệu này do «%1» gửi; máy này chưa từng thấy khoá của đơn vị đó.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_destination.py" line="161"/>
        <source>Key fingerprint:</source>
        <translation>Dấu vân tay khoá:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_destination.py" line="169"/>
        <source>Before importing, phone the sender and ask them to read out the fingerprint shown in their program for their own computer. Import only if every group is the same. If it differs, the package may be forged: do not import it.</source>
        <translation>Trước khi nhập, hãy gọi điện cho người gửi và nhờ họ đọc dấu vân tay khoá của máy họ (hiện trong chương trình của họ). Chỉ nhập khi mọi nhóm ký tự đều giống nhau. Nếu khác, gói có thể bị giả mạo: không nhập gói này.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_destination.py" line="174"/>
        <source>Installation: %1</source>
        <translation>Mã cài đặt: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_destination.py" line="179"/>
        <source>Trust and import</source>
        <translation>Tin cậy và nhập</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/exchange_destination.py" line="180"/>
        <source>Do not import</source>
        <translation>Không nhập</translation>
    </message>
</context>
<context>
    <name>UnitManager</name>
    <message>
        <location filename="../../desktop_app/ui/dialogs/unit_manager.py" line="63"/>
        <source>Rename unit “{old}” to “{new}”</source>
        <translation>Đổi tên đơn vị «{old}» thành «{new}»</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/unit_manager.py" line="64"/>
        <source>Merge unit “{a}” into “{b}”</source>
        <translation>Gộp đơn vị «{a}» vào «{b}»</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/unit_manager.py" line="65"/>
        <source>Units</source>
        <translation>Đơn vị</translation>
    </message>
</context>
<context>
    <name>UnitManagerDialog</name>
    <message>
        <location filename="../../desktop_app/ui/dialogs/unit_manager.py" line="218"/>
        <source>Units</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/unit_manager.py" line="222"/>
        <source>Search units…</source>
        <translation>Tìm đơn vị…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/unit_manager.py" line="240"/>
        <source>Rename…</source>
        <translation>Đổi tên…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/unit_manager.py" line="243"/>
        <source>Merge into…</source>
        <translation>Gộp vào…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/unit_manager.py" line="246"/>
        <location filename="../../desktop_app/ui/dialogs/unit_manager.py" line="260"/>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/unit_manager.py" line="248"/>
        <location filename="../../desktop_app/ui/dialogs/unit_manager.py" line="262"/>
        <source>Redo</source>
        <translation>Làm lại</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/unit_manager.py" line="265"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/unit_manager.py" line="360"/>
        <source>Rename unit</source>
        <translation>Đổi tên đơn vị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/unit_manager.py" line="360"/>
        <source>New name of “{name}”:</source>
        <translation>Tên mới của «{name}»:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/unit_manager.py" line="391"/>
        <location filename="../../desktop_app/ui/dialogs/unit_manager.py" line="404"/>
        <source>Merge units</source>
        <translation>Gộp đơn vị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/unit_manager.py" line="391"/>
        <source>Keep which name? The other becomes a spelling of it:</source>
        <translation>Giữ tên nào? Tên còn lại trở thành một cách viết của nó:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/unit_manager.py" line="404"/>
        <source>Merge “{name}” into:</source>
        <translation>Gộp «{name}» vào:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/unit_manager.py" line="440"/>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/unit_manager.py" line="441"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>UnitsModel</name>
    <message>
        <location filename="../../desktop_app/ui/dialogs/unit_manager.py" line="56"/>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/unit_manager.py" line="57"/>
        <source>Other spellings</source>
        <translation>Các cách viết khác</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/unit_manager.py" line="58"/>
        <source>Items</source>
        <translation>Số chỉ tiêu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/unit_manager.py" line="59"/>
        <source>Reports</source>
        <translation>Số báo cáo</translation>
    </message>
</context>
<context>
    <name>VersionsDialog</name>
    <message>
        <location filename="../../desktop_app/ui/dialogs/versions.py" line="56"/>
        <source>Versions kept when merging</source>
        <translation>Phiên bản đã lưu khi hợp nhất</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/versions.py" line="59"/>
        <source>When a data package is merged, the version of a record that was replaced, not chosen in a conflict, or deleted as the sender had deleted it is kept here. Restoring one puts it back as a change made on this computer, sent with the next data package; the version it replaces is kept in turn.</source>
        <translation>Khi hợp nhất một gói dữ liệu, phiên bản của bản ghi bị thay, không được chọn khi xung đột, hoặc bị xoá theo bên gửi được lưu ở đây. Khôi phục một phiên bản sẽ đưa nó trở lại như một thay đổi làm trên máy này, được gửi đi trong gói dữ liệu sau; phiên bản bị thay lại được lưu vào đây.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/versions.py" line="66"/>
        <source>Only this item and its targets, deadline, units and reports.</source>
        <translation>Chỉ của chỉ tiêu/nhiệm vụ này và các mục tiêu, thời hạn, đơn vị, kết quả của nó.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/versions.py" line="68"/>
        <source>Show versions already &amp;restored</source>
        <translation>&amp;Hiện cả các phiên bản đã khôi phục</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/versions.py" line="84"/>
        <source>Re&amp;store this version</source>
        <translation>&amp;Khôi phục phiên bản này</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/versions.py" line="87"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/versions.py" line="96"/>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/versions.py" line="96"/>
        <source>Record</source>
        <translation>Bản ghi</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/versions.py" line="96"/>
        <source>Kind of record</source>
        <translation>Loại bản ghi</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/versions.py" line="96"/>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/versions.py" line="96"/>
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/versions.py" line="116"/>
        <source>Field</source>
        <translation>Trường</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/versions.py" line="116"/>
        <source>Now</source>
        <translation>Hiện tại</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/versions.py" line="116"/>
        <source>Kept version</source>
        <translation>Bản đã lưu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/versions.py" line="139"/>
        <source>restored %1</source>
        <translation>đã khôi phục %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/versions.py" line="140"/>
        <source>%1 (no longer here)</source>
        <translation>%1 (không còn ở đây)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/versions.py" line="179"/>
        <source>No kept version.</source>
        <translation>Không có phiên bản nào được lưu.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/versions.py" line="183"/>
        <source>This record is no longer here: restoring re-creates it, with the records deleted together with it.</source>
        <translation>Bản ghi này không còn ở đây: khôi phục sẽ tạo lại nó, cùng các bản ghi bị xoá cùng với nó.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/versions.py" line="199"/>
        <source>Restore this version of «%1»?</source>
        <translation>Khôi phục phiên bản này của «%1»?</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/versions.py" line="200"/>
        <source>The record as it is now is kept in this list, so this can be undone. The change is sent with the next data package.</source>
        <translation>Bản ghi như hiện tại được lưu vào danh sách này nên có thể hoàn tác. Thay đổi sẽ được gửi đi trong gói dữ liệu sau.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/versions.py" line="202"/>
        <location filename="../../desktop_app/ui/dialogs/versions.py" line="207"/>
        <source>Restore a kept version</source>
        <translation>Khôi phục phiên bản đã lưu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/versions.py" line="211"/>
        <source>Restored: %1. The version it replaced is kept in this list.</source>
        <translation>Đã khôi phục: %1. Phiên bản bị thay được lưu trong danh sách này.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dialogs/versions.py" line="213"/>
        <source>Re-created: %1, with the records deleted together with it.</source>
        <translation>Đã tạo lại: %1, cùng các bản ghi bị xoá cùng với nó.</translation>
    </message>
</context>
</TS>
