; Inno Setup 6 script: the Windows installer of Kiosk (Start-menu entries, uninstaller, an
; optional desktop icon and an optional "start the self-service kiosk at login" task).
;
; Build the bundle first (packaging\build-windows.ps1 does all of it), then:
;   "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\windows\kiosk.iss
; -> dist\Kiosk-Setup-0.1.0.exe
;
; Needs Inno Setup 6.3 or newer (x64compatible). NOT executed in the project's CI (Linux);
; written against the Inno Setup 6 documentation.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Kiosk"
#define GuiExe "kiosk-gui.exe"
#define Bundle "..\..\dist\kiosk"

[Setup]
; Never change AppId: Windows finds earlier installations (upgrade, uninstall) by it.
AppId={{6F1D3C52-8B0E-4C8A-9A51-2E7B6C0D4F13}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Kiosk developers
AppComments=Offline check-in and badge printing for conference registration desks
VersionInfoVersion={#AppVersion}
; Per-machine into Program Files by default; people without administrator rights can choose
; "only for me" (then {autopf} is their own Programs folder and no UAC prompt appears).
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog commandline
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=Kiosk-Setup-{#AppVersion}
SetupIconFile=..\..\kiosk\assets\icons\kiosk.ico
UninstallDisplayIcon={app}\{#GuiExe}
UninstallDisplayName={#AppName} {#AppVersion}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
; Close a running Kiosk before files are replaced (the Restart Manager asks it to quit; every
; check-in shown is already on disk).
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
#if FileExists(CompilerPath + "Languages\Bulgarian.isl")
Name: "bulgarian"; MessagesFile: "compiler:Languages\Bulgarian.isl"
#endif
; Romanian is not among Inno Setup's official translations: drop the community Romanian.isl
; into Inno Setup's Languages folder to get it (https://jrsoftware.org/files/istrans/).
#if FileExists(CompilerPath + "Languages\Romanian.isl")
Name: "romanian"; MessagesFile: "compiler:Languages\Romanian.isl"
#endif

[CustomMessages]
english.KioskGroup=Self-service touchscreen:
english.KioskAtLogin=Start the self-service kiosk (full screen) at login
english.KioskShortcut=Kiosk self-service (full screen)
english.SelfTest=Kiosk self-test
english.LaunchKiosk=Open Kiosk now
#if FileExists(CompilerPath + "Languages\Bulgarian.isl")
bulgarian.KioskGroup=Терминал на самообслужване:
bulgarian.KioskAtLogin=Стартиране на терминала за самообслужване (цял екран) при влизане в Windows
bulgarian.KioskShortcut=Kiosk – самообслужване (цял екран)
bulgarian.SelfTest=Kiosk – самопроверка
bulgarian.LaunchKiosk=Отваряне на Kiosk
#endif
#if FileExists(CompilerPath + "Languages\Romanian.isl")
romanian.KioskGroup=Terminal de autoservire:
romanian.KioskAtLogin=Pornește terminalul de autoservire (ecran complet) la autentificarea în Windows
romanian.KioskShortcut=Kiosk – autoservire (ecran complet)
romanian.SelfTest=Kiosk – autotestare
romanian.LaunchKiosk=Deschide Kiosk acum
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "kioskatlogin"; Description: "{cm:KioskAtLogin}"; GroupDescription: "{cm:KioskGroup}"; Flags: unchecked

[Files]
; The whole PyInstaller one-folder bundle: kiosk.exe (command line), kiosk-gui.exe (window),
; _internal\ (Python, Qt, fonts, templates, translations, icons).
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{app}"
Name: "{group}\{cm:KioskShortcut}"; Filename: "{app}\{#GuiExe}"; Parameters: "--kiosk"; WorkingDir: "{app}"
; The self-test in a console window that stays open, so staff can read (or photograph) it.
Name: "{group}\{cm:SelfTest}"; Filename: "{cmd}"; Parameters: "/k ""{app}\kiosk.exe"" self-test"; WorkingDir: "{app}"; IconFilename: "{app}\{#GuiExe}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{app}"; Tasks: desktopicon
; "Start in kiosk mode at login": a shortcut in the Startup folder ({autostartup}: every
; user's when installed for all users, else only the installing user's); the uninstaller
; removes it. For a locked-down kiosk add Windows Assigned Access (docs/install.md).
Name: "{autostartup}\{cm:KioskShortcut}"; Filename: "{app}\{#GuiExe}"; Parameters: "--kiosk"; WorkingDir: "{app}"; Tasks: kioskatlogin

[Run]
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchKiosk}"; Flags: postinstall nowait skipifsilent unchecked

; Event databases, logs and settings live in %LOCALAPPDATA%\Kiosk and are deliberately kept by
; the uninstaller: an event's check-ins must never vanish with the program.
