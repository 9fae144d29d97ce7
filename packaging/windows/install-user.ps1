<#
.SYNOPSIS
Installs Role Designer for the current user only. No administrator rights are needed.

.DESCRIPTION
Copies the built folder (dist\RoleDesigner, the one holding RoleDesigner.exe) to
%LOCALAPPDATA%\Programs\RoleDesigner, adds a Start menu shortcut, registers the .roledesign
file type under HKEY_CURRENT_USER\Software\Classes so that double-clicking a role design opens
it in Role Designer, and adds an entry to Settings > Apps so that the user can remove it again.
Everything it writes is in the user's own profile and registry. Running it again replaces an
earlier install. Settings and the user's own library entries (%LOCALAPPDATA%\RoleDesigner) are
not touched.

.PARAMETER Source
The built folder, the one holding RoleDesigner.exe (dist\RoleDesigner after a build).

.PARAMETER Destination
Where to install. The default is %LOCALAPPDATA%\Programs\RoleDesigner.

.EXAMPLE
powershell -NoProfile -ExecutionPolicy Bypass -File packaging\windows\install-user.ps1 -Source dist\RoleDesigner
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)]
    [string]$Source,
    [string]$Destination = (Join-Path $env:LOCALAPPDATA 'Programs\RoleDesigner')
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

$ExeName = 'RoleDesigner.exe'
$ProgId = 'RoleDesigner.Design'
$Extension = '.roledesign'
$ShortcutName = 'Role Designer.lnk'
$UninstallKey = 'Software\Microsoft\Windows\CurrentVersion\Uninstall\RoleDesigner'

function Get-FullPath([string]$Path) {
    # Relative to PowerShell's current location, which [IO.Path]::GetFullPath would not use.
    $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Path).TrimEnd('\')
}

function Test-Inside([string]$Path, [string]$Folder) {
    # Whether Path is Folder itself or inside it (Windows paths are compared without case).
    $Path.Equals($Folder, [StringComparison]::OrdinalIgnoreCase) -or
        $Path.StartsWith($Folder + '\', [StringComparison]::OrdinalIgnoreCase)
}

function Set-UserValue([string]$SubKey, [string]$Name, $Value, [Microsoft.Win32.RegistryValueKind]$Kind = 'String') {
    # Creates the key under HKEY_CURRENT_USER if needed and leaves its other values alone.
    $key = [Microsoft.Win32.Registry]::CurrentUser.CreateSubKey($SubKey)
    try { $key.SetValue($Name, $Value, $Kind) } finally { $key.Close() }
}

function Stop-IfRunning([string]$Folder) {
    $running = @(Get-Process -Name 'RoleDesigner' -ErrorAction SilentlyContinue |
        Where-Object { $_.Path -and (Test-Inside $_.Path $Folder) })
    if ($running.Count -gt 0) {
        throw "Role Designer is running from $Folder. Close it (save your work first), then run this again."
    }
}

$UninstallerSource = Join-Path $PSScriptRoot 'uninstall-user.ps1'
if (-not (Test-Path -LiteralPath $UninstallerSource -PathType Leaf)) {
    throw "$UninstallerSource is missing. Keep install-user.ps1 and uninstall-user.ps1 together."
}
$Source = Get-FullPath $Source
$Destination = Get-FullPath $Destination
$SourceExe = Join-Path $Source $ExeName
if (-not (Test-Path -LiteralPath $SourceExe -PathType Leaf)) {
    throw "$Source has no $ExeName in it. Give the folder the build made (dist\RoleDesigner)."
}
if ((Test-Inside $Destination $Source) -or (Test-Inside $Source $Destination)) {
    throw "The destination $Destination and the built folder $Source overlap. Choose another -Destination."
}
if ((Test-Path -LiteralPath $Destination) -and
    -not (Test-Path -LiteralPath (Join-Path $Destination $ExeName) -PathType Leaf)) {
    throw "$Destination already exists and is not a Role Designer install. Move it or choose another -Destination."
}
Stop-IfRunning $Destination

# Copy beside the destination first, so that a failed copy leaves any earlier install working.
$parent = Split-Path -Parent $Destination
[IO.Directory]::CreateDirectory($parent) | Out-Null
$staging = Join-Path $parent ('.RoleDesigner-installing-' + [guid]::NewGuid().ToString('N'))
$previous = Join-Path $parent ('.RoleDesigner-previous-' + [guid]::NewGuid().ToString('N'))
try {
    Copy-Item -LiteralPath $Source -Destination $staging -Recurse -Force
    Copy-Item -LiteralPath $UninstallerSource -Destination $staging
    if (Test-Path -LiteralPath $Destination) {
        Move-Item -LiteralPath $Destination -Destination $previous
    }
    try {
        Move-Item -LiteralPath $staging -Destination $Destination
    } catch {
        if (Test-Path -LiteralPath $previous) { Move-Item -LiteralPath $previous -Destination $Destination }
        throw
    }
} finally {
    if (Test-Path -LiteralPath $staging) { Remove-Item -LiteralPath $staging -Recurse -Force }
    # The earlier install goes only once the new one is in its place.
    if ((Test-Path -LiteralPath $previous) -and (Test-Path -LiteralPath $Destination)) {
        Remove-Item -LiteralPath $previous -Recurse -Force
    }
}
Write-Host "Copied $Source to $Destination"
$Exe = Join-Path $Destination $ExeName

# Start menu shortcut, in the user's own Start menu.
$programs = [Environment]::GetFolderPath('Programs')
$shell = New-Object -ComObject WScript.Shell
$shortcut = $shell.CreateShortcut((Join-Path $programs $ShortcutName))
$shortcut.TargetPath = $Exe
$shortcut.WorkingDirectory = $Destination
$shortcut.IconLocation = "$Exe,0"
$shortcut.Description = 'Write job specifications for system leadership roles, offline'
$shortcut.Save()
Write-Host "Added the Start menu shortcut $ShortcutName"

# The .roledesign file type. "gui" opens the desktop app with the file, as `roledesigner gui FILE`.
$classes = 'Software\Classes'
Set-UserValue "$classes\$Extension" '' $ProgId
Set-UserValue "$classes\$Extension" 'Content Type' 'application/x-roledesign'
Set-UserValue "$classes\$Extension\OpenWithProgids" $ProgId ''
Set-UserValue "$classes\$ProgId" '' 'Role design'
Set-UserValue "$classes\$ProgId\DefaultIcon" '' ('"{0}",0' -f $Exe)
Set-UserValue "$classes\$ProgId\shell\open\command" '' ('"{0}" gui "%1"' -f $Exe)
Write-Host "Registered $Extension files to open in Role Designer"

# Settings > Apps: the version comes from the version information the build put in the program.
$version = (Get-Item -LiteralPath $Exe).VersionInfo.ProductVersion
$installedUninstaller = Join-Path $Destination 'uninstall-user.ps1'
Set-UserValue $UninstallKey 'DisplayName' 'Role Designer'
Set-UserValue $UninstallKey 'DisplayVersion' ([string]$version)
Set-UserValue $UninstallKey 'Publisher' 'Role Designer team'
Set-UserValue $UninstallKey 'DisplayIcon' ('"{0}",0' -f $Exe)
Set-UserValue $UninstallKey 'InstallLocation' $Destination
Set-UserValue $UninstallKey 'UninstallString' ('powershell.exe -NoProfile -ExecutionPolicy Bypass -File "{0}" -Pause' -f $installedUninstaller)
Set-UserValue $UninstallKey 'NoModify' 1 'DWord'
Set-UserValue $UninstallKey 'NoRepair' 1 'DWord'

# Tell Explorer that file types changed, so that icons update without signing out.
try {
    Add-Type -Namespace RoleDesignerSetup -Name Shell -MemberDefinition @'
[System.Runtime.InteropServices.DllImport("shell32.dll")]
public static extern void SHChangeNotify(int eventId, uint flags, System.IntPtr item1, System.IntPtr item2);
'@
    [RoleDesignerSetup.Shell]::SHChangeNotify(0x08000000, 0, [IntPtr]::Zero, [IntPtr]::Zero)  # SHCNE_ASSOCCHANGED
} catch {
    Write-Warning 'Explorer could not be told about the new file type; its icon appears after you next sign in.'
}

Write-Host ''
Write-Host "Role Designer is installed for $($env:USERNAME): $Exe"
Write-Host 'Check it with (packaging\README.md explains the report):'
Write-Host "  (Start-Process -FilePath '$($Exe.Replace("'", "''"))' -ArgumentList '--self-test' -Wait -PassThru).ExitCode"
Write-Host "  Get-Content -LiteralPath (Join-Path `$env:TEMP 'roledesigner-self-test.txt')"
