; Inno Setup script: per-user installer for «Theo dõi Kế hoạch chuyển đổi số cấp xã».
;
; Build (Windows, repository root, after `pyinstaller --noconfirm build.spec`):
;   ISCC.exe /DAppVersion=0.1.0 packaging\windows\ChuyenDoiSoXa.iss
; or packaging\windows\build_installer.ps1, which reads the version from pyproject.toml.
; Output: dist\ChuyenDoiSoXa-Setup-<version>.exe
;
; This file is UTF-8 WITH BOM on purpose: it carries Vietnamese text, and Inno Setup
; before 6.3 reads a BOM-less script as ANSI. Keep the BOM when editing.
;
; Optional defines (ISCC /Dname=value):
;   AppVersion     version shown and used in the file name (default below; CI passes
;                  [project] version from pyproject.toml)
;   DistDir        the PyInstaller one-folder bundle (default ..\..\dist\ChuyenDoiSoXa)
;   SetupOutputDir where the installer is written (default ..\..\dist)
;   AppIcon        setup/uninstall icon (default ..\..\resources\icons\app.ico)
;   VietnameseIsl  path of a complete Vietnamese .isl translation (for example the
;                  unofficial one from Inno Setup's "Languages\Unofficial" folder).
;                  Without it the wizard uses Inno Setup's built-in English messages,
;                  with every message on the normal install/uninstall path replaced by
;                  the Vietnamese text in [Messages] below; see README.md.
;
; Relative paths are relative to this script's folder (SourceDir).

#if VER < EncodeVer(6, 3, 0)
  #error Inno Setup 6.3 or newer is required (ArchitecturesAllowed=x64compatible)
#endif

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef DistDir
  #define DistDir "..\..\dist\ChuyenDoiSoXa"
#endif
#ifndef SetupOutputDir
  #define SetupOutputDir "..\..\dist"
#endif
#ifndef AppIcon
  #define AppIcon "..\..\resources\icons\app.ico"
#endif

#define AppName "Theo dõi Kế hoạch chuyển đổi số cấp xã"
#define ShortcutName "Theo dõi chuyển đổi số"
#define AppPublisher "UBND xã"
#define AppExeName "ChuyenDoiSoXa.exe"
; The program's own data folder name: platformdirs user_data_path("ChuyenDoiSoXa",
; appauthor=False) = %LOCALAPPDATA%\ChuyenDoiSoXa (desktop_app/paths.py). Never touched.
#define DataDirName "ChuyenDoiSoXa"
; Data package: a double-click opens the program's import preview (file given alone on
; the command line, desktop_app/cli.py _file_to_open).
#define PackageExt ".cdsx"
#define PackageProgId "ChuyenDoiSoXa.Package"
; Named mutex checked by Setup and Uninstall: a no-op until the program creates it
; (CreateMutexW(NULL, FALSE, L"ChuyenDoiSoXaMutex") at start-up).
#define AppMutexName "ChuyenDoiSoXaMutex"

; DistDir may be relative (to this script's folder) or absolute (has a drive colon).
#if Pos(":", DistDir) == 0
  #define DistDirFull AddBackslash(SourcePath) + DistDir
#else
  #define DistDirFull DistDir
#endif
#if !FileExists(AddBackslash(DistDirFull) + AppExeName)
  #error The PyInstaller bundle is missing: run `pyinstaller --noconfirm build.spec` at the repository root first (expected dist\ChuyenDoiSoXa\ChuyenDoiSoXa.exe)
#endif

[Setup]
; AppId identifies the installation (uninstall key {AppId}_is1, upgrades in place).
; Never change it: a new value would install a second copy beside the first.
AppId={{9AFE8469-EA13-4A31-87ED-3D9DD923B224}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
AppMutex={#AppMutexName}
; Per-user install, no administrator rights: non administrative install mode, where
; {autopf} is {userpf} = %LOCALAPPDATA%\Programs, {autoprograms}/{autodesktop} are the
; user's Start menu and desktop and HKA is HKEY_CURRENT_USER.
PrivilegesRequired=lowest
DefaultDirName={autopf}\ChuyenDoiSoXa
DefaultGroupName={#ShortcutName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6 needs Windows 10 1809 or later.
MinVersion=10.0.17763
CloseApplications=yes
ChangesAssociations=yes
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName}
SetupIconFile={#AppIcon}
OutputDir={#SetupOutputDir}
OutputBaseFilename=ChuyenDoiSoXa-Setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
SetupLogging=yes

[Languages]
#ifdef VietnameseIsl
Name: "vi"; MessagesFile: "{#VietnameseIsl}"
#else
Name: "vi"; MessagesFile: "compiler:Default.isl"
#endif

[LangOptions]
LanguageName=Tiếng Việt
LanguageID=$042A

[Messages]
; Vietnamese for every message on the normal install and uninstall path. Names checked
; against Inno Setup's Default.isl (6.1 to 6.5); rarer error messages stay in English
; unless VietnameseIsl is given.
SetupAppTitle=Cài đặt
SetupWindowTitle=Cài đặt – %1
UninstallAppTitle=Gỡ cài đặt
UninstallAppFullTitle=Gỡ cài đặt %1
InformationTitle=Thông tin
ConfirmTitle=Xác nhận
ErrorTitle=Lỗi
SetupLdrStartupMessage=Chương trình này sẽ cài %1. Bạn có muốn tiếp tục không?
SetupAlreadyRunning=Trình cài đặt đang chạy.
WindowsVersionNotSupported=Chương trình không hỗ trợ phiên bản Windows trên máy tính này.
OnlyOnTheseArchitectures=Chương trình chỉ cài được trên Windows dành cho các loại bộ xử lý sau:%n%n%1
WinVersionTooLowError=Chương trình cần %1 phiên bản %2 trở lên.
SetupAppRunningError=Trình cài đặt thấy %1 đang chạy.%n%nHãy đóng chương trình rồi bấm OK để tiếp tục, hoặc bấm Hủy để thoát.
UninstallAppRunningError=Trình gỡ cài đặt thấy %1 đang chạy.%n%nHãy đóng chương trình rồi bấm OK để tiếp tục, hoặc bấm Hủy để thoát.
ErrorCreatingDir=Không tạo được thư mục "%1"
ExitSetupTitle=Thoát cài đặt
ExitSetupMessage=Việc cài đặt chưa xong. Nếu thoát bây giờ, chương trình sẽ không được cài.%n%nBạn có thể chạy lại trình cài đặt vào lúc khác.%n%nThoát cài đặt?
AboutSetupMenuItem=&Giới thiệu trình cài đặt...
AboutSetupTitle=Giới thiệu trình cài đặt
ButtonBack=< &Quay lại
ButtonNext=&Tiếp >
ButtonInstall=&Cài đặt
ButtonOK=OK
ButtonCancel=Hủy
ButtonYes=&Có
ButtonYesToAll=Có với &tất cả
ButtonNo=&Không
ButtonNoToAll=K&hông với tất cả
ButtonFinish=&Hoàn tất
ButtonBrowse=&Duyệt...
ButtonWizardBrowse=D&uyệt...
ButtonNewFolder=&Tạo thư mục mới
ClickNext=Bấm Tiếp để tiếp tục, hoặc Hủy để thoát.
BrowseDialogTitle=Chọn thư mục
BrowseDialogLabel=Chọn một thư mục trong danh sách rồi bấm OK.
NewFolderName=Thư mục mới
WelcomeLabel1=Chào mừng đến với trình cài đặt [name]
WelcomeLabel2=Trình cài đặt sẽ cài [name/ver] vào máy tính của bạn.%n%nNên đóng các chương trình khác trước khi tiếp tục.
WizardSelectDir=Chọn thư mục cài đặt
SelectDirDesc=Cài [name] vào đâu?
SelectDirLabel3=Trình cài đặt sẽ cài [name] vào thư mục sau.
SelectDirBrowseLabel=Bấm Tiếp để tiếp tục. Muốn chọn thư mục khác, bấm Duyệt.
DiskSpaceGBLabel=Cần ít nhất [gb] GB dung lượng trống.
DiskSpaceMBLabel=Cần ít nhất [mb] MB dung lượng trống.
InvalidPath=Hãy nhập đường dẫn đầy đủ, có ký tự ổ đĩa, ví dụ:%n%nC:\APP%n%nhoặc đường dẫn mạng dạng:%n%n\\server\share
DiskSpaceWarningTitle=Không đủ dung lượng
DiskSpaceWarning=Cần ít nhất %1 KB dung lượng trống nhưng ổ đĩa đã chọn chỉ còn %2 KB.%n%nVẫn tiếp tục?
DirNameTooLong=Tên thư mục hoặc đường dẫn quá dài.
InvalidDirName=Tên thư mục không hợp lệ.
BadDirName32=Tên thư mục không được chứa các ký tự sau:%n%n%1
DirExistsTitle=Thư mục đã có
DirExists=Thư mục:%n%n%1%n%nđã có. Vẫn cài vào thư mục này?
DirDoesntExistTitle=Thư mục chưa có
DirDoesntExist=Thư mục:%n%n%1%n%nchưa có. Tạo thư mục này?
WizardSelectTasks=Chọn việc làm thêm
SelectTasksDesc=Trình cài đặt cần làm thêm những việc nào?
SelectTasksLabel2=Chọn những việc trình cài đặt làm thêm khi cài [name], rồi bấm Tiếp.
WizardReady=Sẵn sàng cài đặt
ReadyLabel1=Trình cài đặt đã sẵn sàng cài [name] vào máy tính của bạn.
ReadyLabel2a=Bấm Cài đặt để bắt đầu, hoặc Quay lại nếu muốn xem lại hay thay đổi lựa chọn.
ReadyLabel2b=Bấm Cài đặt để bắt đầu.
ReadyMemoDir=Thư mục cài đặt:
ReadyMemoGroup=Thư mục trong trình đơn Start:
ReadyMemoTasks=Việc làm thêm:
WizardPreparing=Chuẩn bị cài đặt
PreparingDesc=Trình cài đặt đang chuẩn bị cài [name] vào máy tính của bạn.
CannotContinue=Không thể tiếp tục cài đặt. Bấm Hủy để thoát.
ApplicationsFound=Các chương trình sau đang dùng những tệp cần cập nhật. Nên để trình cài đặt tự đóng các chương trình này.
ApplicationsFound2=Các chương trình sau đang dùng những tệp cần cập nhật. Nên để trình cài đặt tự đóng các chương trình này. Cài xong, trình cài đặt sẽ thử mở lại chúng.
CloseApplications=&Tự động đóng các chương trình
DontCloseApplications=&Không đóng các chương trình
ErrorCloseApplications=Trình cài đặt không tự đóng được mọi chương trình. Hãy tự đóng các chương trình đang dùng những tệp cần cập nhật trước khi tiếp tục.
WizardInstalling=Đang cài đặt
InstallingLabel=Xin chờ trong khi [name] được cài vào máy tính của bạn.
FinishedHeadingLabel=Đã cài xong [name]
FinishedLabelNoIcons=[name] đã được cài vào máy tính của bạn.
FinishedLabel=[name] đã được cài vào máy tính của bạn. Có thể mở chương trình bằng biểu tượng vừa tạo.
ClickFinish=Bấm Hoàn tất để đóng trình cài đặt.
RunEntryExec=Mở %1
RunEntryShellExec=Xem %1
SetupAborted=Việc cài đặt chưa hoàn tất.%n%nHãy khắc phục sự cố rồi chạy lại trình cài đặt.
StatusClosingApplications=Đang đóng các chương trình...
StatusCreateDirs=Đang tạo thư mục...
StatusExtractFiles=Đang chép tệp...
StatusCreateIcons=Đang tạo biểu tượng...
StatusCreateRegistryEntries=Đang ghi vào sổ đăng ký (registry)...
StatusSavingUninstall=Đang lưu thông tin gỡ cài đặt...
StatusRunProgram=Đang hoàn tất...
StatusRestartingApplications=Đang mở lại các chương trình...
StatusRollback=Đang hoàn tác các thay đổi...
ConfirmUninstall=Gỡ %1 khỏi máy tính này?%n%nDữ liệu của bạn (cơ sở dữ liệu, bản sao lưu, tệp minh chứng) được giữ lại, không bị xóa.
UninstallStatusLabel=Xin chờ trong khi %1 được gỡ khỏi máy tính của bạn.
UninstalledAll=Đã gỡ %1 khỏi máy tính của bạn.
UninstalledMost=Đã gỡ xong %1.%n%nMột số thành phần không xóa được; bạn có thể tự xóa chúng.
UninstalledAndNeedsRestart=Để gỡ xong %1, cần khởi động lại máy tính.%n%nKhởi động lại ngay bây giờ?
WizardUninstalling=Tình trạng gỡ cài đặt
StatusUninstalling=Đang gỡ %1...
ShutdownBlockReasonInstallingApp=Đang cài %1.
ShutdownBlockReasonUninstallingApp=Đang gỡ %1.

[CustomMessages]
NameAndVersion=%1 phiên bản %2
AdditionalIcons=Biểu tượng:
CreateDesktopIcon=Tạo biểu tượng trên màn hình nền
UninstallProgram=Gỡ cài đặt %1
LaunchProgram=Mở %1
AssocGroup=Tệp dữ liệu:
AssocPackage=Mở gói dữ liệu ({#PackageExt}) bằng chương trình này khi bấm đúp
PackageTypeName=Gói dữ liệu chuyển đổi số
DirIsDataDir=Không thể cài chương trình vào thư mục dữ liệu của nó:%n%n%1%n%nHãy chọn thư mục khác.
DataKept=Dữ liệu của bạn vẫn được giữ nguyên, không bị xóa:%n%n%1%n%n• du_lieu.sqlite3 – cơ sở dữ liệu%n• backups – các bản sao lưu%n• minh_chung – tệp minh chứng%n%nNếu cài lại chương trình, dữ liệu này được dùng tiếp. Nếu không cần nữa, bạn có thể tự xóa thư mục trên.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "assocpackage"; Description: "{cm:AssocPackage}"; GroupDescription: "{cm:AssocGroup}"

[InstallDelete]
; An update replaces the whole bundle: files a newer build no longer ships must not
; linger in the PyInstaller folder. Only program files live there, never user data.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#ShortcutName}"; Filename: "{app}\{#AppExeName}"; WorkingDir: "{app}"; Comment: "{#AppName}"
Name: "{group}\{cm:UninstallProgram,{#ShortcutName}}"; Filename: "{uninstallexe}"; Comment: "{cm:UninstallProgram,{#AppName}}"
Name: "{autodesktop}\{#ShortcutName}"; Filename: "{app}\{#AppExeName}"; WorkingDir: "{app}"; Comment: "{#AppName}"; Tasks: desktopicon

[Registry]
; File association for the data package, per user (HKA = HKCU\Software\Classes here).
; Uninstall removes the ProgID key, our values under .cdsx and then the keys left empty
; (entries are undone in reverse order, so the subkeys go before their parents).
Root: HKA; Subkey: "Software\Classes\{#PackageExt}"; ValueType: string; ValueName: ""; ValueData: "{#PackageProgId}"; Flags: uninsdeletevalue uninsdeletekeyifempty; Tasks: assocpackage
Root: HKA; Subkey: "Software\Classes\{#PackageExt}\OpenWithProgids"; ValueType: string; ValueName: "{#PackageProgId}"; ValueData: ""; Flags: uninsdeletevalue uninsdeletekeyifempty; Tasks: assocpackage
Root: HKA; Subkey: "Software\Classes\{#PackageProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:PackageTypeName}"; Flags: uninsdeletekey; Tasks: assocpackage
Root: HKA; Subkey: "Software\Classes\{#PackageProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExeName},0"; Tasks: assocpackage
Root: HKA; Subkey: "Software\Classes\{#PackageProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExeName}"" ""%1"""; Tasks: assocpackage
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExeName}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#ShortcutName}"; Flags: uninsdeletekey; Tasks: assocpackage
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExeName}\SupportedTypes"; ValueType: string; ValueName: "{#PackageExt}"; ValueData: ""; Tasks: assocpackage

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#ShortcutName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] section, deliberately: the uninstaller removes only what Setup
; installed. The user's database, backups and evidence files live in
; {localappdata}\ChuyenDoiSoXa, outside {app}, and are never deleted.

[Code]
function DataDir: String;
begin
  Result := ExpandConstant('{localappdata}\{#DataDirName}');
end;

{ True when Path is Folder or lies inside it (case-insensitive). }
function IsSameOrInside(const Path, Folder: String): Boolean;
var
  P, F: String;
begin
  P := AddBackslash(Path);
  F := AddBackslash(Folder);
  Result := (Length(P) >= Length(F)) and (CompareText(Copy(P, 1, Length(F)), F) = 0);
end;

function NextButtonClick(CurPageID: Integer): Boolean;
begin
  Result := True;
  { The program folder is emptied on update and uninstall: it must not be the data folder. }
  if (CurPageID = wpSelectDir) and IsSameOrInside(WizardDirValue, DataDir) then
  begin
    SuppressibleMsgBox(FmtMessage(CustomMessage('DirIsDataDir'), [DataDir]), mbError, MB_OK, IDOK);
    Result := False;
  end;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  { Say where the kept data is; nothing is shown in a silent uninstall. }
  if (CurUninstallStep = usPostUninstall) and (not UninstallSilent) and DirExists(DataDir) then
    MsgBox(FmtMessage(CustomMessage('DataKept'), [DataDir]), mbInformation, MB_OK);
end;
