; Inno Setup 6 script: a per-user installer for Role Designer that needs no administrator rights.
;
; Build the app first, on Windows (packaging\README.md), so that dist\RoleDesigner\RoleDesigner.exe
; exists; then compile this script with Inno Setup 6, from the repository root:
;
;   "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" packaging\windows\roledesigner.iss
;
; The installer is written to dist\RoleDesigner-<version>-user-setup.exe. It installs what
; install-user.ps1 installs (the folder in %LOCALAPPDATA%\Programs\RoleDesigner, a Start menu
; shortcut, the .roledesign file type under HKEY_CURRENT_USER) with the usual wizard, and its
; uninstaller appears in Settings > Apps. Settings and library entries in
; %LOCALAPPDATA%\RoleDesigner are left alone by both.

#define AppName "Role Designer"
#define AppExe "RoleDesigner.exe"
#define ProgId "RoleDesigner.Design"
#define BuiltExe AddBackslash(SourcePath) + "..\..\dist\RoleDesigner\" + AppExe
#if !FileExists(BuiltExe)
  #error dist\RoleDesigner\RoleDesigner.exe is missing: build the app first (packaging\README.md).
#endif
; The version the build wrote into the program's version information, as 0.1.0.0.
#define AppVersion GetVersionNumbersString(BuiltExe)

[Setup]
; AppId identifies this app to the installer for upgrades and removal: never change it.
AppId={{106F0724-03CB-4539-9DA2-273BDD967759}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Role Designer team
; Non administrative install mode: {autopf} is the user's own %LOCALAPPDATA%\Programs.
PrivilegesRequired=lowest
DefaultDirName={autopf}\RoleDesigner
DisableProgramGroupPage=yes
ChangesAssociations=yes
SetupIconFile=..\icons\roledesigner.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputDir=..\..\dist
OutputBaseFilename=RoleDesigner-{#AppVersion}-user-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\..\dist\RoleDesigner\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Write job specifications for system leadership roles, offline"

[Registry]
; The .roledesign file type, for this user only (HKA is HKEY_CURRENT_USER in this install mode).
; "gui" opens the desktop app with the file, as `roledesigner gui FILE` does.
Root: HKA; Subkey: "Software\Classes\.roledesign"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.roledesign"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-roledesign"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.roledesign\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "Role design"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" gui ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
