<#
.SYNOPSIS
Removes a per-user Role Designer install made by install-user.ps1. No administrator rights are needed.

.DESCRIPTION
Removes the program folder, the Start menu shortcut, the .roledesign file type registered under
HKEY_CURRENT_USER\Software\Classes and the entry in Settings > Apps. It keeps the user's
settings, library entries and role designs: settings and library entries stay in
%LOCALAPPDATA%\RoleDesigner, for a later install to find. install-user.ps1 copies this script
into the program folder, and Settings > Apps runs that copy.

.PARAMETER Destination
The install to remove. The default is the folder this script is in, if it holds
RoleDesigner.exe, else %LOCALAPPDATA%\Programs\RoleDesigner.

.PARAMETER Pause
Wait for Enter before closing, so that the outcome can be read. Settings > Apps runs the
script with it, in a window of its own.

.EXAMPLE
powershell -NoProfile -ExecutionPolicy Bypass -File packaging\windows\uninstall-user.ps1
#>
[CmdletBinding()]
param(
    [string]$Destination = '',
    [switch]$Pause
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

$ExeName = 'RoleDesigner.exe'
$ProgId = 'RoleDesigner.Design'
$Extension = '.roledesign'
$ShortcutName = 'Role Designer.lnk'
$UninstallKey = 'Software\Microsoft\Windows\CurrentVersion\Uninstall\RoleDesigner'
$Classes = 'Software\Classes'

function Test-Inside([string]$Path, [string]$Folder) {
    $Path.Equals($Folder, [StringComparison]::OrdinalIgnoreCase) -or
        $Path.StartsWith($Folder + '\', [StringComparison]::OrdinalIgnoreCase)
}

function Remove-UserKey([string]$SubKey) {
    # The key and everything under it, if it is there.
    [Microsoft.Win32.Registry]::CurrentUser.DeleteSubKeyTree($SubKey, $false)
}

function Remove-Extension {
    # Only what install-user.ps1 wrote: another program's claims on .roledesign stay.
    $key = [Microsoft.Win32.Registry]::CurrentUser.OpenSubKey("$Classes\$Extension", $true)
    if ($null -eq $key) { return }
    try {
        $progIds = $key.OpenSubKey('OpenWithProgids', $true)
        if ($null -ne $progIds) {
            try { $progIds.DeleteValue($ProgId, $false) } finally { $progIds.Close() }
        }
        if ($key.GetValue('') -eq $ProgId) {
            $key.DeleteValue('', $false)
            $key.DeleteValue('Content Type', $false)
        }
        $progIds = $key.OpenSubKey('OpenWithProgids')
        if ($null -ne $progIds) {
            $empty = $progIds.ValueCount -eq 0 -and $progIds.SubKeyCount -eq 0
            $progIds.Close()
            if ($empty) { $key.DeleteSubKey('OpenWithProgids', $false) }
        }
        $unused = $key.ValueCount -eq 0 -and $key.SubKeyCount -eq 0
    } finally {
        $key.Close()
    }
    if ($unused) { [Microsoft.Win32.Registry]::CurrentUser.DeleteSubKey("$Classes\$Extension", $false) }
}

$failed = $false
try {
    if ($Destination) {
        $Destination = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Destination).TrimEnd('\')
    } elseif (Test-Path -LiteralPath (Join-Path $PSScriptRoot $ExeName) -PathType Leaf) {
        $Destination = $PSScriptRoot.TrimEnd('\')
    } else {
        $Destination = Join-Path $env:LOCALAPPDATA 'Programs\RoleDesigner'
    }

    if (Test-Path -LiteralPath $Destination) {
        if (-not (Test-Path -LiteralPath (Join-Path $Destination $ExeName) -PathType Leaf)) {
            throw "$Destination is not a Role Designer install (there is no $ExeName in it), so it was left alone."
        }
        $running = @(Get-Process -Name 'RoleDesigner' -ErrorAction SilentlyContinue |
            Where-Object { $_.Path -and (Test-Inside $_.Path $Destination) })
        if ($running.Count -gt 0) {
            throw "Role Designer is running from $Destination. Close it (save your work first), then run this again."
        }
        # A folder cannot be removed while it is the current folder (Settings > Apps may start us in it).
        Set-Location -LiteralPath $env:TEMP
        [Environment]::CurrentDirectory = $env:TEMP
        Remove-Item -LiteralPath $Destination -Recurse -Force
        Write-Host "Removed $Destination"
    }

    $shortcut = Join-Path ([Environment]::GetFolderPath('Programs')) $ShortcutName
    if (Test-Path -LiteralPath $shortcut) { Remove-Item -LiteralPath $shortcut -Force }

    Remove-Extension
    Remove-UserKey "$Classes\$ProgId"
    Remove-UserKey $UninstallKey

    try {
        # A here-string's closing '@ must start its line.
        Add-Type -Namespace RoleDesignerSetup -Name Shell -MemberDefinition @'
[System.Runtime.InteropServices.DllImport("shell32.dll")]
public static extern void SHChangeNotify(int eventId, uint flags, System.IntPtr item1, System.IntPtr item2);
'@
        [RoleDesignerSetup.Shell]::SHChangeNotify(0x08000000, 0, [IntPtr]::Zero, [IntPtr]::Zero)  # SHCNE_ASSOCCHANGED
    } catch {
        Write-Warning 'Explorer could not be told that the file type was removed; its icon goes after you next sign in.'
    }

    Write-Host 'Role Designer is uninstalled. Settings, library entries and role designs are kept.'
} catch {
    $failed = $true
    Write-Host "Role Designer was not uninstalled: $($_.Exception.Message)" -ForegroundColor Red
} finally {
    if ($Pause) { [void](Read-Host 'Press Enter to close this window') }
}
if ($failed) { exit 1 }
