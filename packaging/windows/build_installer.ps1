<#
.SYNOPSIS
  Builds the Windows installer dist\ChuyenDoiSoXa-Setup-<version>.exe with Inno Setup.

.DESCRIPTION
  Run on Windows after the PyInstaller build (pyinstaller --noconfirm build.spec), from
  anywhere. Reads the version from pyproject.toml ([project] version) unless -Version is
  given, finds ISCC.exe (Inno Setup 6.3+ or 7, per-machine or per-user install, or on
  PATH), optionally installs Inno Setup with Chocolatey, and compiles
  packaging\windows\ChuyenDoiSoXa.iss. Writes the installer's full path to the output.
  The CI workflow (.github/workflows/windows.yml) runs this same script.

.PARAMETER Version
  Version for the installer; default: [project] version from pyproject.toml.

.PARAMETER InstallInnoSetup
  When no ISCC.exe of Inno Setup 6.3+ is found, install or update Inno Setup with
  Chocolatey (`choco upgrade innosetup`, which installs it when missing).

.PARAMETER VietnameseIsl
  Optional path of a complete Vietnamese .isl translation (see README.md).

.EXAMPLE
  pyinstaller --noconfirm build.spec
  .\packaging\windows\build_installer.ps1
#>
[CmdletBinding()]
param(
    [string]$Version,
    [switch]$InstallInnoSetup,
    [string]$VietnameseIsl
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$Root = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '..\..')).Path
$Script = Join-Path $PSScriptRoot 'ChuyenDoiSoXa.iss'

function Find-Iscc {
    $candidates = @()
    $bases = @([Environment]::GetEnvironmentVariable('ProgramFiles(x86)'), $env:ProgramFiles)
    if ($env:LOCALAPPDATA) { $bases += (Join-Path $env:LOCALAPPDATA 'Programs') }  # per-user install
    foreach ($base in $bases) {
        if (-not $base) { continue }
        foreach ($name in @('Inno Setup 6', 'Inno Setup 7')) {
            $candidates += (Join-Path (Join-Path $base $name) 'ISCC.exe')
        }
    }
    # Wherever Inno Setup was installed: its uninstall entry (per-machine or per-user).
    foreach ($key in @(
            'HKLM:\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall\Inno Setup 6_is1',
            'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\Inno Setup 6_is1',
            'HKCU:\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\Inno Setup 6_is1',
            'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\Inno Setup 7_is1',
            'HKCU:\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\Inno Setup 7_is1')) {
        $entry = Get-ItemProperty -LiteralPath $key -ErrorAction SilentlyContinue
        if ($entry -and ($entry.PSObject.Properties.Name -contains 'InstallLocation') -and $entry.InstallLocation) {
            $candidates += (Join-Path $entry.InstallLocation 'ISCC.exe')
        }
    }
    $onPath = Get-Command 'ISCC.exe' -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if ($onPath) { $candidates += $onPath.Source }
    foreach ($candidate in $candidates) {
        if (-not (Test-Path -LiteralPath $candidate -PathType Leaf)) { continue }
        $found = Get-IsccVersion $candidate
        if ($found -and $found -lt [version]'6.3') {
            Write-Host "Skipping $candidate (Inno Setup $found; 6.3 or newer is needed)."
            continue
        }
        return $candidate
    }
    return $null
}

function Get-IsccVersion([string]$Path) {
    $text = (Get-Item -LiteralPath $Path).VersionInfo.FileVersion
    if ($text -and ($text -match '^\s*(\d+)\.(\d+)(\.(\d+))?')) {
        $build = 0
        if ($Matches[4]) { $build = [int]$Matches[4] }
        return [version]::new([int]$Matches[1], [int]$Matches[2], $build)
    }
    return $null
}

Push-Location -LiteralPath $Root
try {
    if (-not $Version) {
        $Version = & python -c "import tomllib; print(tomllib.load(open('pyproject.toml', 'rb'))['project']['version'])"
        if ($LASTEXITCODE -ne 0 -or -not $Version) { throw 'Could not read [project] version from pyproject.toml (is Python 3.11+ on PATH?).' }
        $Version = "$Version".Trim()
    }
    if ($Version -notmatch '^[0-9A-Za-z][0-9A-Za-z.+-]*$') { throw "Unexpected version '$Version'." }

    $Exe = Join-Path $Root 'dist\ChuyenDoiSoXa\ChuyenDoiSoXa.exe'
    if (-not (Test-Path -LiteralPath $Exe -PathType Leaf)) {
        throw "Missing $Exe - build it first: pyinstaller --noconfirm build.spec"
    }

    $Iscc = Find-Iscc
    if (-not $Iscc -and $InstallInnoSetup) {
        # `choco upgrade` installs the package when it is missing and updates an old one.
        Write-Host 'Inno Setup 6.3+ not found: installing it with Chocolatey.'
        & choco upgrade innosetup -y --no-progress
        if ($LASTEXITCODE -ne 0) { throw "choco upgrade innosetup failed (exit code $LASTEXITCODE)." }
        $Iscc = Find-Iscc
    }
    if (-not $Iscc) {
        throw 'ISCC.exe (Inno Setup 6.3 or newer) not found. Install Inno Setup from https://jrsoftware.org/isdl.php or run with -InstallInnoSetup.'
    }
    Write-Host ("Inno Setup compiler: {0} (version {1})" -f $Iscc, (Get-Item -LiteralPath $Iscc).VersionInfo.FileVersion)

    $IsccArgs = @("/DAppVersion=$Version")
    if ($VietnameseIsl) {
        $IsccArgs += ('/DVietnameseIsl=' + (Resolve-Path -LiteralPath $VietnameseIsl).Path)
    }
    $IsccArgs += $Script
    & $Iscc @IsccArgs
    if ($LASTEXITCODE -ne 0) { throw "ISCC failed (exit code $LASTEXITCODE)." }

    $Setup = Join-Path $Root "dist\ChuyenDoiSoXa-Setup-$Version.exe"
    if (-not (Test-Path -LiteralPath $Setup -PathType Leaf)) { throw "ISCC succeeded but $Setup is missing." }
    Write-Host ("Installer: {0} ({1:N1} MiB)" -f $Setup, ((Get-Item -LiteralPath $Setup).Length / 1MB))
    Write-Output $Setup
}
finally {
    Pop-Location
}
